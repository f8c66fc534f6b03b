import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Attr, Uac } from '../../../../../electron/directory/drsr/drsuapi/constants.ts';
import type { ReplicaObject } from '../../../../../electron/directory/drsr/drsuapi/get-nc-changes-reply.ts';
import { PrefixTable } from '../../../../../electron/directory/drsr/drsuapi/prefix-table.ts';
import { toUserRecord } from '../../../../../electron/directory/drsr/drsuapi/user-record.ts';
import { decryptNtHash } from '../../../../../electron/directory/drsr/secrets/nt-hash.ts';
import { encryptReplicatedSecret } from '../../../../../electron/directory/drsr/secrets/replicated-secret.ts';
import { applyRidLayer } from '../../../../../electron/directory/drsr/secrets/rid-layer.ts';
import { ntHash } from '../../../../../electron/crypto/md4.ts';
import { ErrorCode } from '../../../../../shared/errors.ts';
import { expectAppError } from '../ndr/helpers.ts';
import { i64, u32, utf16 } from './builders.ts';

/** The default prefixes this client uses, plus one a DC adds for inetOrgPerson (2.16.840.1.113730.3.2). */
const table = new PrefixTable([
  ...[
    [0x00, '5504'],
    [0x01, '5506'],
    [0x02, '2a864886f7140102'],
    [0x03, '2a864886f7140103'],
    [0x09, '2a864886f7140104'],
    [0x0a, '2a864886f7140105'],
  ].map(([ndx, hex]) => ({ ndx: ndx as number, prefix: Buffer.from(hex as string, 'hex') })),
  { ndx: 0x40, prefix: Buffer.from('6086480186f8420302', 'hex') },
]);
const key = Buffer.alloc(16, 0x55);
const SID = 'S-1-5-21-1-2-3-1105';
const CLASS = {
  top: 0x10000,
  person: 0x10006,
  orgPerson: 0x10007,
  user: 0xa0009,
  computer: 0x3001e,
  inetOrgPerson: 0x400002,
};

function pwd(rid: number, password: string): Buffer {
  return encryptReplicatedSecret(key, randomBytes(16), applyRidLayer(rid, ntHash(password)));
}

function object(attrs: Record<number, readonly Buffer[]>, sid: string | null = SID): ReplicaObject {
  return {
    name: { dn: 'CN=x,DC=lab', guid: '11111111-2222-3333-4444-555555555555', sid },
    attributes: Object.entries(attrs).map(([t, values]) => ({
      attrTyp: Number(t),
      values,
      changedAt: Number(t) === Attr.unicodePwd ? new Date('2026-11-26T08:00:00Z') : null,
    })),
    isNcPrefix: false,
    parentGuid: null,
  };
}

const userClasses = [u32(CLASS.top), u32(CLASS.person), u32(CLASS.orgPerson), u32(CLASS.user)];

