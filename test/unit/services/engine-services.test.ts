/** The engine inside the app: Configure's first sync, throttled pushes, and the dashboard's channels. */
import { ZERO_COUNTS } from '../../../electron/engine/records.ts';
import { EventId } from '../../../electron/engine/event-ids.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../../shared/logger.ts';
import { createDispatcher } from '../../../electron/services/dispatcher.ts';
import { createEngineHandlers } from '../../../electron/services/engine-handlers.ts';
import { EngineService } from '../../../electron/services/engine-service.ts';
import { healthOf, usersPage } from '../../../electron/services/engine-views.ts';
import { PushQueue } from '../../../electron/services/push-queue.ts';
import type { EngineChannel, EventChannel, InvokeChannel } from '../../../shared/contract.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import { fakeAppEngine, userRecord } from './engine-fake.ts';
import { stubHandlers } from './stub-handlers.ts';

const log = createLogger({ process: 'test', sinks: [memorySink()] });
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function setup(users = [userRecord(1), userRecord(2, 'failed'), userRecord(3, 'filtered')]) {
  const host = await fakeAppEngine(users);
  const pushed: { channel: EventChannel; payload: unknown }[] = [];
  const pushes = new PushQueue(log);
  pushes.ready((channel, payload) => pushed.push({ channel, payload }));
  const service = new EngineService({
    open: async () => host,
    configured: () => true,
    pushes,
    log,
    throttleMs: 250,
  });
  closers.push(() => service.close());
  const written: string[] = [];
  const handlers = createEngineHandlers({
    service,
    chooseExportFile: async () => '/tmp/events.tsv',
    writeFile: async (_path, text) => void written.push(text),
  });
  const dispatch = createDispatcher(
    { ...stubHandlers<Exclude<InvokeChannel, EngineChannel>>(), ...handlers },
    log,
  );
  const call = async (channel: string, request: unknown) => dispatch(channel, request);
  return { host, service, pushed, call, written };
}

