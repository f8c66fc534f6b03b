/**
 * Test-only codecs for shapes that mirror GetNCChanges' reply (drsr-notes §3.6): a linked
 * REPLENTINFLIST whose nodes carry a DSNAME, an ATTR array of ATTRVAL arrays of byte blobs,
 * a parent GUID and an 8-aligned metadata vector. They exercise every NdrWriter/NdrReader
 * feature the drsuapi layer needs, and double as usage examples.
 */
import type { NdrPointee } from '../../../../../electron/directory/drsr/ndr/pointee.ts';
import type { NdrReader } from '../../../../../electron/directory/drsr/ndr/reader.ts';
import type { NdrWriter } from '../../../../../electron/directory/drsr/ndr/writer.ts';

export interface Attr {
  readonly type: number;
  readonly values: readonly Buffer[];
}

export interface Entry {
  readonly dn: string;
  readonly guid: string;
  readonly attrs: readonly Attr[];
  readonly parentGuid: string | null;
  readonly usns: readonly bigint[];
}

export function writeDsName(w: NdrWriter, e: { readonly dn: string; readonly guid: string }): void {
  const units = e.dn.length + 1;
  w.conformance(units)
    .u32(56 + 2 * units)
    .u32(0)
    .guid(e.guid)
    .bytes(Buffer.alloc(28))
    .u32(e.dn.length);
  w.utf16(e.dn).u16(0);
}

export function readDsName(r: NdrReader): { dn: string; guid: string } {
  const max = r.conformance();
  r.u32();
  r.u32();
  const guid = r.guid();
  r.skip(28);
  const nameLen = r.u32();
  const dn = r.utf16(Math.min(max, nameLen + 1)).replace(/\0$/, '');
  return { dn, guid };
}

function writeAttr(w: NdrWriter, a: Attr): void {
  w.u32(a.type).u32(a.values.length);
  w.pointer(a.values.length > 0 ? a.values : null, (w, values) =>
    w.conformantArray(values, (w, v) => w.u32(v.length).pointer(v, (w, b) => w.byteArray(b))),
  );
}

function writeEntry(w: NdrWriter, list: readonly Entry[], i: number): void {
  const e = list[i];
  if (e === undefined) return;
  w.pointer(i + 1 < list.length ? i + 1 : null, (w, next) => writeEntry(w, list, next));
  w.pointer(e, writeDsName).u32(0).u32(e.attrs.length);
  w.pointer(e.attrs, (w, attrs) => w.conformantArray(attrs, writeAttr));
  w.u32(0).pointer(e.parentGuid, (w, g) => w.guid(g));
  // Shaped like PROPERTY_META_DATA_EXT_VECTOR: max_count, pad to 8, cNumProps, 8-aligned entries.
  w.pointer(e.usns, (w, usns) =>
    w.conformantStruct(usns.length, 8, (w) => w.u32(usns.length).elements(usns, (w, u) => w.i64(u))),
  );
}

/** The list as an embedded pointer in a reply-like struct, followed by a trailing status. */
export function writeReply(list: readonly Entry[], w: NdrWriter): Buffer {
  w.u32(6).union(6, (w) =>
    w
      .align(8)
      .u64(99n)
      .u32(list.length)
      .pointer(list.length > 0 ? 0 : null, (w, i) => writeEntry(w, list, i)),
  );
  return w.flushDeferred().u32(0).finish();
}

/*
 * Decoding is two-phase: the read functions return "raw" objects holding NdrPointee slots,
 * which flushDeferred() fills; materialising them afterwards yields plain readonly values.
 */
interface RawVal {
  readonly bytes: NdrPointee<Buffer>;
}

interface RawAttr {
  readonly type: number;
  readonly values: NdrPointee<RawVal[]>;
}

interface RawEntry {
  readonly next: NdrPointee<RawEntry>;
  readonly name: NdrPointee<{ dn: string; guid: string }>;
  readonly attrs: NdrPointee<RawAttr[]>;
  readonly parent: NdrPointee<string>;
  readonly usns: NdrPointee<bigint[]>;
}

function readAttr(r: NdrReader): RawAttr {
  const type = r.u32();
  const count = r.u32();
  const values = r.pointer((r) => {
    const vals = r.conformantArray(8, (r) => {
      r.u32(); // valLen: the blob carries its own max_count
      return { bytes: r.pointer((r) => r.byteArray()) };
    });
    if (vals.length !== count) throw r.fail('valCount differs from the ATTRVAL array size');
    return vals;
  });
  return { type, values };
}

function readEntry(r: NdrReader): RawEntry {
  const next = r.pointer(readEntry);
  const name = r.pointer(readDsName);
  r.u32();
  r.u32();
  const attrs = r.pointer((r) => r.conformantArray(12, readAttr));
  r.u32();
  const parent = r.pointer((r) => r.guid());
  const usns = r.pointer((r) =>
    r.conformantStruct(8, (r, max) => {
      const n = r.u32();
      if (n !== max) throw r.fail('cNumProps differs from max_count');
      return r.elements(n, 8, (r) => r.i64());
    }),
  );
  return { next, name, attrs, parent, usns };
}

function materialise(e: RawEntry): Entry {
  const attrs = (e.attrs.value ?? []).map((a) => ({
    type: a.type,
    values: (a.values.value ?? []).map((v) => v.bytes.value ?? Buffer.alloc(0)),
  }));
  const name = e.name.value ?? { dn: '', guid: '' };
  return { ...name, attrs, parentGuid: e.parent.value, usns: e.usns.value ?? [] };
}

export function readReply(r: NdrReader): Entry[] {
  const first = r.union({
    6: (r) =>
      r.union({
        6: (r) => {
          r.align(8).u64();
          r.u32();
          return r.pointer(readEntry);
        },
      }),
  });
  r.flushDeferred();
  r.u32();
  r.expectEnd();
  const out: Entry[] = [];
  // Walk the list iteratively: a recursive walk would be as deep as the list is long.
  for (let e = first.value; e !== null; e = e.next.value) out.push(materialise(e));
  return out;
}
