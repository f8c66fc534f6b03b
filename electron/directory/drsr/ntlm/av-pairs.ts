/**
 * AV pairs (MS-NLMP 2.2.2.1): the CHALLENGE's target info, echoed back inside the NTLMv2 blob.
 * The decoded list omits the terminating MsvAvEOL; the encoder appends it.
 */
import { malformed } from './errors.ts';

export const AvId = {
  Eol: 0,
  NbComputerName: 1,
  NbDomainName: 2,
  DnsComputerName: 3,
  DnsDomainName: 4,
  DnsTreeName: 5,
  Flags: 6,
  Timestamp: 7,
  SingleHost: 8,
  TargetName: 9,
  ChannelBindings: 10,
} as const;

/** MsvAvFlags bit: the AUTHENTICATE carries a MIC. */
export const AV_FLAG_MIC_PRESENT = 0x2;

export interface AvPair {
  readonly id: number;
  readonly value: Buffer;
}

/** Fixed value sizes the spec mandates; a mismatch would make later reads go wrong. */
const FIXED_LENGTH: Readonly<Record<number, number>> = { [AvId.Flags]: 4, [AvId.Timestamp]: 8 };

export function decodeAvPairs(bytes: Buffer): readonly AvPair[] {
  const pairs: AvPair[] = [];
  let at = 0;
  for (;;) {
    if (at + 4 > bytes.length) throw malformed('target info ends without MsvAvEOL');
    const id = bytes.readUInt16LE(at);
    const length = bytes.readUInt16LE(at + 2);
    at += 4;
    if (id === AvId.Eol) return pairs;
    if (length > bytes.length - at) throw malformed(`AV pair ${id} runs past the target info`);
    const expected = FIXED_LENGTH[id];
    if (expected !== undefined && expected !== length) throw malformed(`AV pair ${id} has length ${length}`);
    pairs.push({ id, value: Buffer.from(bytes.subarray(at, at + length)) });
    at += length;
  }
}

export function encodeAvPairs(pairs: readonly AvPair[]): Buffer {
  const parts: Buffer[] = [];
  for (const { id, value } of pairs) {
    if (value.length > 0xffff) throw new RangeError('AV pair value exceeds 65535 bytes');
    const head = Buffer.alloc(4);
    head.writeUInt16LE(id, 0);
    head.writeUInt16LE(value.length, 2);
    parts.push(head, value);
  }
  parts.push(Buffer.alloc(4)); // MsvAvEOL
  return Buffer.concat(parts);
}

export function findAvPair(pairs: readonly AvPair[], id: number): Buffer | undefined {
  return pairs.find((pair) => pair.id === id)?.value;
}

/** Copy of `pairs` whose MsvAvFlags has the MIC bit set, adding the pair if it is absent. */
export function withMicFlag(pairs: readonly AvPair[]): readonly AvPair[] {
  const existing = findAvPair(pairs, AvId.Flags);
  const flags = Buffer.alloc(4);
  flags.writeUInt32LE(((existing?.readUInt32LE(0) ?? 0) | AV_FLAG_MIC_PRESENT) >>> 0);
  if (existing === undefined) return [...pairs, { id: AvId.Flags, value: flags }];
  return pairs.map((pair) => (pair.id === AvId.Flags ? { id: pair.id, value: flags } : pair));
}