describe('the engine in the app', () => {
  it('says "not configured" before Configure, and Configure enables with a full sync and starts the loop', async () => {
    const { host, service, call } = await setup();
    expect(await call('engine:getStatus', {})).toMatchObject({ ok: true, value: { state: 'notConfigured' } });
    await service.firstSync.start();
    expect(host.fake.calls).toEqual(['enable fullSync=true', 'start']);
    const reply = await call('engine:getStatus', {});
    expect(reply).toMatchObject({
      ok: true,
      value: { state: 'idle', enabled: true, counts: { inScope: 3, synced: 1, failed: 1, filtered: 1 } },
    });
    // Latency is a delta figure: none until a delta cycle delivered something.
    expect(reply).toMatchObject({ value: { lastDeltaLatencySeconds: null } });
    const counts = { ...ZERO_COUNTS, seen: 1, delivered: 1 };
    const run = {
      id: 2,
      kind: 'delta' as const,
      staging: false,
      startedAt: '2026-11-01T10:00:01.000Z',
      endedAt: '2026-11-01T10:00:03.000Z',
      outcome: 'completed' as const,
      counts,
      error: null,
    };
    await host.store.commit([{ op: 'run', run }]);
    host.fake.events.emit({ type: 'cycleCompleted', run });
    expect(await call('engine:getStatus', {})).toMatchObject({ value: { lastDeltaLatencySeconds: 2.5 } });
    // A full sync later resends the same (old) password: that is not a delta latency.
    const user = [...host.store.state.users.values()].find((u) => u.deliveredAt !== null)!;
    const full = {
      ...run,
      id: 3,
      kind: 'full' as const,
      startedAt: '2026-11-01T12:00:00.000Z',
      endedAt: '2026-11-01T12:00:09.000Z',
    };
    await host.store.commit([
      { op: 'user', user: { ...user, deliveredAt: '2026-11-01T12:00:05.000Z' } },
      { op: 'run', run: full },
    ]);
    host.fake.events.emit({ type: 'cycleCompleted', run: full });
    expect(await call('engine:getStatus', {})).toMatchObject({ value: { lastDeltaLatencySeconds: 2.5 } });
    expect(await service.firstSync.cancel()).toBe(false);
  });

  it('pushes progress at most 4 times a second, and the final outcome at once', async () => {
    const { host, service, pushed } = await setup();
    await service.firstSync.start();
    const progress = {
      runId: 1,
      kind: 'full' as const,
      phase: 'syncing' as const,
      total: 100,
      totalKnown: true,
      ratePerSecond: 50,
      etaSeconds: 2,
    };
    for (let done = 0; done < 50; done++)
      host.fake.events.emit({ type: 'progress', progress: { ...progress, done } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sent = pushed.filter((p) => p.channel === 'engine:progress');
    expect(sent.length).toBe(2);
    expect(sent.at(-1)!.payload).toMatchObject({ phase: 'syncing', done: 49, total: 100 });
    const run = {
      id: 1,
      kind: 'full' as const,
      staging: false,
      startedAt: '2026-11-01T10:00:00.000Z',
      endedAt: '2026-11-01T10:00:05.000Z',
      outcome: 'completed' as const,
      error: null,
      counts: {
        seen: 3,
        delivered: 1,
        failed: 1,
        staged: 0,
        noPassword: 0,
        filtered: 1,
        outOfScope: 0,
        unchanged: 0,
      },
    };
    host.fake.events.emit({ type: 'cycleCompleted', run });
    expect(pushed.at(-2)).toEqual({
      channel: 'engine:progress',
      payload: { phase: 'completed', done: 3, total: 3, totalKnown: true, ratePerSecond: 0, etaSeconds: 0 },
    });
    expect(pushed.at(-1)!.channel).toBe('engine:status');

    // A progress still waiting for its slot when the cycle ends is dropped: the outcome stays last.
    host.fake.events.emit({
      type: 'progress',
      progress: { ...progress, runId: 3, phase: 'finishing', done: 3 },
    });
    host.fake.events.emit({ type: 'cycleCompleted', run: { ...run, id: 3 } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pushed.filter((p) => p.channel === 'engine:progress').at(-1)!.payload).toMatchObject({
      phase: 'completed',
    });

    // A delta cycle moves the status only: the first sync's final figures stay as they were.
    const before = pushed.filter((p) => p.channel === 'engine:progress').length;
    host.fake.events.emit({
      type: 'progress',
      progress: { ...progress, runId: 2, kind: 'delta', done: 0, total: 0 },
    });
    host.fake.events.emit({ type: 'cycleCompleted', run: { ...run, id: 2, kind: 'delta' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pushed.filter((p) => p.channel === 'engine:progress')).toHaveLength(before);
    expect(pushed.at(-1)!.channel).toBe('engine:status');
  });

  it('shows the last heartbeat logged before this start, then the live ones', async () => {
    const { host, service } = await setup();
    const at = '2026-11-01T09:30:00.000Z';
    const event = {
      seq: 1,
      id: EventId.Heartbeat,
      at,
      level: 'info' as const,
      message: 'Heartbeat',
      data: {},
    };
    await host.store.commit([{ op: 'event', event }]);
    expect(service.status().health.lastHeartbeat).toBeNull();
    await service.firstSync.start();
    expect(service.status().health.lastHeartbeat).toBe(at);
    host.fake.events.emit({ type: 'heartbeat', at: '2026-11-01T10:00:00.000Z' });
    expect(service.status().health.lastHeartbeat).toBe('2026-11-01T10:00:00.000Z');
  });

  it('turns off only when confirmed, and says what happens', async () => {
    const { host, service, call } = await setup();
    await service.firstSync.start();
    const refused = await call('engine:setEnabled', { enabled: false, confirmed: false });
    expect(refused).toMatchObject({ ok: false, error: { code: ErrorCode.InvalidArgument } });
    const off = await call('engine:setEnabled', { enabled: false, confirmed: true });
    expect(off).toMatchObject({
      ok: true,
      value: { enabled: false, message: expect.stringContaining('no password change is sent') },
    });
    expect(await call('engine:syncNow', {})).toMatchObject({
      ok: false,
      error: { code: ErrorCode.PasswordSyncOff },
    });
    expect(await call('engine:setEnabled', { enabled: true, confirmed: false })).toMatchObject({
      ok: true,
      value: { enabled: true },
    });
    expect(await call('engine:syncNow', {})).toEqual({ ok: true, value: { started: true } });
    expect(await call('engine:syncUser', { user: 'user000001' })).toMatchObject({
      ok: true,
      value: { user: 'user000001', result: 'delivered' },
    });
    expect(host.fake.calls.slice(2)).toEqual([
      'disable confirmed=true',
      'enable fullSync=false',
      'start',
      'syncNow',
      'syncUser user000001',
    ]);
  });

  it('pages, searches and filters the users in main; exports events', async () => {
    const { service, call, written } = await setup();
    await service.firstSync.start();
    const page = await call('engine:users', { query: 'USER00000', result: 'all', offset: 1, limit: 1 });
    expect(page).toMatchObject({
      ok: true,
      value: {
        total: 3,
        offset: 1,
        rows: [{ name: 'user000002', result: 'failed', ou: 'OU=Staff,DC=corp,DC=example,DC=com' }],
      },
    });
    expect(await call('engine:users', { query: '', result: 'filtered', offset: 0, limit: 50 })).toMatchObject(
      { ok: true, value: { total: 1 } },
    );
    expect(await call('engine:exportEvents', {})).toMatchObject({
      ok: true,
      value: { path: '/tmp/events.tsv' },
    });
    expect(written[0]).toMatch(/^time\tlevel\tid\tmessage\n/);
  });

  it('serves a page of 100,000 users quickly', () => {
    const users = Array.from({ length: 100_000 }, (_, i) =>
      userRecord(i, i % 10 === 0 ? 'failed' : 'delivered'),
    );
    const started = performance.now();
    const page = usersPage(users, { query: 'user0999', result: 'failed', offset: 0, limit: 40 });
    expect(performance.now() - started).toBeLessThan(200);
    expect(page.total).toBe(10);
  });

  it('reads reachability from the last cycle', () => {
    const run = (outcome: 'completed' | 'failed', code: string | null) => ({
      id: 1,
      kind: 'delta' as const,
      staging: false,
      startedAt: '',
      endedAt: '',
      outcome,
      counts: ZERO_COUNTS,
      error: code === null ? null : { code, message: '', remediation: '' },
    });
    expect(healthOf(run('completed', null))).toEqual({ directory: 'ok', tenant: 'ok' });
    expect(healthOf(run('failed', 'TENANT_UNAVAILABLE'))).toEqual({ directory: 'ok', tenant: 'failed' });
    expect(healthOf(run('failed', 'NTLM_AUTH_FAILED'))).toEqual({ directory: 'failed', tenant: 'unknown' });
    expect(healthOf(null)).toEqual({ directory: 'unknown', tenant: 'unknown' });
  });
});
