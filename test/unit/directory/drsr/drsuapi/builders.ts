/**
 * Test helpers: an encoder for GetNCChanges V6 replies (the mirror of the decoder, built on
 * NdrWriter, for synthetic replies), SID and attribute value builders, and the loader of the
 * stubs captured from the lab DC in test/fixtures/drsr/.
 */
import fs from 'node:fs';
import { NIL_GUID } from '../../../../../electron/directory/drsr/ndr/guid.ts';
import { NdrWriter } from '../../../../../electron/directory/drsr/ndr/writer.ts';
import type { PrefixEntry } from '../../../../../electron/directory/drsr/drsuapi/prefix-table.ts';
import type { UpToDateCursor, UsnVector } from '../../../../../electron/directory/drsr/drsuapi/usn.ts';

export interface TestObject {
  readonly dn: string;
  readonly guid: string;
  readonly sid?: Buffer;
  readonly attrs: readonly { readonly attrTyp: number; readonly values: readonly Buffer[] }[];
  readonly parentGuid?: string | null;
  readonly metaCount?: number;
}

export interface TestLink {
  readonly dn: string;
  readonly attrTyp: number;
  readonly value: Buffer;
}

export interface TestReply {
  readonly invocationId?: string;
  readonly usnFrom?: UsnVector;
  readonly usnTo?: UsnVector;
  readonly upToDate?: readonly UpToDateCursor[] | null;
  readonly prefixes?: readonly PrefixEntry[];
  readonly extendedRet?: number;
  readonly objects?: readonly TestObject[];
  readonly moreData?: boolean;
  readonly links?: readonly TestLink[];
  readonly werror?: number;
}

const ZERO: UsnVector = { highObjUpdate: 0n, reserved: 0n, highPropUpdate: 0n };
export const DSA = '5bf74e46-219d-4e7b-b979-4e20c2edd691';
export const INVOCATION = 'c0577b8d-9588-4827-b4a1-69efb3166098';

/** S-1-5-21-1-2-3-<rid>, binary. */
export function sidBytes(rid: number): Buffer {
  const b = Buffer.alloc(28);
  b[0] = 1;
  b[1] = 5;
  b.writeUIntBE(5, 2, 6);
  [21, 1, 2, 3, rid].forEach((v, i) => b.writeUInt32LE(v, 8 + 4 * i));
  return b;
}

export function u32(v: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v >>> 0);
  return b;
}

export function i64(v: bigint): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigInt64LE(v);
  return b;
}

export function utf16(text: string): Buffer {
  return Buffer.from(text, 'utf16le');
}

function writeName(
  w: NdrWriter,
  o: { readonly dn: string; readonly guid: string; readonly sid?: Buffer | undefined },
): void {
  const units = o.dn.length + 1;
  const sid = Buffer.alloc(28);
  o.sid?.copy(sid);
  w.conformance(units)
    .u32(56 + 2 * units)
    .u32(o.sid?.length ?? 0)
    .guid(o.guid)
    .bytes(sid)
    .u32(o.dn.length);
  w.utf16(o.dn).u16(0);
}

function writeUsn(w: NdrWriter, v: UsnVector): void {
  w.u64(v.highObjUpdate).u64(v.reserved).u64(v.highPropUpdate);
}

function writeObject(w: NdrWriter, list: readonly TestObject[], i: number): void {
  const o = list[i]!;
  w.pointer(i + 1 < list.length ? i + 1 : null, (w, next) => writeObject(w, list, next));
  w.pointer(o, writeName).u32(0).u32(o.attrs.length);
  w.pointer(o.attrs.length > 0 ? o.attrs : null, (w, attrs) =>
    w.conformantArray(attrs, (w, a) => {
      w.u32(a.attrTyp).u32(a.values.length);
      w.pointer(a.values.length > 0 ? a.values : null, (w, values) =>
        w.conformantArray(values, (w, v) => w.u32(v.length).pointer(v, (w, b) => w.byteArray(b))),
      );
    }),
  );
  w.u32(0).pointer(o.parentGuid === undefined ? NIL_GUID : o.parentGuid, (w, g) => w.guid(g));
  const meta = o.metaCount ?? 1;
  w.pointer(meta, (w, n) =>
    w.conformantStruct(n, 8, (w) => {
      w.u32(n);
      for (let k = 0; k < n; k++) w.align(8).u32(1).u64(0n).guid(INVOCATION).u64(BigInt(k));
    }),
  );
}

export function encodeReply(reply: TestReply): Buffer {
  const objects = reply.objects ?? [];
  const links = reply.links ?? [];
  const prefixes = reply.prefixes ?? [];
  const w = new NdrWriter().u32(6);
  w.union(6, (w) => {
    w.align(8)
      .guid(DSA)
      .guid(reply.invocationId ?? INVOCATION);
    w.pointer({ dn: 'DC=lab,DC=example,DC=test', guid: NIL_GUID }, writeName);
    writeUsn(w, reply.usnFrom ?? ZERO);
    writeUsn(w, reply.usnTo ?? ZERO);
    w.pointer(reply.upToDate ?? null, (w, cursors) =>
      w.conformantStruct(cursors.length, 8, (w) => {
        w.u32(2).u32(0).u32(cursors.length).u32(0);
        for (const c of cursors) w.align(8).guid(c.dsa).u64(c.usn).u64(c.lastSync);
      }),
    );
    w.u32(prefixes.length).pointer(prefixes.length > 0 ? prefixes : null, (w, list) =>
      w.conformantArray(list, (w, e) =>
        w
          .u32(e.ndx)
          .u32(e.prefix.length)
          .pointer(e.prefix, (w, b) => w.byteArray(b)),
      ),
    );
    w.u32(reply.extendedRet ?? 0)
      .u32(objects.length)
      .u32(0);
    w.pointer(objects.length > 0 ? 0 : null, (w, i) => writeObject(w, objects, i));
    w.u32(reply.moreData ? 1 : 0)
      .u32(0)
      .u32(0)
      .u32(links.length);
    w.pointer(links.length > 0 ? links : null, (w, list) =>
      w.conformantArray(list, (w, l) => {
        w.align(8).pointer({ dn: l.dn, guid: NIL_GUID }, writeName).u32(l.attrTyp).u32(l.value.length);
        w.pointer(l.value, (w, b) => w.byteArray(b))
          .u32(1)
          .u64(0n)
          .u32(1)
          .u64(0n)
          .guid(INVOCATION)
          .u64(7n);
      }),
    );
    w.u32(0);
  });
  return w
    .flushDeferred()
    .u32(reply.werror ?? 0)
    .finish();
}

export interface CapturedCall {
  readonly opnum: number;
  readonly request: Buffer;
  readonly reply: Buffer;
}

export interface Fixture {
  readonly sessionKey: Buffer;
  readonly calls: readonly CapturedCall[];
}

export function loadFixture(name: 'session' | 'repl-obj' | 'full-sync-page'): Fixture {
  const url = new URL(`../../../../fixtures/drsr/${name}.json`, import.meta.url);
  const raw = JSON.parse(fs.readFileSync(url, 'utf8')) as {
    sessionKey: string;
    calls: { opnum: number; request: string; reply: string }[];
  };
  return {
    sessionKey: Buffer.from(raw.sessionKey, 'hex'),
    calls: raw.calls.map((c) => ({
      opnum: c.opnum,
      request: Buffer.from(c.request, 'hex'),
      reply: Buffer.from(c.reply, 'hex'),
    })),
  };
}
