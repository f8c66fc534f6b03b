/** A failed self-test blocks sync: the engine runs no cycle, and the CLI says why and exits non-zero. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/io.ts';
import { engineCommand, type EngineCommandName } from '../../../electron/cli/engine-commands.ts';
import { EventId } from '../../../electron/engine/event-ids.ts';
import { CryptoSelfTest } from '../../../electron/self-test/crypto-self-test.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import { gatedEngine, type GatedEngine } from './gated-engine.ts';
import { brokenMd4, inThreadWorkers } from './stubs.ts';

const dir = mkdtempSync(join(tmpdir(), 'phs-blocked-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const broken = (): CryptoSelfTest => new CryptoSelfTest({ workers: inThreadWorkers(), deps: brokenMd4 });

function io(): CliIo {
  return { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
}

describe('a failed crypto self-test', () => {
  it('keeps the engine from running any cycle or user sync, and says so once in its events', async () => {
    const gated = await gatedEngine(broken(), join(dir, 'engine'));
    try {
      const { engine, sink, store } = gated;
      await expect(engine.syncNow()).rejects.toMatchObject({ code: ErrorCode.CryptoSelfTestFailed });
      await expect(engine.fullSync()).rejects.toMatchObject({ code: ErrorCode.CryptoSelfTestFailed });
      await expect(engine.syncUser('user1')).rejects.toMatchObject({ code: ErrorCode.CryptoSelfTestFailed });
      engine.start();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(engine.status().state).toBe('stopped');
      expect(sink.calls).toBe(0);
      expect(store.state.runs).toEqual([]);
      const refused = store.state.events.filter((e) => e.id === EventId.CryptoSelfTestFailed);
      expect(refused).toHaveLength(1);
      expect(refused[0]).toMatchObject({
        level: 'error',
        message: expect.stringContaining('MD4 in the main process'),
      });
    } finally {
      await gated.close();
    }
  });

  it('and a passing one lets the same engine sync (the gate is what held it back)', async () => {
    const gated = await gatedEngine(new CryptoSelfTest({ workers: inThreadWorkers() }), join(dir, 'passing'));
    try {
      const run = await gated.engine.syncNow();
      expect(run.outcome).toBe('completed');
      expect(gated.sink.calls).toBeGreaterThan(0);
    } finally {
      await gated.close();
    }
  });

  it('makes "phs sync" and "phs run" fail with CRYPTO_SELF_TEST_FAILED, delivering nothing', async () => {
    const config = join(dir, 'phs.json');
    writeFileSync(
      config,
      JSON.stringify({
        directory: { url: 'ldaps://127.0.0.1', username: 'LAB\\sync' },
        tenant: { tenantId: '11111111-2222-3333-4444-555555555555' },
        stateDir: 'state',
      }),
    );
    const opened: GatedEngine[] = [];
    const deps = {
      env: { PHS_AD_PASSWORD: 'not-used' },
      open: async () => {
        const gated = await gatedEngine(broken(), join(dir, `cli-${opened.length}`));
        opened.push(gated);
        return gated;
      },
      untilStopped: () => new Promise<void>(() => undefined),
    };
    for (const name of ['sync', 'run'] satisfies EngineCommandName[]) {
      await expect(engineCommand(name, deps)(['--config', config], io())).rejects.toMatchObject({
        code: ErrorCode.CryptoSelfTestFailed,
      });
    }
    expect(opened.map((g) => g.sink.calls)).toEqual([0, 0]);
  });
});
