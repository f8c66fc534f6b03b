/**
 * REPLVALINF_V1 (drsuapi_DsReplicaLinkedAttribute), 72 bytes, 8-aligned (drsr-notes §3.6).
 * Our partial attribute set holds no link attributes, but a reply that carries linked values
 * must still be consumed exactly, or everything after it would be misread.
 */
import type { NdrReader } from '../ndr/reader.ts';
import { type DsName, readDsName } from './dsname.ts';

export interface LinkedValue {
  readonly object: DsName | null;
  readonly attrTyp: number;
  readonly value: Buffer | null;
  readonly isPresent: boolean;
  readonly usnOriginating: bigint;
}

export function readLinkedValue(r: NdrReader): () => LinkedValue {
  r.align(8);
  const object = r.pointer(readDsName);
  const attrTyp = r.u32();
  const length = r.u32();
  const value = r.pointer((r) => {
    const bytes = r.byteArray();
    if (bytes.length !== length) throw r.fail(`linked value valLen ${length} vs ${bytes.length} bytes`);
    return bytes;
  });
  const isPresent = (r.u32() & 1) !== 0;
  r.u64(); // timeCreated
  r.u32(); // dwVersion
  r.u64(); // timeChanged
  r.guid(); // uuidDsaOriginating
  const usnOriginating = r.u64();
  return () => ({ object: object.value, attrTyp, value: value.value, isPresent, usnOriginating });
}
