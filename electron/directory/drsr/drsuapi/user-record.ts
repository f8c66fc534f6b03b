/**
 * From a replicated object to the account record PHS works with (drsr-notes §3.8): attribute
 * values decoded by OID through the reply's prefix table, the RID taken from the object's
 * DSNAME SID (a delta may lack objectSid), the NT hash decrypted, "no unicodePwd" kept as null.
 */
import { guidFromBytes } from '../ndr/guid.ts';
import { decryptNtHash } from '../secrets/nt-hash.ts';
import { AttrOid, ClassOid, Uac } from './constants.ts';
import { ridOf, sidFromBytes } from './dsname.ts';
import { drsrUnexpected } from './errors.ts';
import type { ReplicaAttribute, ReplicaObject } from './get-nc-changes-reply.ts';
import type { PrefixTable } from './prefix-table.ts';

export type AccountKind = 'user' | 'computer' | 'inetOrgPerson' | 'trust';

export interface ReplicatedUser {
  readonly dn: string;
  readonly objectGuid: string;
  readonly objectSid: string | null;
  readonly rid: number | null;
  readonly sAMAccountName: string | null;
  readonly userPrincipalName: string | null;
  readonly userAccountControl: number | null;
  /** FILETIME; 0 means "must change at next logon". */
  readonly pwdLastSet: bigint | null;
  /** When unicodePwd last changed (ISO 8601, from its replication metadata); null when unknown. */
  readonly passwordChangedAt: string | null;
  /** Class names where known (top, person, …, user), else the class OID. */
  readonly objectClass: readonly string[];
  readonly kind: AccountKind;
  /** The 16-byte NT hash, or null when the account has no password. Wipe it after use. */
  readonly ntHash: Buffer | null;
}

type AttrName = keyof typeof AttrOid;
const NAME_BY_OID = new Map<string, AttrName>(
  Object.entries(AttrOid).map(([name, oid]) => [oid, name as AttrName]),
);

const CLASS_NAMES = new Map<string, string>([
  ['2.5.6.0', 'top'],
  ['2.5.6.6', 'person'],
  ['2.5.6.7', 'organizationalPerson'],
  [ClassOid.user, 'user'],
  [ClassOid.computer, 'computer'],
  [ClassOid.inetOrgPerson, 'inetOrgPerson'],
  ['1.2.840.113556.1.5.264', 'msDS-ManagedServiceAccount'],
  ['1.2.840.113556.1.5.282', 'msDS-GroupManagedServiceAccount'],
]);

/** The attributes of one object, by name; absent attributes are not in the map. */
export function attributesByName(
  object: ReplicaObject,
  table: PrefixTable,
): ReadonlyMap<AttrName, ReplicaAttribute> {
  const out = new Map<AttrName, ReplicaAttribute>();
  for (const attr of object.attributes) {
    const oid = table.oidOf(attr.attrTyp);
    const name = oid === null ? undefined : NAME_BY_OID.get(oid);
    if (name !== undefined) out.set(name, attr);
  }
  return out;
}

function single(attr: ReplicaAttribute | undefined, name: string, length?: number): Buffer | null {
  const value = attr?.values[0];
  if (value === undefined) return null;
  if (length !== undefined && value.length !== length)
    throw drsrUnexpected(`${name} of ${value.length} bytes`);
  return value;
}

function classesOf(values: readonly Buffer[], table: PrefixTable): string[] {
  return values.map((v) => {
    if (v.length !== 4) throw drsrUnexpected(`an objectClass value of ${v.length} bytes`);
    const oid = table.oidOf(v.readUInt32LE(0)) ?? `attrtyp:${v.readUInt32LE(0)}`;
    return CLASS_NAMES.get(oid) ?? oid;
  });
}

function kindOf(classes: readonly string[], uac: number | null): AccountKind {
  if (uac !== null && (uac & Uac.InterdomainTrust) !== 0) return 'trust';
  if (classes.includes('computer')) return 'computer';
  if (classes.includes('inetOrgPerson')) return 'inetOrgPerson';
  return 'user';
}

export type ObjectVerdict =
  | { readonly type: 'user'; readonly user: ReplicatedUser }
  | { readonly type: 'other' }
  /** A delta that does not say what the object is (no objectClass): read it whole to find out. */
  | { readonly type: 'incomplete' };

export function toUserRecord(object: ReplicaObject, table: PrefixTable, sessionKey: Buffer): ObjectVerdict {
  const attrs = attributesByName(object, table);
  const deleted = single(attrs.get('isDeleted'), 'isDeleted', 4);
  if (deleted !== null && deleted.readUInt32LE(0) !== 0) return { type: 'other' };
  const classValues = attrs.get('objectClass')?.values;
  if (classValues === undefined || classValues.length === 0) {
    // Only security principals can be users: an object without a SID needs no second look.
    return object.name.sid === null ? { type: 'other' } : { type: 'incomplete' };
  }
  const objectClass = classesOf(classValues, table);
  if (!objectClass.includes('user')) return { type: 'other' };
  const sidValue = single(attrs.get('objectSid'), 'objectSid');
  const objectSid = object.name.sid ?? (sidValue === null ? null : sidFromBytes(sidValue));
  const rid = ridOf(objectSid);
  const uacValue = single(attrs.get('userAccountControl'), 'userAccountControl', 4);
  const uac = uacValue === null ? null : uacValue.readUInt32LE(0);
  const pwdAttr = attrs.get('unicodePwd');
  const pwd = single(pwdAttr, 'unicodePwd');
  if (pwd !== null && rid === null)
    throw drsrUnexpected(`${object.name.dn} carries a password hash but no SID`);
  const text = (name: AttrName): string | null => single(attrs.get(name), name)?.toString('utf16le') ?? null;
  const guidValue = single(attrs.get('objectGUID'), 'objectGUID', 16);
  const pwdLastSet = single(attrs.get('pwdLastSet'), 'pwdLastSet', 8);
  return {
    type: 'user',
    user: {
      dn: object.name.dn,
      objectGuid: guidValue === null ? object.name.guid : guidFromBytes(guidValue),
      objectSid,
      rid,
      sAMAccountName: text('sAMAccountName'),
      userPrincipalName: text('userPrincipalName'),
      userAccountControl: uac,
      pwdLastSet: pwdLastSet === null ? null : pwdLastSet.readBigInt64LE(0),
      passwordChangedAt: pwdAttr?.changedAt?.toISOString() ?? null,
      objectClass,
      kind: kindOf(objectClass, uac),
      ntHash: pwd === null || rid === null ? null : decryptNtHash(sessionKey, rid, pwd),
    },
  };
}
