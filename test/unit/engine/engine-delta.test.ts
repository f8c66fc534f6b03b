import { afterEach, describe, expect, it } from 'vitest';
import { verifyNtHash } from '../../../electron/phs/wire.ts';
import { anchorOf, OTHER, STAFF } from './fakes/directory.ts';
import { eventually, Harness } from './fakes/harness.ts';

let h: Harness;
afterEach(async () => h?.close());

async function synced(): Promise<Harness> {
  const harness = await Harness.create();
  await harness.engine.fullSync();
  harness.sink.acknowledged.length = 0;
  return harness;
}

function deliveredHashOk(harness: Harness, sam: string): boolean {
  const o = harness.directory.byName(sam)!;
  const item = harness.sink.delivered.get(anchorOf(o.objectGuid));
  return (
    item !== undefined && verifyNtHash(item.credentialData, harness.directory.currentHash(o.objectGuid)!)
  );
}

describe('a delta cycle', () => {
  it('delivers a changed password, and only that one', async () => {
    h = await synced();
    const o = h.directory.byName('user7')!;
    h.directory.setPassword(o.objectGuid);
    const run = await h.engine.syncNow();
    expect(run).toMatchObject({ kind: 'delta', outcome: 'completed', counts: { delivered: 1 } });
    expect(h.sink.acknowledged.map((i) => i.sourceAnchor)).toEqual([anchorOf(o.objectGuid)]);
    expect(deliveredHashOk(h, 'user7')).toBe(true);
    expect(h.user('user7')?.changeDelivered).toBe(o.passwordChangedAt);
  });

  it('costs nothing when nothing changed: no delivery, no hashing, no run recorded', async () => {
    h = await synced();
    const runs = h.store.state.runs.length;
    const journal = h.store.stats().journalBytes;
    const run = await h.engine.syncNow();
    expect(run.counts.seen).toBe(0);
    expect(h.sink.acknowledged).toHaveLength(0);
    expect(h.store.state.runs).toHaveLength(runs);
    expect(h.store.stats().journalBytes).toBe(journal);
    expect(h.source.incrementals).toHaveLength(1);
    expect(h.source.fullPasses).toHaveLength(1);
  });

  it('does not resend a user whose other attributes changed', async () => {
    h = await synced();
    const o = h.directory.byName('user2')!;
    h.directory.move(o.objectGuid, `OU=Sub,${STAFF}`);
    const run = await h.engine.syncNow();
    expect(run.counts).toMatchObject({ unchanged: 1, delivered: 0 });
    expect(h.sink.acknowledged).toHaveLength(0);
    expect(h.user('user2')?.dn).toBe(`CN=user2,OU=Sub,${STAFF}`);
  });

  it('stops syncing a user moved out of scope, and resumes when moved back', async () => {
    h = await synced();
    const o = h.directory.byName('user4')!;
    h.directory.move(o.objectGuid, OTHER);
    h.directory.setPassword(o.objectGuid);
    await h.engine.syncNow();
    expect(h.user('user4')).toMatchObject({ result: 'outOfScope', reason: 'notInIncludedOU' });
    expect(h.sink.acknowledged).toHaveLength(0);
    h.directory.move(o.objectGuid, STAFF);
    await h.engine.syncNow();
    expect(h.user('user4')?.result).toBe('delivered');
    expect(deliveredHashOk(h, 'user4')).toBe(true);
  });

  it('resends a user whose source anchor changed', async () => {
    h = await synced();
    const o = h.directory.byName('user8')!;
    h.directory.setAnchor(o.objectGuid, 'bmV3LWFuY2hvcg==');
    const run = await h.engine.syncNow();
    expect(run.counts.delivered).toBe(1);
    expect(h.sink.delivered.has('bmV3LWFuY2hvcg==')).toBe(true);
    expect(h.user('user8')?.sourceAnchor).toBe('bmV3LWFuY2hvcg==');
  });

  it('forgets a deleted user', async () => {
    h = await synced();
    const o = h.directory.byName('user5')!;
    h.directory.remove(o.objectGuid);
    await h.engine.syncNow();
    expect(h.store.state.users.has(o.objectGuid)).toBe(false);
  });

  it('detects a new password for a must-change user only by its change time', async () => {
    h = await synced();
    h.tenant.features = { ...h.tenant.features, userForcePasswordChangeOnLogonEnabled: true };
    await h.restart({ tenantSettingsTtlMs: 0 });
    const o = h.directory.byName('user9')!;
    h.directory.setPassword(o.objectGuid, { mustChange: true });
    await h.engine.syncNow();
    expect(h.sink.delivered.get(anchorOf(o.objectGuid))?.forceChangePasswordOnLogon).toBe(true);
  });

  it('runs a full pass when the scope changed since the cursor was saved', async () => {
    h = await synced();
    await h.restart({ scope: { includeOUs: [], excludeOUs: [] } });
    const run = await h.engine.syncNow();
    expect(run.kind).toBe('full');
    expect(h.user('other1')?.result).toBe('delivered');
    expect(h.user('contractor1')?.result).toBe('delivered');
  });

  it('runs a full pass when the source refuses the saved cursor', async () => {
    h = await synced();
    h.source.faults.refuseCursorsBelow = 1_000_000;
    const run = await h.engine.syncNow();
    expect(run).toMatchObject({ kind: 'full', outcome: 'completed' });
    expect(h.source.fullPasses).toHaveLength(2);
    expect(h.store.state.events.some((e) => e.id === 301)).toBe(true);
  });

  it('coalesces concurrent requests and never overlaps cycles', async () => {
    h = await synced();
    h.source.faults.pageDelayMs = 20;
    const first = h.engine.syncNow();
    const joined = [h.engine.syncNow(), h.engine.syncNow(), h.engine.syncNow()];
    const runs = await Promise.all([first, ...joined]);
    expect(new Set(runs.slice(1)).size).toBe(1);
    expect(h.source.incrementals).toHaveLength(2);
  });

  it('a full request upgrades a waiting delta request', async () => {
    h = await synced();
    h.source.faults.pageDelayMs = 20;
    const first = h.engine.syncNow();
    const delta = h.engine.syncNow();
    const full = h.engine.fullSync();
    expect(await delta).toBe(await full);
    expect((await full).kind).toBe('full');
    await first;
  });
});

