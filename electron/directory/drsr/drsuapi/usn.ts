/**
 * USN_VECTOR (the high-water mark) and up-to-dateness cursors, as the wire carries them. Samba
 * < 4.22 restarts a cycle unless usnvecFrom repeats the last usnvecTo in all three fields,
 * including usnReserved (drsr-notes §6.5), so these are kept and echoed verbatim, as u64.
 */
import type { NdrReader } from '../ndr/reader.ts';
import type { NdrWriter } from '../ndr/writer.ts';

export interface UsnVector {
  readonly highObjUpdate: bigint;
  readonly reserved: bigint;
  readonly highPropUpdate: bigint;
}

/** An UPTODATE_VECTOR_V2_EXT cursor; requests send it as V1 (without lastSync). */
export interface UpToDateCursor {
  readonly dsa: string;
  readonly usn: bigint;
  readonly lastSync: bigint;
}

export const ZERO_USN_VECTOR: UsnVector = { highObjUpdate: 0n, reserved: 0n, highPropUpdate: 0n };
/** MS-DRSR bounds cNumCursors to 0x100000. */
const MAX_CURSORS = 0x100000;

export function writeUsnVector(w: NdrWriter, v: UsnVector): void {
  w.u64(v.highObjUpdate).u64(v.reserved).u64(v.highPropUpdate);
}

export function readUsnVector(r: NdrReader): UsnVector {
  return { highObjUpdate: r.u64(), reserved: r.u64(), highPropUpdate: r.u64() };
}

export function usnVectorsEqual(a: UsnVector, b: UsnVector): boolean {
  return (
    a.highObjUpdate === b.highObjUpdate && a.reserved === b.reserved && a.highPropUpdate === b.highPropUpdate
  );
}

/** UPTODATE_VECTOR_V1_EXT: max_count, pad 8, version 1, reserved, count, reserved, cursors {GUID; USN}. */
export function writeUpToDateV1(w: NdrWriter, cursors: readonly UpToDateCursor[]): void {
  // Samba binary-searches the cursors by DSA GUID, so they go out sorted the way it compares them.
  const sorted = [...cursors].sort((a, b) => compareGuids(a.dsa, b.dsa));
  w.conformantStruct(sorted.length, 8, (w) =>
    w
      .u32(1)
      .u32(0)
      .u32(sorted.length)
      .u32(0)
      .elements(sorted, (w, c) => w.align(8).guid(c.dsa).u64(c.usn)),
  );
}

/** UPTODATE_VECTOR_V2_EXT, as the last reply of a cycle carries it. */
export function readUpToDateV2(r: NdrReader): UpToDateCursor[] {
  return r.conformantStruct(8, (r, maxCount) => {
    const version = r.u32();
    r.u32();
    const count = r.u32();
    r.u32();
    if (version !== 2) throw r.fail(`up-to-dateness vector version ${version}, expected 2`);
    if (count !== maxCount || count > MAX_CURSORS)
      throw r.fail(`up-to-dateness vector of ${count} cursors vs max_count ${maxCount}`);
    return r.elements(count, 32, (r) => {
      r.align(8);
      return { dsa: r.guid(), usn: r.u64(), lastSync: r.u64() };
    });
  });
}

/** Samba's GUID_compare: time_low, time_mid, time_hi_and_version as integers, then the bytes. */
export function compareGuids(a: string, b: string): number {
  const ka = a.toLowerCase().replaceAll('-', '');
  const kb = b.toLowerCase().replaceAll('-', '');
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
