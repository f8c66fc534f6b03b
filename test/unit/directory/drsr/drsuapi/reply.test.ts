import { describe, expect, it } from 'vitest';
import { Attr } from '../../../../../electron/directory/drsr/drsuapi/constants.ts';
import {
  decodeGetNcChangesReply,
  peekReplyHead,
  replyWerror,
} from '../../../../../electron/directory/drsr/drsuapi/get-nc-changes-reply.ts';
import { PrefixTable } from '../../../../../electron/directory/drsr/drsuapi/prefix-table.ts';
import { toUserRecord } from '../../../../../electron/directory/drsr/drsuapi/user-record.ts';
import { ntHash } from '../../../../../electron/crypto/md4.ts';
import { ErrorCode } from '../../../../../shared/errors.ts';
import { FIXTURE_USERS } from '../../../../lab/fixtures.ts';
import { expectAppError } from '../ndr/helpers.ts';
import { encodeReply, INVOCATION, loadFixture, sidBytes, u32, utf16 } from './builders.ts';

const passwordOf = new Map(FIXTURE_USERS.map((u) => [u.sAMAccountName, u.password]));

describe('GetNCChanges reply V6 from the lab DC (captured)', () => {
  it('decodes every EXOP_REPL_OBJ reply and recovers each fixture user’s NT hash', () => {
    const { sessionKey, calls } = loadFixture('repl-obj');
    expect(calls.length).toBeGreaterThanOrEqual(4);
    for (const call of calls) {
      const reply = decodeGetNcChangesReply(call.reply);
      expect(reply.extendedRet).toBe(1);
      expect(reply.moreData).toBe(false);
      expect(reply.objects).toHaveLength(1);
      const verdict = toUserRecord(reply.objects[0]!, new PrefixTable(reply.prefixTable), sessionKey);
      if (verdict.type !== 'user') throw new Error('not a user');
      const password = passwordOf.get(verdict.user.sAMAccountName ?? '');
      expect(password).not.toBeUndefined();
      if (password === null) expect(verdict.user.ntHash).toBeNull();
      else
        expect(verdict.user.ntHash?.equals(ntHash(password!)), verdict.user.sAMAccountName ?? '').toBe(true);
      expect(verdict.user.rid).toBeGreaterThan(1000);
      expect(verdict.user.kind).toBe('user');
    }
  });

  it('decodes a full-sync page: many objects, a high-water mark, fixture users with their hashes', () => {
    const { sessionKey, calls } = loadFixture('full-sync-page');
    const stub = calls[0]!.reply;
    const reply = decodeGetNcChangesReply(stub);
    expect(reply.objects.length).toBeGreaterThan(5);
    expect(reply.usnVectorTo.highObjUpdate).toBeGreaterThan(reply.usnVectorFrom.highObjUpdate);
    expect(peekReplyHead(stub)).toEqual({
      invocationId: reply.invocationId,
      usnVectorTo: reply.usnVectorTo,
      moreData: reply.moreData,
    });
    const table = new PrefixTable(reply.prefixTable);
    const users = reply.objects.flatMap((o) => {
      const sam = o.attributes.find((a) => a.attrTyp === Attr.sAMAccountName)?.values[0]?.toString('utf16le');
      return sam !== undefined && passwordOf.has(sam) ? [toUserRecord(o, table, sessionKey)] : [];
    });
    expect(users.length).toBeGreaterThan(0);
    for (const v of users) {
      if (v.type !== 'user') throw new Error('not a user');
      const password = passwordOf.get(v.user.sAMAccountName!)!;
      expect(password === null ? v.user.ntHash === null : v.user.ntHash?.equals(ntHash(password))).toBe(true);
    }
  });
});

