/** The real sync engine over in-memory fakes and a real state store, behind a given crypto self-test. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSyncEngine, type SyncEngine } from '../../../electron/engine/engine.ts';
import type { CryptoGate } from '../../../electron/engine/ports.ts';
import { openSyncStore, type SyncStore } from '../../../electron/store/sync-state.ts';
import { sampleDirectory } from '../engine/fakes/directory.ts';
import { FAST } from '../engine/fakes/harness.ts';
import { InlineHasher } from '../engine/fakes/hasher.ts';
import { FakeSink } from '../engine/fakes/sink.ts';
import { FakeSource } from '../engine/fakes/source.ts';
import { FakeTenant } from '../engine/fakes/tenant.ts';

export interface GatedEngine {
  readonly engine: SyncEngine;
  readonly store: SyncStore;
  /** What reached the "tenant": nothing, while the self-test fails. */
  readonly sink: FakeSink;
  close(): Promise<void>;
}

/** Password hash sync is enabled in it (enabling sends no credential), so only the gate holds cycles back. */
export async function gatedEngine(
  selfTest: CryptoGate,
  dir = mkdtempSync(join(tmpdir(), 'phs-gated-')),
): Promise<GatedEngine> {
  const store = await openSyncStore(dir);
  const sink = new FakeSink();
  const engine = createSyncEngine({
    source: new FakeSource(sampleDirectory()),
    tenant: new FakeTenant(),
    sink,
    hasher: new InlineHasher(),
    store,
    selfTest,
    settings: FAST,
  });
  await engine.enable();
  return {
    engine,
    store,
    sink,
    async close() {
      await engine.stop();
      await store.close();
    },
  };
}
