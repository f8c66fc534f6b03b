/**
 * DSNAME (drsuapi_DsReplicaObjectIdentifier, drsr-notes §3.5): a conformant struct with the
 * hoisted max_count, structLen, SidLen, GUID, a 28-byte SID slot, NameLen and the UTF-16 DN.
 * Samba 4.17 finds the NC root by the string DN, so requests always carry it (§6.3).
 */
import { NIL_GUID } from '../ndr/guid.ts';
import type { NdrReader } from '../ndr/reader.ts';
import type { NdrWriter } from '../ndr/writer.ts';

export interface DsName {
  readonly dn: string;
  readonly guid: string;
  /** "S-1-5-21-…", or null when the object has no SID. */
  readonly sid: string | null;
}

const SID_SLOT = 28;
/** MS-DRSR caps DSNAME.NameLen (in UTF-16 units). */
const MAX_NAME_UNITS = 10_485_760;

export function writeDsName(w: NdrWriter, name: { readonly dn: string; readonly guid?: string }): void {
  const units = name.dn.length + 1;
  w.conformance(units)
    .u32(56 + 2 * units)
    .u32(0)
    .guid(name.guid ?? NIL_GUID)
    .bytes(Buffer.alloc(SID_SLOT))
    .u32(name.dn.length);
  w.utf16(name.dn).u16(0);
}

export function readDsName(r: NdrReader): DsName {
  const maxCount = r.conformance();
  r.u32(); // structLen: redundant with the counts below
  const sidLen = r.u32();
  const guid = r.guid();
  const sidBytes = r.bytes(SID_SLOT);
  const nameLen = r.u32();
  if (nameLen > MAX_NAME_UNITS || nameLen >= maxCount || maxCount > MAX_NAME_UNITS + 1) {
    throw r.fail(`DSNAME NameLen ${nameLen} does not fit max_count ${maxCount}`);
  }
  const dn = r.utf16(maxCount).slice(0, nameLen);
  if (sidLen > SID_SLOT) throw r.fail(`DSNAME SidLen ${sidLen} exceeds ${SID_SLOT}`);
  return { dn, guid, sid: sidLen === 0 ? null : sidFromBytes(sidBytes.subarray(0, sidLen)) };
}

/** Binary SID → "S-1-…"; null when the bytes are not a well-formed SID. */
export function sidFromBytes(bytes: Uint8Array): string | null {
  if (bytes.length < 8) return null;
  const count = bytes[1]!;
  if (bytes[0] !== 1 || bytes.length !== 8 + 4 * count || count > 15) return null;
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const authority = b.readUIntBE(2, 6);
  const subs = Array.from({ length: count }, (_, i) => b.readUInt32LE(8 + 4 * i));
  return `S-1-${authority}${subs.map((s) => `-${s}`).join('')}`;
}

/** The RID: the last sub-authority of a domain account's SID. */
export function ridOf(sid: string | null): number | null {
  if (sid === null) return null;
  const parts = sid.split('-');
  if (parts.length < 4) return null;
  const rid = Number(parts.at(-1));
  return Number.isInteger(rid) && rid > 0 ? rid : null;
}
