/**
 * The change feed on the lab DC, read as the least-privileged account: one poll after a
 * password change reports that user (and only that user) with passwordChanged; reading never
 * advances the watermark; another or restored DC, a USN rollback or a new scope force a resync.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeResult } from '../../../../electron/directory/ldap/change-feed.ts';
import type { DirectorySession } from '../../../../electron/directory/ldap/service.ts';
import {
  decodeWatermark,
  encodeWatermark,
  type Watermark,
} from '../../../../electron/directory/ldap/watermark.ts';
import type { Scope } from '../../../../electron/directory/ldap/scope.ts';
import { unicodePwd } from '../../../lab/ldap.ts';
import { Sandbox, labSettings, readerCredentials, sambaTool, service, type SandboxUser } from './helpers.ts';

let sandbox: Sandbox;
let session: DirectorySession;
let scope: Scope;
let inside: SandboxUser[] = [];
let outside: SandboxUser;

beforeAll(async () => {
  sandbox = await Sandbox.create('feed');
  const watched = await sandbox.addOu('Watched');
  const other = await sandbox.addOu('Other');
  inside = [
    await sandbox.addUser('u1', watched),
    await sandbox.addUser('u2', watched),
    await sandbox.addUser('u3', watched),
  ];
  outside = await sandbox.addUser('x1', other);
  scope = { includedOus: [watched], excludedOus: [] };
  session = await service.connect(labSettings(), readerCredentials());
});

afterAll(async () => {
  await session?.close();
  await sandbox?.destroy();
});

function changed(result: ChangeResult): { name: string; passwordChanged: boolean }[] {
  if (result.kind !== 'changes') throw new Error(`expected changes, got ${result.kind}: ${result.message}`);
  return result.users.map((c) => ({ name: c.user.sAMAccountName, passwordChanged: c.passwordChanged }));
}

describe('the change feed', () => {
  let watermark: Watermark;

  it('asks for a full sync when there is no watermark yet, and hands over the one to commit after it', async () => {
    const result = await session.changesSince(null, scope);
    expect(result).toMatchObject({ kind: 'resyncRequired', reason: 'noWatermark' });
    watermark = result.watermark;
    expect(changed(await session.changesSince(watermark, scope))).toEqual([]);
  });

  it('reports a password change made with samba-tool, and only that user, in one poll', async () => {
    sambaTool('user', 'setpassword', inside[0]!.sAMAccountName, `--newpassword=Changed-${sandbox.tag}-1!`);
    await sandbox.replace(outside.dn, 'description', ['changed outside the scope']);
    expect(changed(await session.changesSince(watermark, scope))).toEqual([
      { name: inside[0]!.sAMAccountName, passwordChanged: true },
    ]);
  });

  it('never advances the watermark by reading: the same poll again gives the same answer', async () => {
    const again = await session.changesSince(watermark, scope);
    expect(changed(again)).toEqual([{ name: inside[0]!.sAMAccountName, passwordChanged: true }]);
    expect(decodeWatermark(again.watermark).usn).toBeGreaterThan(decodeWatermark(watermark).usn);
    watermark = again.watermark; // the caller commits
    expect(changed(await session.changesSince(watermark, scope))).toEqual([]);
  });

  it('tells other changes from password changes (an attribute edit; an admin reset over LDAP)', async () => {
    await sandbox.replace(inside[1]!.dn, 'description', ['not a password change']);
    await sandbox.replace(inside[2]!.dn, 'unicodePwd', [unicodePwd(`Reset-${sandbox.tag}-3!`)]);
    const result = await session.changesSince(watermark, scope);
    expect(changed(result).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: inside[1]!.sAMAccountName, passwordChanged: false },
      { name: inside[2]!.sAMAccountName, passwordChanged: true },
    ]);
    watermark = result.watermark;
  });

  it('forces a full resync for another DC, a restored DC, a USN rollback and a changed scope', async () => {
    const state = decodeWatermark(watermark);
    const otherInvocation = '00000000-0000-4000-8000-000000000001';
    const cases = [
      [
        encodeWatermark({ ...state, dc: 'dc2.lab.example.test', invocationId: otherInvocation }),
        scope,
        'differentDc',
      ],
      [encodeWatermark({ ...state, invocationId: otherInvocation }), scope, 'restoredDc'],
      [encodeWatermark({ ...state, usn: state.usn + 1_000_000 }), scope, 'usnRollback'],
      [watermark, { includedOus: [sandbox.root], excludedOus: [] }, 'scopeChanged'],
    ] as const;
    for (const [mark, where, reason] of cases) {
      const result = await session.changesSince(mark, where);
      expect(result, reason).toMatchObject({ kind: 'resyncRequired', reason });
      expect(decodeWatermark(result.watermark)).toMatchObject({
        invocationId: state.invocationId,
        dc: state.dc,
      });
    }
  });

  it('refuses a watermark that is not one', async () => {
    await expect(session.changesSince('garbage' as Watermark, scope)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});
