import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSyncStore, syncStateModel } from '../../../electron/store/sync-state.ts';
import type { EventRecord, SyncOp, UserRecord } from '../../../electron/engine/records.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'phs-state-'));
  dirs.push(dir);
  return dir;
}

function user(i: number, extra: Partial<UserRecord> = {}): UserRecord {
  return {
    objectGuid: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    sourceAnchor: `anchor${i}`,
    dn: `CN=user${i},OU=Staff,DC=lab,DC=example,DC=test`,
    samAccountName: `user${i}`,
    upn: `user${i}@lab.example.test`,
    result: 'delivered',
    reason: null,
    changeSeen: '2024-01-01T00:00:00.000Z',
    changeDelivered: '2024-01-01T00:00:00.000Z',
    deliveredAt: '2024-01-02T00:00:00.000Z',
    forceChange: false,
    errorCode: null,
    errorMessage: null,
    attempts: 0,
    nextRetryAt: null,
    updatedAt: '2024-01-02T00:00:00.000Z',
    fullPass: '1',
    ...extra,
  };
}

function event(seq: number, at: string): EventRecord {
  return { seq, id: 500, at, level: 'info', message: 'heartbeat', data: {} };
}

describe('the sync state', () => {
  it('bounds the event log by count and by age', () => {
    const model = syncStateModel({ maxEvents: 3, maxRuns: 10, retentionMs: 7 * 24 * 3600_000 });
    const state = model.empty();
    for (let i = 1; i <= 5; i++)
      model.apply(state, { op: 'event', event: event(i, `2024-01-0${i}T00:00:00.000Z`) });
    expect(state.events.map((e) => e.seq)).toEqual([3, 4, 5]);
    model.apply(state, { op: 'event', event: event(6, '2024-01-20T00:00:00.000Z') });
    expect(state.events.map((e) => e.seq)).toEqual([6]);
  });

  it('updates a run in place and bounds the history', () => {
    const model = syncStateModel({ maxEvents: 10, maxRuns: 2, retentionMs: 1e12 });
    const state = model.empty();
    const run = {
      id: 1,
      kind: 'full' as const,
      staging: false,
      startedAt: '2024-01-01T00:00:00.000Z',
      endedAt: null,
      outcome: 'running' as const,
      counts: {
        seen: 0,
        delivered: 0,
        failed: 0,
        staged: 0,
        noPassword: 0,
        filtered: 0,
        outOfScope: 0,
        unchanged: 0,
      },
      error: null,
    };
    model.apply(state, { op: 'run', run });
    model.apply(state, { op: 'run', run: { ...run, outcome: 'completed' } });
    expect(state.runs).toEqual([{ ...run, outcome: 'completed' }]);
    model.apply(state, { op: 'run', run: { ...run, id: 2 } });
    model.apply(state, { op: 'run', run: { ...run, id: 3 } });
    expect(state.runs.map((r) => r.id)).toEqual([2, 3]);
  });

  it('indexes users that have a retry time', () => {
    const model = syncStateModel();
    const state = model.empty();
    model.apply(state, {
      op: 'user',
      user: user(1, { result: 'failed', nextRetryAt: '2024-01-01T00:00:00.000Z' }),
    });
    model.apply(state, { op: 'user', user: user(2) });
    expect([...state.retries]).toEqual([user(1).objectGuid]);
    model.apply(state, { op: 'user', user: user(1) });
    expect(state.retries.size).toBe(0);
    model.apply(state, { op: 'user', user: user(2, { nextRetryAt: '2024-01-01T00:00:00.000Z' }) });
    model.apply(state, { op: 'forget', objectGuid: user(2).objectGuid });
    expect(state.retries.size).toBe(0);
  });

  it('writes, compacts and loads 100,000 users quickly', async () => {
    const dir = tempDir();
    const store = await openSyncStore(dir);
    const ops: SyncOp[] = [];
    for (let i = 0; i < 100_000; i++) ops.push({ op: 'user', user: user(i) });
    for (let i = 0; i < ops.length; i += 500) await store.commit(ops.slice(i, i + 500));
    await store.compact();
    await store.close();
    const t0 = performance.now();
    const again = await openSyncStore(dir);
    const ms = performance.now() - t0;
    expect(again.state.users.size).toBe(100_000);
    expect(again.state.users.get(user(99_999).objectGuid)).toEqual(user(99_999));
    expect(ms).toBeLessThan(3000);
    await again.close();
  }, 60_000);
});
