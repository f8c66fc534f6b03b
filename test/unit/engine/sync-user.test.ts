/**
 * "Sync this user now": one user read from the directory, hashed and delivered whether or not
 * the password changed, with the result recorded — and nothing else moved: no other user, no
 * replication cursor, no full-pass bookkeeping.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/errors.ts';
import { anchorOf } from './fakes/directory.ts';
import { Harness } from './fakes/harness.ts';

let h: Harness;
afterEach(async () => h?.close());

describe('syncing one user now', () => {
  it('delivers the current password again, even unchanged, and moves nothing else', async () => {
    h = await Harness.create();
    await h.engine.fullSync();
    const before = h.user('user2')!;
    const cursors = JSON.stringify([...h.store.state.cursors.entries()]);
    const others = [...h.store.state.users.values()].filter((u) => u.objectGuid !== before.objectGuid);
    const acknowledged = h.sink.acknowledged.length;

    const result = await h.engine.syncUser('user2@lab.example.test');
    expect(result).toMatchObject({ user: 'user2@lab.example.test', result: 'delivered' });
    expect(result.message).toMatch(/^Delivered the current password of user2@lab\.example\.test at \d{4}-/);
    expect(h.sink.acknowledged.slice(acknowledged).map((i) => i.sourceAnchor)).toEqual([before.sourceAnchor]);
    const after = h.user('user2')!;
    expect(after.deliveredAt! > before.deliveredAt!).toBe(true);
    expect(after.fullPass).toBe(before.fullPass);
    expect(JSON.stringify([...h.store.state.cursors.entries()])).toBe(cursors);
    for (const o of others) expect(h.store.state.users.get(o.objectGuid)).toEqual(o);
  });

  it('delivers a new password the engine has not seen yet, and records the failure of a refused one', async () => {
    h = await Harness.create();
    await h.engine.fullSync();
    h.directory.setPassword(h.directory.byName('user3')!.objectGuid);
    expect((await h.engine.diagnose('user3')).upToDate).toBe(false);
    expect((await h.engine.syncUser('LAB\\user3')).result).toBe('delivered');
    expect((await h.engine.diagnose('user3')).upToDate).toBe(true);

    h.sink.poison.add(anchorOf(h.directory.byName('user4')!.objectGuid));
    const refused = await h.engine.syncUser('user4');
    expect(refused.result).toBe('failed');
    expect(refused.message).toContain('was not delivered');
    expect(h.user('user4')).toMatchObject({ result: 'failed', errorCode: 'unknownUser', attempts: 1 });
  });

  it('says why a user is not synchronized, and names an unknown user', async () => {
    h = await Harness.create();
    await h.engine.fullSync();
    expect(await h.engine.syncUser('contractor1')).toMatchObject({ result: 'outOfScope' });
    expect(await h.engine.syncUser('nopass')).toMatchObject({
      result: 'noPassword',
      message: expect.stringContaining('has no password'),
    });
    await expect(h.engine.syncUser('nobody')).rejects.toMatchObject({ code: ErrorCode.UserNotFound });
  });

  it('refuses while password hash sync is off', async () => {
    h = await Harness.create({ enable: false });
    await expect(h.engine.syncUser('user1')).rejects.toMatchObject({ code: ErrorCode.EngineNotConfigured });
    expect(h.sink.calls).toBe(0);
  });
});
