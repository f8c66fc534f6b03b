/**
 * IDL_DRSCrackNames (opnum 12), drsr-notes §3.4: translates names between formats, e.g. an NT4
 * account name or a UPN to the DN that Samba 4.17 needs in a DSNAME.
 */
import type { NdrPointee } from '../ndr/pointee.ts';
import { NdrReader } from '../ndr/reader.ts';
import { NdrWriter } from '../ndr/writer.ts';
import type { NameFormat } from './constants.ts';

export const CrackStatus = {
  Ok: 0,
  ResolveError: 1,
  NotFound: 2,
  NotUnique: 3,
  NoMapping: 4,
  DomainOnly: 5,
  NoSyntacticalMapping: 6,
  TrustReferral: 7,
} as const;

const STATUS_NAMES = [
  'ok',
  'resolve error',
  'not found',
  'not unique',
  'no mapping',
  'domain only',
  'no syntactical mapping',
  'trust referral',
];

export function crackStatusName(status: number): string {
  return STATUS_NAMES[status] ?? `status ${status}`;
}

export interface CrackedName {
  readonly status: number;
  /** DNS name of the domain holding the object. */
  readonly domain: string | null;
  readonly name: string | null;
}

export interface CrackNamesReply {
  readonly items: readonly CrackedName[];
  readonly werror: number;
}

const MAX_ITEMS = 10_000;

export function encodeCrackNamesRequest(
  handle: Buffer,
  offered: NameFormat,
  desired: NameFormat,
  names: readonly string[],
): Buffer {
  return new NdrWriter()
    .contextHandle(handle)
    .u32(1)
    .union(1, (w) =>
      w
        .u32(0) // CodePage
        .u32(0) // LocaleId
        .u32(0) // dwFlags
        .u32(offered)
        .u32(desired)
        .u32(names.length)
        .pointer(names, (w, list) =>
          w.conformantArray(list, (w, name) => w.pointer(name, (w, s) => w.wstring(s))),
        ),
    )
    .flushDeferred()
    .finish();
}

function readItem(r: NdrReader): () => CrackedName {
  const status = r.u32();
  const domain: NdrPointee<string> = r.pointer((r) => r.wstring());
  const name: NdrPointee<string> = r.pointer((r) => r.wstring());
  return () => ({ status, domain: domain.value, name: name.value });
}

export function decodeCrackNamesReply(stub: Buffer): CrackNamesReply {
  const r = new NdrReader(stub);
  const outVersion = r.u32();
  if (outVersion !== 1) throw r.fail(`CrackNames reply version ${outVersion}, expected 1`);
  const result = r.union({
    1: (r) =>
      r.pointer((r) => {
        const count = r.u32();
        if (count > MAX_ITEMS) throw r.fail(`CrackNames cItems ${count}`);
        const items = r.pointer((r) => r.conformantArray(12, readItem));
        return { count, items };
      }),
  });
  r.flushDeferred();
  const werror = r.u32();
  r.expectEnd();
  const items = result.value?.items.value ?? [];
  if (result.value !== null && items.length !== result.value.count) {
    throw r.fail(`CrackNames cItems ${result.value.count} vs array size ${items.length}`);
  }
  return { items: items.map((thunk) => thunk()), werror };
}
