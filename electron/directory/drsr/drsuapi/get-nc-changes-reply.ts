/**
 * IDL_DRSGetNCChanges reply V6 (drsr-notes §3.6). Decoding is two-phase, as in NdrReader: the
 * scalars yield NdrPointee slots, flushDeferred() fills them in NDR order (the object list nests
 * one level per node, drained by NdrReader's explicit stack), then the list is walked iteratively.
 */
import type { NdrPointee } from '../ndr/pointee.ts';
import { NdrReader } from '../ndr/reader.ts';
import { type DsName, readDsName } from './dsname.ts';
import { drsrUnexpected } from './errors.ts';
import { MAX_PREFIX_ENTRIES, type PrefixEntry, readPrefixEntry } from './prefix-table.ts';
import { readLinkedValue, type LinkedValue } from './linked-values.ts';
import { readUpToDateV2, readUsnVector, type UpToDateCursor, type UsnVector } from './usn.ts';

export interface ReplicaAttribute {
  readonly attrTyp: number;
  readonly values: readonly Buffer[];
  /** When this attribute last changed at its originating DC (from the object's metadata), or null. */
  readonly changedAt: Date | null;
}

export interface ReplicaObject {
  readonly name: DsName;
  readonly attributes: readonly ReplicaAttribute[];
  readonly isNcPrefix: boolean;
  readonly parentGuid: string | null;
}

export interface GetNcChangesReply {
  readonly dsaObjectGuid: string;
  readonly invocationId: string;
  readonly nc: DsName | null;
  readonly usnVectorFrom: UsnVector;
  readonly usnVectorTo: UsnVector;
  /** Only in the last reply of a cycle. */
  readonly upToDate: readonly UpToDateCursor[] | null;
  readonly prefixTable: readonly PrefixEntry[];
  readonly extendedRet: number;
  readonly objects: readonly ReplicaObject[];
  readonly moreData: boolean;
  readonly linkedValues: readonly LinkedValue[];
  readonly drsError: number;
  readonly werror: number;
}

interface RawEntry {
  readonly next: NdrPointee<RawEntry>;
  readonly name: NdrPointee<DsName>;
  readonly attrCount: number;
  readonly attrs: NdrPointee<((meta: Buffer | null, index: number) => ReplicaAttribute)[]>;
  readonly isNcPrefix: boolean;
  readonly parent: NdrPointee<string>;
  readonly meta: NdrPointee<Buffer>;
}

export const REPLY_VERSION = 6;
/** Bounds from the IDL: attributes per object, values per attribute. */
const MAX_ATTRIBUTES = 1_048_576;
const MAX_VALUES = 10_485_760;
const META_DATA_ENTRY = 40;

function readAttr(r: NdrReader): (meta: Buffer | null, index: number) => ReplicaAttribute {
  const attrTyp = r.u32();
  const count = r.u32();
  if (count > MAX_VALUES) throw r.fail(`attribute with ${count} values`);
  const values = r.pointer((r) =>
    r.conformantArray(8, (r) => {
      const length = r.u32();
      return r.pointer((r) => {
        const bytes = r.byteArray();
        if (bytes.length !== length) throw r.fail(`ATTRVAL valLen ${length} vs ${bytes.length} bytes`);
        return bytes;
      });
    }),
  );
  return (meta, index) => {
    const list = values.value ?? [];
    if (list.length !== count)
      throw drsrUnexpected(`attribute ${attrTyp} announces ${count} values, carries ${list.length}`);
    return {
      attrTyp,
      values: list.map((v) => v.value ?? Buffer.alloc(0)),
      changedAt: changedAt(meta, index),
    };
  };
}

/**
 * PROPERTY_META_DATA_EXT_VECTOR: one 40-byte entry per attribute, in the attributes' order
 * {dwVersion; pad; timeChanged (DSTIME: seconds since 1601); uuidDsaOriginating; usnOriginating}.
 * Kept as raw bytes; only timeChanged is read, when an attribute asks for it.
 */
function readMetaData(r: NdrReader): Buffer {
  return r.conformantStruct(8, (r, maxCount) => {
    const count = r.u32();
    if (count !== maxCount) throw r.fail(`metadata cNumProps ${count} vs max_count ${maxCount}`);
    if (count > MAX_ATTRIBUTES) throw r.fail(`metadata of ${count} entries`);
    // The entries are 8-aligned; with none there is no padding either.
    return count > 0 ? r.align(8).bytes(count * META_DATA_ENTRY) : Buffer.alloc(0);
  });
}

/** DSTIME (seconds since 1601-01-01) → Date; null for 0 or out of range. */
const SECONDS_1601_TO_1970 = 11_644_473_600n;
function dsTime(seconds: bigint): Date | null {
  if (seconds <= SECONDS_1601_TO_1970 || seconds > SECONDS_1601_TO_1970 + 253_402_300_799n) return null;
  return new Date(Number(seconds - SECONDS_1601_TO_1970) * 1000);
}

function changedAt(meta: Buffer | null, index: number): Date | null {
  const at = index * META_DATA_ENTRY + 8;
  return meta === null || at + 8 > meta.length ? null : dsTime(meta.readBigInt64LE(at));
}

