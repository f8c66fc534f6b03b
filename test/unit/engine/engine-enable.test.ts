import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/errors.ts';
import { EventId } from '../../../electron/engine/event-ids.ts';
import { anchorOf } from './fakes/directory.ts';
import { Harness } from './fakes/harness.ts';

let h: Harness;
afterEach(async () => h?.close());

describe('enable', () => {
  it('switches on directory sync and passwordSyncEnabled in the tenant, then a full sync comes next', async () => {
    h = await Harness.create({ enable: false });
    const result = await h.engine.enable();
    expect(result).toEqual({ directorySyncSet: true, passwordSyncSet: true, next: 'full' });
    expect(h.tenant.directorySyncEnabled).toBe(true);
    expect(h.tenant.features.passwordSyncEnabled).toBe(true);
    expect(h.store.state.settings.enabled).toBe(true);
    expect(h.store.state.events.map((e) => e.id)).toEqual(
      expect.arrayContaining([
        EventId.Enabled,
        EventId.TenantDirectorySyncSet,
        EventId.TenantPasswordSyncSet,
      ]),
    );
  });

  it('leaves the tenant alone in staging mode', async () => {
    h = await Harness.create({ enable: false, settings: { stagingMode: true } });
    await h.engine.enable();
    expect(h.tenant.calls).toEqual([]);
  });

  it('nothing is delivered before it: syncNow and fullSync refuse, the loop stays idle', async () => {
    h = await Harness.create({ enable: false });
    await expect(h.engine.syncNow()).rejects.toMatchObject({ code: ErrorCode.EngineNotConfigured });
    await expect(h.engine.fullSync()).rejects.toMatchObject({ code: ErrorCode.EngineNotConfigured });
    h.engine.start();
    await new Promise((r) => setTimeout(r, 60));
    expect(h.engine.status().state).toBe('disabled');
    expect(h.sink.calls).toBe(0);
  });

  it('with fullSync asked for, records it so that a restart still runs it', async () => {
    h = await Harness.create();
    await h.engine.fullSync();
    await h.engine.enable({ fullSync: true });
    await h.restart();
    const run = await h.engine.syncNow();
    expect(run.kind).toBe('full');
    expect(h.source.fullPasses).toHaveLength(2);
  });
});

describe('disable', () => {
  it('stops delivering; keeps passwordSyncEnabled unless confirmed', async () => {
    h = await Harness.create();
    await h.engine.fullSync();
    const result = await h.engine.disable({ confirmed: false });
    expect(result).toEqual({ passwordSyncCleared: false });
    expect(h.tenant.features.passwordSyncEnabled).toBe(true);
    const o = h.directory.byName('user1')!;
    h.directory.setPassword(o.objectGuid);
    h.engine.start();
    await new Promise((r) => setTimeout(r, 60));
    const before = h.sink.acknowledged.length;
    expect(h.sink.delivered.get(anchorOf(o.objectGuid))?.changeDate).not.toBe(o.passwordChangedAt);
    expect(h.sink.acknowledged.length).toBe(before);
  });

  it('clears passwordSyncEnabled when confirmed', async () => {
    h = await Harness.create();
    const result = await h.engine.disable({ confirmed: true });
    expect(result).toEqual({ passwordSyncCleared: true });
    expect(h.tenant.features.passwordSyncEnabled).toBe(false);
    expect(h.store.state.events.map((e) => e.id)).toContain(EventId.TenantPasswordSyncCleared);
  });

  it('cancels the running cycle', async () => {
    h = await Harness.create();
    h.source.faults.pageDelayMs = 100;
    const run = h.engine.fullSync();
    await new Promise((r) => setTimeout(r, 150));
    await h.engine.disable({ confirmed: false });
    expect((await run).outcome).toBe('cancelled');
  });

  it('keeps the state: enabling again resumes with a delta that delivers what changed meanwhile', async () => {
    h = await Harness.create();
    await h.engine.fullSync();
    await h.engine.disable({ confirmed: true });
    const o = h.directory.byName('user6')!;
    h.directory.setPassword(o.objectGuid);
    const result = await h.engine.enable();
    expect(result).toMatchObject({ passwordSyncSet: true, next: 'delta' });
    const run = await h.engine.syncNow();
    expect(run).toMatchObject({ kind: 'delta', counts: { delivered: 1 } });
    expect(h.sink.delivered.get(anchorOf(o.objectGuid))?.changeDate).toBe(o.passwordChangedAt);
  });
});

describe('stop', () => {
  it('cancels waiting requests too', async () => {
    h = await Harness.create();
    h.source.faults.pageDelayMs = 50;
    const first = h.engine.fullSync();
    const waiting = h.engine.syncNow().then(
      () => 'ran',
      (error: unknown) => error,
    );
    await new Promise((r) => setTimeout(r, 20));
    await h.engine.stop();
    expect((await first).outcome).toBe('cancelled');
    expect(await waiting).toMatchObject({ code: ErrorCode.Cancelled });
  });
});
