/**
 * Live: after `samba-tool user setpassword`, an incremental pull from the saved cursor returns
 * that user with the new hash, and not the users that did not change. Runs on fresh users of
 * its own in a sandbox OU, deleted afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrsrClient } from '../../../../electron/directory/drsr/client.ts';
import {
  parseCursor,
  serializeCursor,
  type ReplicationCursor,
} from '../../../../electron/directory/drsr/drsuapi/cursor.ts';
import type { ReplicatedUser } from '../../../../electron/directory/drsr/drsuapi/user-record.ts';
import { ntHash } from '../../../../electron/crypto/md4.ts';
import { labInfo } from '../../lab.ts';
import { connectAdmin, Sandbox, type SandboxUser } from './lab-admin.ts';

const NEW_PASSWORD = 'Nëw-Pässwörd-🔑-2!';
let client: DrsrClient;
let sandbox: Sandbox;
let changed: SandboxUser;
let unchanged: SandboxUser;
let saved: string;

async function pull(
  cursor: ReplicationCursor,
): Promise<{ users: ReplicatedUser[]; cursor: ReplicationCursor }> {
  const users: ReplicatedUser[] = [];
  let last = cursor;
  for await (const page of client.incremental(cursor)) {
    users.push(...page.users);
    last = page.cursor;
  }
  return { users, cursor: last };
}

beforeAll(async () => {
  sandbox = await Sandbox.create('incr');
  changed = await sandbox.addUser('drsc', 'Old-Passw0rd-1!');
  unchanged = await sandbox.addUser('drsu', 'Same-Passw0rd-1!');
  client = await connectAdmin();
  let cursor: ReplicationCursor | null = null;
  for await (const page of client.fullSync()) cursor = page.cursor;
  // What a caller stores once the whole cycle is processed.
  saved = serializeCursor(cursor!);
});

afterAll(async () => {
  await client?.close();
  await sandbox?.dispose();
});

describe('incremental replication from a saved cursor', () => {
  it('returns the user whose password changed, with the new hash, and not the unchanged ones', async () => {
    const changedFrom = Date.now() - 2000;
    sandbox.setPassword(changed, NEW_PASSWORD);
    const { users, cursor } = await pull(parseCursor(saved));
    const mine = users.find((u) => u.sAMAccountName === changed.sAMAccountName);
    expect(mine?.ntHash?.equals(ntHash(NEW_PASSWORD))).toBe(true);
    expect(mine?.dn).toBe(changed.dn);
    expect(mine?.objectSid).toBe(changed.sid);
    // From unicodePwd's replication metadata: the change just made (DSTIME has 1 s resolution).
    const changedAt = Date.parse(mine?.passwordChangedAt ?? '');
    expect(changedAt).toBeGreaterThanOrEqual(changedFrom);
    expect(changedAt).toBeLessThanOrEqual(Date.now() + 2000);
    const names = new Set(users.map((u) => u.sAMAccountName));
    expect(names.has(unchanged.sAMAccountName)).toBe(false);
    for (const user of labInfo().users)
      expect(names.has(user.sAMAccountName), user.sAMAccountName).toBe(false);
    expect(cursor.complete).toBe(true);
    expect(cursor.usnVector.highObjUpdate).toBeGreaterThan(parseCursor(saved).usnVector.highObjUpdate);
    saved = serializeCursor(cursor);
  });

  it('does not return the same change twice, and picks up a user created since', async () => {
    const added = await sandbox.addUser('drsn', 'Brand-New-Pass-1!');
    const { users, cursor } = await pull(parseCursor(saved));
    const names = new Set(users.map((u) => u.sAMAccountName));
    expect(names.has(changed.sAMAccountName)).toBe(false);
    const fresh = users.find((u) => u.sAMAccountName === added.sAMAccountName);
    expect(fresh?.ntHash?.equals(ntHash('Brand-New-Pass-1!'))).toBe(true);
    expect(fresh?.kind).toBe('user');
    saved = serializeCursor(cursor);
  });

  it('leaves a cursor untouched unless the caller stores the new one', async () => {
    const before = parseCursor(saved);
    sandbox.setPassword(unchanged, 'Changed-At-Last-1!');
    const first = await pull(before);
    const again = await pull(before);
    for (const pulled of [first, again]) {
      const user = pulled.users.find((u) => u.sAMAccountName === unchanged.sAMAccountName);
      expect(user?.ntHash?.equals(ntHash('Changed-At-Last-1!'))).toBe(true);
    }
  });

  it('gives the single-object read the new hash too', async () => {
    expect((await client.readUser(changed.dn)).ntHash?.equals(ntHash(NEW_PASSWORD))).toBe(true);
  });
});
