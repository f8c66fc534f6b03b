import { afterEach, describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import { verifyNtHash } from '../../../electron/phs/wire.ts';
import { EventId } from '../../../electron/engine/event-ids.ts';
import type { Clock } from '../../../electron/engine/ports.ts';
import { systemClock } from '../../../electron/engine/clock.ts';
import { anchorOf } from './fakes/directory.ts';
import { Harness } from './fakes/harness.ts';

let h: Harness;
afterEach(async () => h?.close());

const ids = (harness: Harness): number[] => harness.store.state.events.map((e) => e.id);

/** The real clock, shifted forward on demand (per-user retries wait minutes). */
function shiftedClock(): Clock & { shift: number } {
  const clock = {
    shift: 0,
    now: () => Date.now() + clock.shift,
    sleep: systemClock.sleep,
    random: () => 0.5,
  };
  return clock;
}

function throttled(items: readonly { sourceAnchor: string }[]) {
  return items.map((i) => ({
    sourceAnchor: i.sourceAnchor,
    outcome: 'throttled' as const,
    code: 429,
    retryAfterMs: 2,
  }));
}

describe('a poison user', () => {
  it('does not stop the others nor the cursor, and is recorded with its error and next retry', async () => {
    h = await Harness.create();
    const poison = h.directory.byName('user3')!;
    h.sink.poison.add(anchorOf(poison.objectGuid));
    const run = await h.engine.fullSync();
    expect(run).toMatchObject({ outcome: 'completed', counts: { delivered: 20, failed: 1 } });
    expect(h.engine.status().phase).toBe('incremental');
    const record = h.user('user3')!;
    expect(record).toMatchObject({ result: 'failed', errorCode: 'unknownUser', attempts: 1 });
    expect(Date.parse(record.nextRetryAt!)).toBeGreaterThan(Date.now());
    expect(ids(h)).toContain(EventId.UserFailed);
    expect(h.engine.status()).toMatchObject({ upToDate: false, users: { failed: 1, retryScheduled: 1 } });
  });

  it('is retried with backoff on later cycles, re-read from the directory, until it goes through', async () => {
    const clock = shiftedClock();
    h = await Harness.create({ clock });
    const poison = h.directory.byName('user3')!;
    h.sink.poison.add(anchorOf(poison.objectGuid));
    await h.engine.fullSync();
    await h.engine.syncNow();
    expect(h.source.reads).toHaveLength(0); // not due yet
    clock.shift += 10 * 60_000;
    await h.engine.syncNow();
    expect(h.source.reads).toEqual([{ by: 'objectGuid', value: poison.objectGuid, lastKnownDn: poison.dn }]);
    expect(h.user('user3')).toMatchObject({ result: 'failed', attempts: 2 });
    h.sink.poison.clear();
    clock.shift += 60 * 60_000;
    await h.engine.syncNow();
    expect(h.user('user3')).toMatchObject({ result: 'delivered', attempts: 0, nextRetryAt: null });
    expect(ids(h)).toContain(EventId.UserRecovered);
  });

  it('is given up after the bounded number of attempts, and reported', async () => {
    const clock = shiftedClock();
    h = await Harness.create({ clock });
    const poison = h.directory.byName('user3')!;
    h.sink.poison.add(anchorOf(poison.objectGuid));
    await h.engine.fullSync();
    for (let i = 0; i < 5; i++) {
      clock.shift += 24 * 3600_000;
      await h.engine.syncNow();
    }
    expect(h.user('user3')).toMatchObject({ result: 'failed', attempts: 4, nextRetryAt: null });
    expect(ids(h)).toContain(EventId.UserRetryGaveUp);
    expect(h.source.reads).toHaveLength(3);
  });
});

describe('transient tenant errors', () => {
  it('resends throttled items after Retry-After and delivers them', async () => {
    h = await Harness.create();
    h.sink.script = (items, call) => (call <= 2 ? throttled(items) : undefined);
    const run = await h.engine.fullSync();
    expect(run.outcome).toBe('completed');
    expect(h.sink.delivered.size).toBe(21);
    expect(ids(h)).toContain(EventId.Throttled);
  });

  it('resends after a whole request failed as unavailable', async () => {
    h = await Harness.create();
    h.sink.script = (_items, call) =>
      call === 1 ? new AppError(ErrorCode.TenantUnavailable, '503', 'wait') : undefined;
    const run = await h.engine.fullSync();
    expect(run.outcome).toBe('completed');
    expect(h.sink.delivered.size).toBe(21);
    expect(ids(h)).toContain(EventId.TenantUnavailable);
  });

  it('fails the cycle when a storm outlasts the retries, keeps the cursor behind, and the next cycle completes', async () => {
    h = await Harness.create({ settings: { cycleAttempts: 1 } });
    let storm = true;
    h.sink.script = (items) => (storm ? throttled(items) : undefined);
    const failed = await h.engine.fullSync();
    expect(failed).toMatchObject({ outcome: 'failed', error: { code: ErrorCode.TenantThrottled } });
    expect(h.engine.status().phase).toBe('full');
    expect(h.store.state.users.size).toBe(0);
    storm = false;
    const run = await h.engine.fullSync();
    expect(run.outcome).toBe('completed');
    expect(h.sink.delivered.size).toBe(21);
  });

  it('retries the cycle within one request through a storm (cycleAttempts)', async () => {
    h = await Harness.create({
      settings: { cycleAttempts: 4, delivery: { baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 2 } },
    });
    h.sink.script = (items, call) => (call <= 5 ? throttled(items) : undefined);
    const run = await h.engine.fullSync();
    expect(run.outcome).toBe('completed');
    expect(h.sink.delivered.size).toBe(21);
    expect(h.store.state.runs.filter((r) => r.outcome === 'failed').length).toBeGreaterThan(0);
  });
});

describe('permanent failures', () => {
  it('a request the tenant refuses fails the cycle and leaves the cursor where it was', async () => {
    h = await Harness.create({ settings: { cycleAttempts: 3 } });
    h.sink.script = () => new AppError(ErrorCode.CredentialRejected, 'PHS is off', 'turn it on');
    const run = await h.engine.fullSync();
    expect(run).toMatchObject({ outcome: 'failed', error: { code: ErrorCode.CredentialRejected } });
    // Not retried: one failed run, at most the pages in flight were tried once.
    expect(h.store.state.runs.filter((r) => r.outcome === 'failed')).toHaveLength(1);
    expect(h.sink.calls).toBeLessThanOrEqual(3);
    expect(ids(h)).toEqual(expect.arrayContaining([EventId.TenantRejected, EventId.CycleFailed]));
    expect(h.store.state.cursors.values().next().value).toMatchObject({ phase: 'full', cursor: null });
  });

  it('refuses to deliver while passwordSyncEnabled is off in the tenant', async () => {
    h = await Harness.create();
    h.tenant.features = { ...h.tenant.features, passwordSyncEnabled: false };
    await h.restart();
    const run = await h.engine.fullSync();
    expect(run).toMatchObject({ outcome: 'failed', error: { code: ErrorCode.PasswordSyncOff } });
    expect(h.sink.calls).toBe(0);
    expect(ids(h)).toContain(EventId.PasswordSyncOffInTenant);
  });
});

describe('a directory failure mid-pass', () => {
  it('commits the pages already done, then resumes the full pass from the last cursor', async () => {
    h = await Harness.create({ settings: { cycleAttempts: 1 } });
    h.source.faults.failAfterPages = {
      pages: 2,
      error: () => new AppError(ErrorCode.RpcConnectionLost, 'connection lost', 'retry'),
    };
    const failed = await h.engine.fullSync();
    expect(failed).toMatchObject({ outcome: 'failed', error: { code: ErrorCode.RpcConnectionLost } });
    expect(ids(h)).toContain(EventId.ReplicationFailed);
    const cursor = [...h.store.state.cursors.values()][0]!;
    expect(cursor).toMatchObject({ phase: 'full' });
    expect(JSON.parse(cursor.cursor!)).toMatchObject({ full: 20 });
    const run = await h.engine.fullSync();
    expect(run.outcome).toBe('completed');
    expect(h.source.fullPasses).toEqual([null, cursor.cursor]);
    for (const [anchor, item] of h.sink.delivered) {
      const o = h.directory.data.objects.find((x) => anchorOf(x.objectGuid) === anchor)!;
      expect(verifyNtHash(item.credentialData, h.directory.currentHash(o.objectGuid)!)).toBe(true);
    }
    expect(h.sink.delivered.size).toBe(21);
  });

  it('starts the full pass over when its cursor cannot be resumed (another DC)', async () => {
    h = await Harness.create({ settings: { cycleAttempts: 1 } });
    h.source.faults.failAfterPages = {
      pages: 2,
      error: () => new AppError(ErrorCode.RpcConnectionLost, 'connection lost', 'retry'),
    };
    await h.engine.fullSync();
    h.source.faults.refuseFullResume = true;
    const run = await h.engine.fullSync();
    expect(run.outcome).toBe('completed');
    expect(h.source.fullPasses).toEqual([null, expect.any(String), null]);
    expect(ids(h)).toContain(EventId.CursorReset);
    expect(h.sink.delivered.size).toBe(21);
  });

  it('retries within the request when the directory comes back (a DC restart)', async () => {
    h = await Harness.create({ settings: { cycleAttempts: 3 } });
    h.source.faults.failAfterPages = {
      pages: 1,
      error: () => new AppError(ErrorCode.RpcUnreachable, 'refused', 'retry'),
    };
    const run = await h.engine.fullSync();
    expect(run.outcome).toBe('completed');
    expect(h.sink.delivered.size).toBe(21);
  });
});

describe('the tenant feature for forced changes', () => {
  it('switched on later, makes the filtered must-change users deliverable', async () => {
    h = await Harness.create({ settings: { tenantSettingsTtlMs: 0 } });
    await h.engine.fullSync();
    expect(h.user('mustchange')?.result).toBe('filtered');
    h.tenant.features = { ...h.tenant.features, userForcePasswordChangeOnLogonEnabled: true };
    await h.engine.syncNow();
    expect(ids(h)).toContain(EventId.UsersFilteredRecheck);
    expect(h.user('mustchange')).toMatchObject({ result: 'delivered', forceChange: true });
  });
});