function readEntry(r: NdrReader): RawEntry {
  const next = r.pointer(readEntry);
  const name = r.pointer(readDsName);
  r.u32(); // ENTINF.ulFlags
  const attrCount = r.u32();
  if (attrCount > MAX_ATTRIBUTES) throw r.fail(`object with ${attrCount} attributes`);
  const attrs = r.pointer((r) => r.conformantArray(12, readAttr));
  const isNcPrefix = r.u32() !== 0;
  const parent = r.pointer((r) => r.guid());
  const meta = r.pointer(readMetaData);
  return { next, name, attrCount, attrs, isNcPrefix, parent, meta };
}

function materialise(e: RawEntry): ReplicaObject {
  const name = e.name.value;
  if (name === null) throw drsrUnexpected('an object without a name');
  const attrs = e.attrs.value ?? [];
  if (attrs.length !== e.attrCount)
    throw drsrUnexpected(`${name.dn} announces ${e.attrCount} attributes, carries ${attrs.length}`);
  const meta = e.meta.value;
  return {
    name,
    attributes: attrs.map((a, i) => a(meta, i)),
    isNcPrefix: e.isNcPrefix,
    parentGuid: e.parent.value,
  };
}

function readCtr6(r: NdrReader) {
  r.align(8);
  const dsaObjectGuid = r.guid();
  const invocationId = r.guid();
  const nc = r.pointer(readDsName);
  const usnVectorFrom = readUsnVector(r);
  const usnVectorTo = readUsnVector(r);
  const upToDate = r.pointer(readUpToDateV2);
  const prefixCount = r.u32();
  if (prefixCount > MAX_PREFIX_ENTRIES) throw r.fail(`prefix table of ${prefixCount} entries`);
  const prefixes = r.pointer((r) => r.conformantArray(12, readPrefixEntry));
  const extendedRet = r.u32();
  r.u32(); // cNumObjects: the list is walked instead
  r.u32(); // cNumBytes
  const first = r.pointer(readEntry);
  const moreData = r.u32() !== 0;
  r.u32(); // cNumNcSizeObjects
  r.u32(); // cNumNcSizeValues
  const valueCount = r.u32();
  const values = r.pointer((r) => r.conformantArray(72, readLinkedValue));
  const drsError = r.u32();
  return {
    dsaObjectGuid,
    invocationId,
    nc,
    usnVectorFrom,
    usnVectorTo,
    upToDate,
    prefixCount,
    prefixes,
    extendedRet,
    first,
    moreData,
    valueCount,
    values,
    drsError,
  };
}

/** What the next request needs, read at fixed offsets before the full decode (drsr-notes §3.6). */
export interface ReplyHead {
  readonly invocationId: string;
  readonly usnVectorTo: UsnVector;
  readonly moreData: boolean;
}

const HEAD_LENGTH = 128;

export function peekReplyHead(stub: Buffer): ReplyHead {
  if (stub.length < HEAD_LENGTH) throw drsrUnexpected(`a reply of ${stub.length} bytes`);
  const version = stub.readUInt32LE(0);
  if (version !== REPLY_VERSION || stub.readUInt32LE(4) !== REPLY_VERSION) {
    throw drsrUnexpected(`reply version ${version}; only V6 is supported`);
  }
  const r = new NdrReader(stub.subarray(0, HEAD_LENGTH));
  r.skip(24);
  const invocationId = r.guid();
  r.skip(72 - r.offset);
  const usnVectorTo = readUsnVector(r);
  r.skip(124 - r.offset);
  return { invocationId, usnVectorTo, moreData: r.u32() !== 0 };
}

/** The WERROR, the last 4 bytes of every reply, readable before (and without) a full decode. */
export function replyWerror(stub: Buffer): number | null {
  return stub.length >= 4 ? stub.readUInt32LE(stub.length - 4) : null;
}

export function decodeGetNcChangesReply(stub: Buffer): GetNcChangesReply {
  const r = new NdrReader(stub);
  const version = r.u32();
  if (version !== REPLY_VERSION) throw drsrUnexpected(`reply version ${version}; only V6 is supported`);
  const ctr = r.union({ [REPLY_VERSION]: readCtr6 });
  r.flushDeferred();
  const werror = r.u32();
  r.expectEnd();
  const prefixTable = (ctr.prefixes.value ?? []).map((entry) => entry());
  if (prefixTable.length !== ctr.prefixCount)
    throw drsrUnexpected(`prefix table count ${ctr.prefixCount} vs ${prefixTable.length} entries`);
  const linkedValues = (ctr.values.value ?? []).map((v) => v());
  if (linkedValues.length !== ctr.valueCount)
    throw drsrUnexpected(`linked value count ${ctr.valueCount} vs ${linkedValues.length}`);
  const objects: ReplicaObject[] = [];
  // Iterative walk: a recursive one would be as deep as the list is long.
  for (let e = ctr.first.value; e !== null; e = e.next.value) objects.push(materialise(e));
  return {
    dsaObjectGuid: ctr.dsaObjectGuid,
    invocationId: ctr.invocationId,
    nc: ctr.nc.value,
    usnVectorFrom: ctr.usnVectorFrom,
    usnVectorTo: ctr.usnVectorTo,
    upToDate: ctr.upToDate.value,
    prefixTable,
    extendedRet: ctr.extendedRet,
    objects,
    moreData: ctr.moreData,
    linkedValues,
    drsError: ctr.drsError,
    werror,
  };
}