describe('replicated object → user record', () => {
  it('decodes the attributes PHS needs and decrypts the hash with the RID from the DSNAME SID', () => {
    const verdict = toUserRecord(
      object({
        [Attr.objectClass]: userClasses,
        [Attr.sAMAccountName]: [utf16('jdoe')],
        [Attr.userPrincipalName]: [utf16('jdoe@lab.example.test')],
        [Attr.userAccountControl]: [u32(0x200)],
        [Attr.pwdLastSet]: [i64(133_000_000_000_000_000n)],
        [Attr.unicodePwd]: [pwd(1105, 'Pässwörd 🔑')],
      }),
      table,
      key,
    );
    expect(verdict.type).toBe('user');
    if (verdict.type !== 'user') return;
    const { ntHash: hash, ...rest } = verdict.user;
    expect(hash?.equals(ntHash('Pässwörd 🔑'))).toBe(true);
    expect(rest).toEqual({
      dn: 'CN=x,DC=lab',
      objectGuid: '11111111-2222-3333-4444-555555555555',
      objectSid: SID,
      rid: 1105,
      sAMAccountName: 'jdoe',
      userPrincipalName: 'jdoe@lab.example.test',
      userAccountControl: 0x200,
      pwdLastSet: 133_000_000_000_000_000n,
      passwordChangedAt: '2026-11-26T08:00:00.000Z',
      objectClass: ['top', 'person', 'organizationalPerson', 'user'],
      kind: 'user',
    });
  });

  it('gives ntHash null, not an error, for a user without unicodePwd', () => {
    const verdict = toUserRecord(object({ [Attr.objectClass]: userClasses }), table, key);
    expect(verdict.type === 'user' && verdict.user.ntHash).toBeNull();
  });

  it('marks computers, trusts and inetOrgPersons, and skips what is not a user', () => {
    const kind = (classes: number[], uac = 0x200): string => {
      const v = toUserRecord(
        object({ [Attr.objectClass]: classes.map(u32), [Attr.userAccountControl]: [u32(uac)] }),
        table,
        key,
      );
      return v.type === 'user' ? v.user.kind : v.type;
    };
    expect(kind([CLASS.top, CLASS.user, CLASS.computer], Uac.WorkstationTrust)).toBe('computer');
    expect(kind([CLASS.top, CLASS.user], Uac.InterdomainTrust)).toBe('trust');
    expect(kind([CLASS.top, CLASS.user, CLASS.inetOrgPerson])).toBe('inetOrgPerson');
    expect(kind([CLASS.top, 0x10005])).toBe('other');
  });

  it('skips deleted objects', () => {
    expect(
      toUserRecord(object({ [Attr.objectClass]: userClasses, [Attr.isDeleted]: [u32(1)] }), table, key).type,
    ).toBe('other');
  });

  it('asks for a whole read when a delta does not carry objectClass, unless the object has no SID', () => {
    expect(toUserRecord(object({ [Attr.unicodePwd]: [pwd(1105, 'x')] }), table, key).type).toBe('incomplete');
    expect(toUserRecord(object({ [Attr.sAMAccountName]: [utf16('ou')] }, null), table, key).type).toBe(
      'other',
    );
  });

  it('fails with a named error on wrong-sized values or a hash without a SID', () => {
    expectAppError(
      () =>
        toUserRecord(
          object({ [Attr.objectClass]: userClasses, [Attr.userAccountControl]: [Buffer.alloc(3)] }),
          table,
          key,
        ),
      ErrorCode.DrsrUnexpectedReply,
    );
    expectAppError(
      () =>
        toUserRecord(
          object({ [Attr.objectClass]: userClasses, [Attr.unicodePwd]: [pwd(5, 'x')] }, null),
          table,
          key,
        ),
      ErrorCode.DrsrUnexpectedReply,
    );
    expectAppError(
      () => toUserRecord(object({ [Attr.objectClass]: [Buffer.alloc(2)] }), table, key),
      ErrorCode.DrsrUnexpectedReply,
    );
  });

  it('fails with SecretChecksum, not garbage, under the wrong session key', () => {
    expectAppError(
      () =>
        toUserRecord(
          object({ [Attr.objectClass]: userClasses, [Attr.unicodePwd]: [pwd(1105, 'x')] }),
          table,
          Buffer.alloc(16, 1),
        ),
      ErrorCode.SecretChecksum,
    );
  });
});

describe('decryptNtHash on the replication path', () => {
  it('on the appendix A known answer', () => {
    const value = Buffer.from(
      '000102030405060708090a0b0c0d0e0f665b58d8bdce2c7b88b6ea97b47963a73609da75',
      'hex',
    );
    expect(decryptNtHash(key, 500, value)?.toString('hex')).toBe('a4f49c406510bdcab6824ee7c30fd852');
  });

  it('round-trips 300 random users, and an empty value is no password', () => {
    for (let i = 0; i < 300; i++) {
      const rid = 1000 + i * 7919;
      const hash = randomBytes(16);
      const value = encryptReplicatedSecret(key, randomBytes(16), applyRidLayer(rid, hash));
      expect(decryptNtHash(key, rid, value)).toEqual(hash);
    }
    const empty = encryptReplicatedSecret(key, randomBytes(16), Buffer.alloc(0));
    expect(decryptNtHash(key, 1105, empty)).toBeNull();
  });

  it('rejects a plaintext that is not one hash', () => {
    const value = encryptReplicatedSecret(key, randomBytes(16), Buffer.alloc(32));
    expectAppError(() => decryptNtHash(key, 1105, value), ErrorCode.SecretMalformed);
  });
});
