/**
 * Single DES on one 8-byte block, for the RID-keyed hash layer (MS-SAMR 2.2.11.1).
 * Node's OpenSSL 3 refuses 'des-ecb', but 3DES-EDE with K‖K‖K collapses to E(K)·D(K)·E(K)
 * = E(K), i.e. single DES, and is available (drsr-notes §5.3).
 * The cipher is named 'des-ede3' (three-key 3DES in ECB mode): the one name that both OpenSSL 3
 * and Electron's BoringSSL know. OpenSSL's alias 'des-ede3-ecb' does not exist in BoringSSL, so
 * with it every credential read fails in the app while the CLI (OpenSSL) passes.
 * The key goes to OpenSSL as a KeyObject: Node sets a cipher up from one about 3x faster than
 * from a raw key buffer, and two blocks a user is the main client-side cost of a full sync.
 */
import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject } from 'node:crypto';

const BLOCK = 8;

function tripled(key8: Uint8Array): KeyObject {
  if (key8.length !== BLOCK) throw new RangeError('DES key must be 8 bytes');
  const bytes = Buffer.concat([key8, key8, key8]);
  const key = createSecretKey(bytes);
  bytes.fill(0);
  return key;
}

/** Without padding, OpenSSL hands the block back from update(); final() only if it held it. */
function oneBlock(updated: Buffer, final: () => Buffer): Buffer {
  return updated.length === BLOCK ? updated : Buffer.concat([updated, final()]);
}

function checkBlock(block: Uint8Array): void {
  if (block.length !== BLOCK) throw new RangeError('DES block must be 8 bytes');
}

export function desEncryptBlock(key8: Uint8Array, block: Uint8Array): Buffer {
  checkBlock(block);
  const cipher = createCipheriv('des-ede3', tripled(key8), null).setAutoPadding(false);
  return oneBlock(cipher.update(block), () => cipher.final());
}

export function desDecryptBlock(key8: Uint8Array, block: Uint8Array): Buffer {
  checkBlock(block);
  const decipher = createDecipheriv('des-ede3', tripled(key8), null).setAutoPadding(false);
  return oneBlock(decipher.update(block), () => decipher.final());
}

/** Sets the low bit of each byte so that the byte has an odd number of 1 bits. */
function withOddParity(byte: number): number {
  let ones = 0;
  for (let b = byte >> 1; b !== 0; b >>= 1) ones += b & 1;
  return (byte & 0xfe) | (ones % 2 === 0 ? 1 : 0);
}

/**
 * 56-bit → 64-bit DES key (MS-SAMR 2.2.11.1.2): eight 7-bit groups, most significant first,
 * each shifted into the top of a byte; the freed low bit carries odd parity. DES ignores
 * parity, so this only matters for matching the spec's and our own known-answer values.
 */
export function expandDesKey(key7: Uint8Array): Buffer {
  if (key7.length !== 7) throw new RangeError('DES key material must be 7 bytes');
  let bits = 0n;
  for (const byte of key7) bits = (bits << 8n) | BigInt(byte);
  const out = Buffer.alloc(BLOCK);
  for (let n = 0; n < BLOCK; n++) {
    const group = Number((bits >> BigInt(49 - 7 * n)) & 0x7fn);
    out[n] = withOddParity(group << 1);
  }
  return out;
}