describe('GetNCChanges reply V6 (synthetic)', () => {
  const objects = [
    {
      dn: 'CN=a,DC=lab',
      guid: '11111111-2222-3333-4444-555555555555',
      sid: sidBytes(1105),
      attrs: [{ attrTyp: Attr.sAMAccountName, values: [utf16('a')] }],
    },
    {
      dn: 'CN=b,DC=lab',
      guid: '21111111-2222-3333-4444-555555555555',
      attrs: [],
      parentGuid: null,
      metaCount: 0,
    },
    {
      dn: 'CN=c,DC=lab',
      guid: '31111111-2222-3333-4444-555555555555',
      attrs: [
        { attrTyp: Attr.objectClass, values: [u32(0x10000), u32(0xa0009)] },
        { attrTyp: Attr.userAccountControl, values: [u32(0x200)] },
      ],
    },
  ];

  it('round-trips objects, the UTD vector, the prefix table and linked values in NDR order', () => {
    const stub = encodeReply({
      objects,
      moreData: true,
      usnTo: { highObjUpdate: 10n, reserved: 3n, highPropUpdate: 9n },
      upToDate: [{ dsa: INVOCATION, usn: 10n, lastSync: 99n }],
      prefixes: [{ ndx: 9, prefix: Buffer.from('2a864886f7140104', 'hex') }],
      links: [{ dn: 'CN=g,DC=lab', attrTyp: 0x1f, value: Buffer.from('link') }],
    });
    const reply = decodeGetNcChangesReply(stub);
    expect(reply.objects.map((o) => o.name.dn)).toEqual(['CN=a,DC=lab', 'CN=b,DC=lab', 'CN=c,DC=lab']);
    expect(reply.objects[0]!.name.sid).toBe('S-1-5-21-1-2-3-1105');
    expect(reply.objects[1]!.parentGuid).toBeNull();
    expect(reply.objects[2]!.attributes[0]!.values).toHaveLength(2);
    expect(reply.usnVectorTo).toEqual({ highObjUpdate: 10n, reserved: 3n, highPropUpdate: 9n });
    expect(reply.upToDate).toEqual([{ dsa: INVOCATION, usn: 10n, lastSync: 99n }]);
    expect(reply.linkedValues).toEqual([
      {
        object: { dn: 'CN=g,DC=lab', guid: '00000000-0000-0000-0000-000000000000', sid: null },
        attrTyp: 0x1f,
        value: Buffer.from('link'),
        isPresent: true,
        usnOriginating: 7n,
      },
    ]);
    expect(reply.moreData).toBe(true);
    expect(peekReplyHead(stub).usnVectorTo).toEqual(reply.usnVectorTo);
  });

  it('decodes a 1000-object page without deep recursion', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...objects[0]!, dn: `CN=u${i},DC=lab` }));
    const reply = decodeGetNcChangesReply(encodeReply({ objects: many }));
    expect(reply.objects).toHaveLength(1000);
    expect(reply.objects[999]!.name.dn).toBe('CN=u999,DC=lab');
  });

  it('reads the WERROR without decoding, and refuses reply versions other than V6', () => {
    expect(replyWerror(encodeReply({ werror: 0x2105 }))).toBe(0x2105);
    const v7 = encodeReply({});
    v7.writeUInt32LE(7, 0);
    expectAppError(() => decodeGetNcChangesReply(v7), ErrorCode.DrsrUnexpectedReply);
    expectAppError(() => peekReplyHead(v7), ErrorCode.DrsrUnexpectedReply);
    expectAppError(() => peekReplyHead(Buffer.alloc(20)), ErrorCode.DrsrUnexpectedReply);
  });

  it('rejects a value count that disagrees with the values sent', () => {
    const stub = encodeReply({ objects: [objects[0]!] });
    // The ATTR scalars: attrTyp then valCount; bump valCount.
    const at = stub.indexOf(u32(Attr.sAMAccountName));
    stub.writeUInt32LE(2, at + 4);
    expectAppError(() => decodeGetNcChangesReply(stub), ErrorCode.DrsrUnexpectedReply);
  });
});
