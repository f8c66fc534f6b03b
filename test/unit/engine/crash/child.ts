/**
 * The engine in a child process, for the crash tests: a file-backed fake directory, a sink that
 * appends every acknowledged credential to a file and fsyncs it BEFORE replying, the real hash
 * pool and the real state store. Prints "ack <n>" per acknowledged item and "done <outcome>".
 * Usage: node child.ts <workDir> full|sync
 */
import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { AppError, ErrorCode } from '../../../../shared/errors.ts';
import { createSyncEngine } from '../../../../electron/engine/engine.ts';
import type { CredentialItem, CredentialResult, CredentialSink } from '../../../../electron/engine/ports.ts';
import { HashPool } from '../../../../electron/phs/pool.ts';
import { openSyncStore } from '../../../../electron/store/sync-state.ts';
import { FakeDirectory } from '../fakes/directory.ts';
import { FakeSource } from '../fakes/source.ts';
import { FakeTenant } from '../fakes/tenant.ts';
import { crashFiles, SCOPE, type SinkConfig } from './files.ts';

const [work, mode] = process.argv.slice(2) as [string, 'full' | 'sync'];
const files = crashFiles(work);
const config = JSON.parse(readFileSync(files.sink, 'utf8')) as SinkConfig;

class FileSink implements CredentialSink {
  readonly maxBatchSize = 40;
  #calls = 0;

  async deliver(items: readonly CredentialItem[]): Promise<readonly CredentialResult[]> {
    const call = ++this.#calls;
    if (config.unavailableEvery > 0 && call % config.unavailableEvery === 0) {
      throw new AppError(ErrorCode.TenantUnavailable, 'The service is unavailable (503).', 'Retry later.');
    }
    if (config.throttleEvery > 0 && call % config.throttleEvery === 0) {
      return items.map((i) => ({
        sourceAnchor: i.sourceAnchor,
        outcome: 'throttled',
        code: 429,
        retryAfterMs: 3,
      }));
    }
    const results = items.map((i): CredentialResult =>
      config.poison.includes(i.sourceAnchor)
        ? { sourceAnchor: i.sourceAnchor, outcome: 'unknownUser', code: 4 }
        : { sourceAnchor: i.sourceAnchor, outcome: 'success', code: 0 },
    );
    const acked = items.filter((_, k) => results[k]!.outcome === 'success');
    if (acked.length > 0) {
      const fd = openSync(files.acked, 'a');
      writeSync(
        fd,
        acked
          .map(
            (i) =>
              `${JSON.stringify({ a: i.sourceAnchor, w: i.credentialData, d: i.changeDate, f: i.forceChangePasswordOnLogon })}\n`,
          )
          .join(''),
      );
      fsyncSync(fd);
      closeSync(fd);
      for (let k = 0; k < acked.length; k++) process.stdout.write('ack\n');
    }
    return results;
  }
}

const directory = FakeDirectory.fromJSON(readFileSync(files.directory, 'utf8'));
const source = new FakeSource(directory);
source.pageSize = 50;
const tenant = new FakeTenant();
tenant.directorySyncEnabled = true;
tenant.features = { ...tenant.features, passwordSyncEnabled: true };
const pool = new HashPool({ size: 2 });
const store = await openSyncStore(files.state);
const engine = createSyncEngine({
  source,
  tenant,
  sink: new FileSink(),
  hasher: pool,
  store,
  settings: {
    scope: SCOPE,
    pagesInFlight: 3,
    batchSize: 40,
    hashChunk: 16,
    cycleAttempts: 10,
    delivery: { baseDelayMs: 2, maxDelayMs: 10, maxAttempts: 6 },
    cycleBackoff: { baseDelayMs: 5, maxDelayMs: 50 },
  },
});
if (!store.state.settings.enabled) await engine.enable();
const run = mode === 'full' ? await engine.fullSync() : await engine.syncNow();
await engine.stop();
await store.close();
await pool.close();
process.stdout.write(`done ${run.outcome} ${run.kind}\n`);