describe('the delta loop', () => {
  it('delivers a password change within a few polls after start()', async () => {
    h = await synced();
    h.engine.start();
    const o = h.directory.byName('user1')!;
    h.directory.setPassword(o.objectGuid);
    await eventually(() => deliveredHashOk(h, 'user1'));
    expect(h.engine.status().state).toMatch(/idle|syncing/);
    const states = (): string[] => h.events.flatMap((e) => (e.type === 'state' ? [e.state] : []));
    await eventually(() => states().includes('idle'));
    expect(states()).toContain('syncing');
  });

  it('stops quickly in the middle of a slow cycle, and the next start resumes the full pass', async () => {
    h = await Harness.create();
    h.source.faults.pageDelayMs = 200;
    h.engine.start();
    await eventually(() =>
      [...h.store.state.cursors.values()].some((c) => c.phase === 'full' && c.cursor !== null),
    );
    const t0 = Date.now();
    await h.engine.stop();
    expect(Date.now() - t0).toBeLessThan(500);
    expect(h.engine.status().state).toBe('stopped');
    expect(h.engine.status().phase).toBe('full');
    h.source.faults.pageDelayMs = 0;
    await h.restart();
    const run = await h.engine.fullSync();
    expect(run.outcome).toBe('completed');
    expect(h.source.fullPasses.at(-1)).not.toBeNull();
    expect(h.sink.delivered.size).toBe(21);
  });

  it('sends a heartbeat when idle', async () => {
    h = await synced();
    await h.restart({ heartbeatMs: 50 });
    h.engine.start();
    await eventually(() => h.events.some((e) => e.type === 'heartbeat'));
    await eventually(() => h.store.state.events.some((e) => e.id === 500));
  });
});

describe('staging mode', () => {
  it('hashes everything, delivers nothing, records what would have been sent', async () => {
    h = await Harness.create({ settings: { stagingMode: true } });
    const run = await h.engine.fullSync();
    expect(run).toMatchObject({ staging: true, counts: { staged: 21, delivered: 0 } });
    expect(h.sink.calls).toBe(0);
    expect(h.user('user1')).toMatchObject({ result: 'staged', reason: 'wouldSend' });
    expect(
      h.tenant.calls.filter((c) => c.startsWith('features') || c.startsWith('directorySync')),
    ).toHaveLength(0);
  });

  it('leaving staging mode runs a real full sync (staging keeps its own cursor)', async () => {
    h = await Harness.create({ settings: { stagingMode: true } });
    await h.engine.fullSync();
    await h.restart({ stagingMode: false });
    await h.engine.enable();
    const run = await h.engine.syncNow();
    expect(run).toMatchObject({ kind: 'full', counts: { delivered: 21 } });
  });
});
