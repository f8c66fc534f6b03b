/**
 * CRC-32 (ISO-HDLC, the zlib polynomial) for the replicated-secret checksum (drsr-notes §5.1).
 * zlib.crc32 exists in every runtime we target (Node ≥ 22.12 and Electron 45's Node 22),
 * so no table fallback is carried.
 */
import { crc32 as zlibCrc32 } from 'node:zlib';

/** Unsigned 32-bit CRC of `data`. */
export function crc32(data: Uint8Array): number {
  return zlibCrc32(data) >>> 0;
}
