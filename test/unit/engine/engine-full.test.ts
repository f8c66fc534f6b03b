import { afterEach, describe, expect, it } from 'vitest';
import { verifyNtHash } from '../../../electron/phs/wire.ts';
import { EventId } from '../../../electron/engine/event-ids.ts';
import type { Progress } from '../../../electron/engine/events.ts';
import { anchorOf } from './fakes/directory.ts';
import { eventually, Harness } from './fakes/harness.ts';
import type { InlineHasher } from './fakes/hasher.ts';

let h: Harness;
afterEach(async () => h?.close());

const IN_SCOPE_SYNCED = [...Array.from({ length: 20 }, (_, i) => `user${i}`), 'disabled'];

describe('a full sync', () => {
  it('delivers the current hash of every in-scope user, and only theirs', async () => {
    h = await Harness.create();
    const run = await h.engine.fullSync();
    expect(run.outcome).toBe('completed');
    expect(run.kind).toBe('full');
    for (const sam of IN_SCOPE_SYNCED) {
      const o = h.directory.byName(sam)!;
      const item = h.sink.delivered.get(anchorOf(o.objectGuid));
      expect(item, sam).toBeDefined();
      expect(verifyNtHash(item!.credentialData, h.directory.currentHash(o.objectGuid)!)).toBe(true);
      expect(item!.forceChangePasswordOnLogon).toBe(false);
      expect(item!.changeDate).toBe(o.passwordChangedAt);
    }
    expect(h.sink.delivered.size).toBe(IN_SCOPE_SYNCED.length);
  });

  it('records a result for every user object and none for computers, iNetOrgPerson or trusts', async () => {
    h = await Harness.create();
    await h.engine.fullSync();
    expect(h.user('user3')).toMatchObject({
      result: 'delivered',
      attempts: 0,
      nextRetryAt: null,
      errorCode: null,
    });
    expect(h.user('disabled')?.result).toBe('delivered');
    expect(h.user('nopass')).toMatchObject({ result: 'noPassword' });
    expect(h.user('mustchange')).toMatchObject({ result: 'filtered', reason: 'mustChangePassword' });
    expect(h.user('krbtgt')).toMatchObject({ result: 'filtered', reason: 'systemAccount' });
    expect(h.user('contractor1')).toMatchObject({ result: 'outOfScope', reason: 'excludedOU' });
    expect(h.user('other1')).toMatchObject({ result: 'outOfScope', reason: 'notInIncludedOU' });
    for (const sam of ['PC1$', 'inet1', 'TRUST$']) expect(h.user(sam), sam).toBeUndefined();
    const d = h.user('user3')!;
    expect(d.changeDelivered).toBe(d.changeSeen);
  });

  it('counts the run, moves the cursor to incremental and logs started/completed', async () => {
    h = await Harness.create();
    const run = await h.engine.fullSync();
    expect(run.counts).toMatchObject({ delivered: 21, noPassword: 1, filtered: 2, outOfScope: 2, failed: 0 });
    const status = h.engine.status();
    expect(status).toMatchObject({
      phase: 'incremental',
      upToDate: true,
      users: { delivered: 21, failed: 0 },
    });
    const ids = h.store.state.events.map((e) => e.id);
    expect(ids).toContain(EventId.CycleStarted);
    expect(ids).toContain(EventId.CycleCompleted);
    expect(ids).toContain(EventId.FullSyncRequired);
    expect(h.store.state.runs.at(-1)).toMatchObject({ id: run.id, outcome: 'completed' });
  });

  it('reports progress with done, total, rate and ETA', async () => {
    h = await Harness.create();
    h.source.faults.pageDelayMs = 30;
    // Like replication (DRSR), the source does not say how many objects will come.
    const fullPass = h.source.fullPass.bind(h.source);
    h.source.fullPass = async function* (from, signal) {
      for await (const page of fullPass(from, signal)) yield { users: page.users, cursor: page.cursor };
    };
    await h.engine.fullSync();
    const progress = h.events
      .filter((e) => e.type === 'progress')
      .map((e) => (e as { progress: Progress }).progress);
    expect(progress.length).toBeGreaterThan(1);
    const last = progress.at(-1)!;
    expect(last).toMatchObject({
      kind: 'full',
      done: h.directory.data.objects.length,
      total: h.directory.data.objects.length,
    });
    // The first full sync: nothing told the total, so no time left is guessed.
    expect(progress.every((p) => !p.totalKnown && p.etaSeconds === null)).toBe(true);
    expect(progress.some((p) => p.ratePerSecond > 0)).toBe(true);

    // The next one takes the users it knows as the total: done, total, rate and ETA.
    h.events.length = 0;
    await h.engine.fullSync();
    const again = h.events
      .filter((e) => e.type === 'progress')
      .map((e) => (e as { progress: Progress }).progress);
    expect(again.every((p) => p.totalKnown)).toBe(true);
    expect(again.some((p) => p.ratePerSecond > 0 && p.etaSeconds !== null)).toBe(true);
  });

  it('delivers in batches no larger than the sink accepts, one transaction per page', async () => {
    h = await Harness.create();
    h.sink.maxBatchSize = 3;
    await h.engine.fullSync();
    expect(h.sink.calls).toBeGreaterThanOrEqual(Math.ceil(21 / 3));
    expect(h.sink.delivered.size).toBe(21);
  });

  it('keeps hashing the next pages while a page is being delivered, bounded by pagesInFlight', async () => {
    h = await Harness.create({ settings: { pagesInFlight: 3 } });
    let release!: () => void;
    h.sink.gate = new Promise((r) => (release = r));
    const run = h.engine.fullSync();
    await eventually(() => h.source.pagesServed === 3);
    await new Promise((r) => setTimeout(r, 50));
    // Delivery is held: pages 1..3 are in flight; the source read no further.
    expect(h.source.pagesServed).toBe(3);
    expect((h.hasher as InlineHasher).calls).toBeGreaterThanOrEqual(3);
    release();
    h.sink.gate = undefined;
    await run;
    expect(h.sink.maxInFlight).toBeLessThanOrEqual(3);
    expect(h.sink.delivered.size).toBe(21);
  });

  it('sends forceChangePasswordOnLogon for must-change users when the tenant feature is on', async () => {
    h = await Harness.create();
    h.tenant.features = { ...h.tenant.features, userForcePasswordChangeOnLogonEnabled: true };
    await h.engine.fullSync();
    const o = h.directory.byName('mustchange')!;
    expect(h.sink.delivered.get(anchorOf(o.objectGuid))?.forceChangePasswordOnLogon).toBe(true);
    expect(h.user('mustchange')).toMatchObject({ result: 'delivered', forceChange: true });
  });
});
