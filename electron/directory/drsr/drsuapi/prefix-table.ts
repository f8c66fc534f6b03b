/**
 * SCHEMA_PREFIX_TABLE and the ATTRTYP ↔ OID mapping of MS-DRSR 5.16.4 (drsr-notes §3.7).
 * An ATTRTYP's upper 16 bits select a prefix (BER bytes of the OID minus its last arc), the lower
 * 16 bits encode that arc. Replies are decoded through the server's own table, never by
 * assuming Samba's numbering, so a Windows DC with an extended schema decodes the same way.
 */
import type { NdrReader } from '../ndr/reader.ts';

export interface PrefixEntry {
  readonly ndx: number;
  readonly prefix: Buffer;
}

/** MS-DRSR bounds OID_t.length to 10000 bytes and the table to 1048576 entries. */
const MAX_OID_BYTES = 10_000;
export const MAX_PREFIX_ENTRIES = 1_048_576;
const SCHEMA_INFO_LENGTH = 21;

/** The entries of the default table this client may meet before a server's table. */
const DEFAULT_PREFIXES: readonly (readonly [number, string])[] = [
  [0x00, '5504'],
  [0x01, '5506'],
  [0x02, '2a864886f7140102'],
  [0x03, '2a864886f7140103'],
  [0x08, '5505'],
  [0x09, '2a864886f7140104'],
  [0x0a, '2a864886f7140105'],
  [0x14, '6086480186f84203'],
  [0x16, '6086480186f8420301'],
  [0x17, '2a864886f7140105b658'],
];

/** Reads OID_t {length; elements*} of one entry; the bytes come with the deferred pointees. */
export function readPrefixEntry(r: NdrReader): () => PrefixEntry {
  const ndx = r.u32();
  const length = r.u32();
  if (length > MAX_OID_BYTES) throw r.fail(`prefix entry of ${length} bytes`);
  const bytes = r.pointer((r) => {
    const data = r.byteArray();
    if (data.length !== length) throw r.fail(`prefix entry length ${length} vs ${data.length} bytes`);
    return data;
  });
  return () => ({ ndx, prefix: bytes.value ?? Buffer.alloc(0) });
}

/** True for Windows' and Samba's trailing schemaInfo pseudo-entry (ndx 0, 21 bytes, 0xFF...). */
export function isSchemaInfo(entry: PrefixEntry): boolean {
  return entry.ndx === 0 && entry.prefix.length === SCHEMA_INFO_LENGTH && entry.prefix[0] === 0xff;
}

export class PrefixTable {
  private readonly byIndex = new Map<number, Buffer>();
  private readonly cache = new Map<number, string | null>();

  constructor(entries: readonly PrefixEntry[]) {
    for (const entry of entries) {
      if (isSchemaInfo(entry) || this.byIndex.has(entry.ndx)) continue;
      this.byIndex.set(entry.ndx, entry.prefix);
    }
  }

  static defaultTable(): PrefixTable {
    return new PrefixTable(DEFAULT_PREFIXES.map(([ndx, hex]) => ({ ndx, prefix: Buffer.from(hex, 'hex') })));
  }

  get size(): number {
    return this.byIndex.size;
  }

  /** The OID of an ATTRTYP, or null when no entry maps it (or it is an msDS-IntId). */
  oidOf(attrTyp: number): string | null {
    const cached = this.cache.get(attrTyp);
    if (cached !== undefined) return cached;
    const oid = this.resolve(attrTyp >>> 0);
    this.cache.set(attrTyp, oid);
    return oid;
  }

  /** MakeAttid: the ATTRTYP of an OID through this table, or null without a matching prefix. */
  attrTypOf(oid: string): number | null {
    const ber = oidToBer(oid);
    if (ber === null) return null;
    const arcs = oid.split('.').map(Number);
    const last = arcs.at(-1)!;
    const prefix = ber.subarray(0, ber.length - (last < 128 ? 1 : 2));
    for (const [ndx, bytes] of this.byIndex) {
      if (!bytes.equals(prefix)) continue;
      const low = last < 128 ? last : (last % 16384) + (last >= 16384 ? 0x8000 : 0);
      return ((ndx << 16) | low) >>> 0;
    }
    return null;
  }

  private resolve(attrTyp: number): string | null {
    if (attrTyp >= 0x80000000) return null;
    const prefix = this.byIndex.get(attrTyp >>> 16);
    if (prefix === undefined) return null;
    let low = attrTyp & 0xffff;
    if (low < 128) return berToOid(Buffer.concat([prefix, Buffer.from([low])]));
    if (low >= 0x8000) low -= 0x8000;
    return berToOid(Buffer.concat([prefix, Buffer.from([0x80 | ((low >> 7) & 0x7f), low & 0x7f])]));
  }
}

/** BER content octets of an OID → dotted text; null when malformed (a truncated arc, too long). */
export function berToOid(ber: Uint8Array): string | null {
  if (ber.length === 0 || ber.length > MAX_OID_BYTES) return null;
  const arcs: number[] = [];
  let value = 0;
  let digits = 0;
  for (const byte of ber) {
    if (digits === 0 && byte === 0x80) return null;
    value = value * 128 + (byte & 0x7f);
    digits++;
    if (value > Number.MAX_SAFE_INTEGER / 128) return null;
    if (byte & 0x80) continue;
    arcs.push(value);
    value = 0;
    digits = 0;
  }
  if (digits !== 0) return null;
  const first = arcs[0]!;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...arcs.slice(1)].join('.');
}

/** Dotted OID → BER content octets; null when it is not a valid OID. */
export function oidToBer(oid: string): Buffer | null {
  if (!/^[0-2](\.\d{1,15})+$/.test(oid)) return null;
  const arcs = oid.split('.').map(Number);
  const [a, b] = [arcs[0]!, arcs[1]!];
  if (a < 2 && b >= 40) return null;
  const out: number[] = [];
  for (const arc of [a * 40 + b, ...arcs.slice(2)]) {
    const groups: number[] = [];
    let v = arc;
    do {
      groups.unshift(v % 128);
      v = Math.floor(v / 128);
    } while (v > 0);
    groups.forEach((g, i) => out.push(i < groups.length - 1 ? g | 0x80 : g));
  }
  return Buffer.from(out);
}
