/**
 * ACLs and ACEs of a self-relative security descriptor (MS-DTYP 2.4.4, 2.4.5). Each ACE is
 * parsed inside its own declared size, which must lie inside the ACL, which must lie inside the
 * buffer. Types this code does not interpret are kept as `unknown` with their size.
 */
import type { ByteReader } from './byte-reader.ts';
import { guidFromBytes } from './guid.ts';
import { readSid } from './sid.ts';

export const AceType = {
  AccessAllowed: 0x00,
  AccessDenied: 0x01,
  SystemAudit: 0x02,
  SystemAlarm: 0x03,
  AccessAllowedObject: 0x05,
  AccessDeniedObject: 0x06,
  SystemAuditObject: 0x07,
  SystemAlarmObject: 0x08,
  AccessAllowedCallback: 0x09,
  AccessDeniedCallback: 0x0a,
  AccessAllowedCallbackObject: 0x0b,
  AccessDeniedCallbackObject: 0x0c,
  SystemAuditCallback: 0x0d,
  SystemAlarmCallback: 0x0e,
  SystemAuditCallbackObject: 0x0f,
  SystemAlarmCallbackObject: 0x10,
  SystemMandatoryLabel: 0x11,
  SystemResourceAttribute: 0x12,
  SystemScopedPolicyId: 0x13,
} as const;

export const AceFlag = {
  ObjectInherit: 0x01,
  ContainerInherit: 0x02,
  NoPropagateInherit: 0x04,
  InheritOnly: 0x08,
  Inherited: 0x10,
} as const;

const ObjectFlag = { ObjectTypePresent: 0x1, InheritedObjectTypePresent: 0x2 } as const;

/** Mask + SID (+ optional application data). */
const STANDARD_LAYOUT: ReadonlySet<number> = new Set([
  0x00, 0x01, 0x02, 0x03, 0x09, 0x0a, 0x0d, 0x0e, 0x11, 0x12, 0x13,
]);
/** Mask + flags + optional object type GUIDs + SID. */
const OBJECT_LAYOUT: ReadonlySet<number> = new Set([0x05, 0x06, 0x07, 0x08, 0x0b, 0x0c, 0x0f, 0x10]);

export interface StandardAce {
  readonly kind: 'standard';
  readonly type: number;
  readonly flags: number;
  readonly mask: number;
  readonly sid: string;
}

export interface ObjectAce {
  readonly kind: 'object';
  readonly type: number;
  readonly flags: number;
  readonly mask: number;
  /** The right, property or property set the ACE is about; null = all of them. */
  readonly objectType: string | null;
  /** The object class the ACE is inherited to; null = every class. */
  readonly inheritedObjectType: string | null;
  readonly sid: string;
}

export interface UnknownAce {
  readonly kind: 'unknown';
  readonly type: number;
  readonly flags: number;
  readonly size: number;
}

export type Ace = StandardAce | ObjectAce | UnknownAce;

export interface Acl {
  readonly revision: number;
  readonly aces: readonly Ace[];
}

const ACL_HEADER = 8;
const ACE_HEADER = 4;
const MIN_ACE_SIZE = 8;

export function readAcl(reader: ByteReader, offset: number): Acl {
  const revision = reader.u8(offset, 'ACL revision');
  if (revision !== 2 && revision !== 4) reader.fail(`ACL revision is ${revision}, expected 2 or 4`, offset);
  const size = reader.u16(offset + 2, 'ACL size');
  const count = reader.u16(offset + 4, 'ACE count');
  if (size < ACL_HEADER) reader.fail(`ACL size ${size} is smaller than its header`, offset);
  reader.need(offset, size, 'ACL');
  const end = offset + size;
  if (count * MIN_ACE_SIZE > size - ACL_HEADER) {
    reader.fail(
      `ACL claims ${count} ACEs but has room for at most ${Math.floor((size - ACL_HEADER) / MIN_ACE_SIZE)}`,
      offset,
    );
  }
  const aces: Ace[] = [];
  let at = offset + ACL_HEADER;
  for (let i = 0; i < count; i++) {
    const aceSize = reader.u16(at + 2, 'ACE size', end);
    if (aceSize < MIN_ACE_SIZE || aceSize % 4 !== 0)
      reader.fail(`ACE ${i} has size ${aceSize} (a multiple of 4, at least ${MIN_ACE_SIZE})`, at);
    reader.need(at, aceSize, `ACE ${i}`, end);
    aces.push(readAce(reader, at, at + aceSize));
    at += aceSize;
  }
  return { revision, aces };
}

function readAce(reader: ByteReader, offset: number, end: number): Ace {
  const type = reader.u8(offset, 'ACE type', end);
  const flags = reader.u8(offset + 1, 'ACE flags', end);
  if (STANDARD_LAYOUT.has(type)) {
    const mask = reader.u32(offset + ACE_HEADER, 'ACE mask', end);
    const { sid } = readSid(reader, offset + ACE_HEADER + 4, end);
    return { kind: 'standard', type, flags, mask, sid };
  }
  if (OBJECT_LAYOUT.has(type)) {
    const mask = reader.u32(offset + ACE_HEADER, 'ACE mask', end);
    const objectFlags = reader.u32(offset + ACE_HEADER + 4, 'object ACE flags', end);
    let at = offset + ACE_HEADER + 8;
    const guid = (what: string): string => {
      const value = guidFromBytes(reader.bytes(at, 16, what, end));
      at += 16;
      return value;
    };
    const objectType = objectFlags & ObjectFlag.ObjectTypePresent ? guid('ACE object type') : null;
    const inheritedObjectType =
      objectFlags & ObjectFlag.InheritedObjectTypePresent ? guid('ACE inherited object type') : null;
    const { sid } = readSid(reader, at, end);
    return { kind: 'object', type, flags, mask, objectType, inheritedObjectType, sid };
  }
  return { kind: 'unknown', type, flags, size: end - offset };
}
