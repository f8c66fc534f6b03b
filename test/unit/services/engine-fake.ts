/** A stand-in SyncEngine over a real state store, recording what the app asks of it. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyncEngine } from '../../../electron/engine/engine.ts';
import { EventHub, type EngineState } from '../../../electron/engine/events.ts';
import { buildStatus } from '../../../electron/engine/status.ts';
import type { AppEngine } from '../../../electron/services/engine-service.ts';
import { silentLogger } from '../../../shared/logger.ts';
import type { RunRecord, UserRecord, UserResult } from '../../../electron/engine/records.ts';
import { openSyncStore, type SyncStore } from '../../../electron/store/sync-state.ts';

export function userRecord(i: number, result: UserResult = 'delivered'): UserRecord {
  const name = `user${String(i).padStart(6, '0')}`;
  return {
    objectGuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    sourceAnchor: `anchor${i}`,
    dn: `CN=${name},OU=${i % 2 === 0 ? 'Staff' : 'Sales'},DC=corp,DC=example,DC=com`,
    samAccountName: name,
    upn: `${name}@corp.example.com`,
    result,
    reason: null,
    changeSeen: '2026-11-01T10:00:00.000Z',
    changeDelivered: result === 'delivered' ? '2026-11-01T10:00:00.000Z' : null,
    deliveredAt: result === 'delivered' ? '2026-11-01T10:00:02.500Z' : null,
    forceChange: false,
    errorCode: null,
    errorMessage: null,
    attempts: 0,
    nextRetryAt: null,
    updatedAt: '2026-11-01T10:00:02.500Z',
    fullPass: null,
  };
}

export class FakeEngine implements SyncEngine {
  readonly events = new EventHub(silentLogger);
  readonly calls: string[] = [];
  state: EngineState = 'stopped';
  readonly store: SyncStore;

  constructor(store: SyncStore) {
    this.store = store;
  }

  start(): void {
    this.calls.push('start');
    this.state = 'idle';
  }
  async stop(): Promise<void> {
    this.calls.push('stop');
    this.state = 'stopped';
  }
  syncNow(): Promise<RunRecord> {
    this.calls.push('syncNow');
    return new Promise(() => undefined);
  }
  fullSync(): Promise<RunRecord> {
    this.calls.push('fullSync');
    return new Promise(() => undefined);
  }
  async enable(options: { readonly fullSync?: boolean } = {}) {
    this.calls.push(`enable fullSync=${String(options.fullSync ?? false)}`);
    await this.store.commit([
      { op: 'settings', settings: { enabled: true, changedAt: null, forceChangeFeature: null } },
    ]);
    return {
      directorySyncSet: false,
      passwordSyncSet: false,
      next: options.fullSync === true ? 'full' : 'delta',
    } as const;
  }
  async disable(options: { readonly confirmed: boolean }) {
    this.calls.push(`disable confirmed=${String(options.confirmed)}`);
    await this.store.commit([
      { op: 'settings', settings: { enabled: false, changedAt: null, forceChangeFeature: null } },
    ]);
    return { passwordSyncCleared: options.confirmed };
  }
  status() {
    return buildStatus(this.store.state, {
      state: this.state,
      stagingMode: false,
      pollMs: 30_000,
      cursorKey: 'fake',
      progress: null,
      nextCycleAt: null,
      consecutiveFailures: 0,
      tenant: null,
    });
  }
  preflight(): Promise<void> {
    return Promise.resolve();
  }
  diagnose(): ReturnType<SyncEngine['diagnose']> {
    return Promise.reject(new Error('not used'));
  }
  syncUser(user: string): ReturnType<SyncEngine['syncUser']> {
    this.calls.push(`syncUser ${user}`);
    return Promise.resolve({
      user,
      result: 'delivered',
      message: `Delivered the current password of ${user}.`,
    });
  }
}

/** `dir`: where the state store lives (default: a new temp folder, left for the OS to clear). */
export async function fakeAppEngine(
  users: readonly UserRecord[] = [],
  dir: string = mkdtempSync(join(tmpdir(), 'phs-engine-fake-')),
): Promise<AppEngine & { readonly fake: FakeEngine }> {
  const store = await openSyncStore(dir);
  await store.commit(users.map((user) => ({ op: 'user', user })));
  const fake = new FakeEngine(store);
  return { engine: fake, store, fake, close: () => store.close() };
}
