/**
 * MD4 (RFC 1320), pure TypeScript. Node's OpenSSL 3 only offers MD4 through the legacy
 * provider, which Node 20+ and Electron do not load, so the NT hash needs its own.
 * Verified against the RFC 1320 test suite (test/unit/phs/md4.test.ts).
 */

const S1 = [3, 7, 11, 19] as const;
const S2 = [3, 5, 9, 13] as const;
const S3 = [3, 9, 11, 15] as const;
const ORDER3 = [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15] as const;

function rotl(x: number, n: number): number {
  return (x << n) | (x >>> (32 - n));
}

function processBlock(state: Uint32Array, x: Uint32Array): void {
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  for (let i = 0; i < 16; i++) {
    const f = (b & c) | (~b & d);
    const t = rotl((a + f + x[i]!) | 0, S1[i % 4]!);
    a = d; d = c; c = b; b = t;
  }
  for (let i = 0; i < 16; i++) {
    const k = (i % 4) * 4 + Math.floor(i / 4);
    const g = (b & c) | (b & d) | (c & d);
    const t = rotl((a + g + x[k]! + 0x5a827999) | 0, S2[i % 4]!);
    a = d; d = c; c = b; b = t;
  }
  for (let i = 0; i < 16; i++) {
    const h = b ^ c ^ d;
    const t = rotl((a + h + x[ORDER3[i]!]! + 0x6ed9eba1) | 0, S3[i % 4]!);
    a = d; d = c; c = b; b = t;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
}

/** MD4 digest of `data` (16 bytes). */
export function md4(data: Uint8Array): Buffer {
  const bitLength = data.length * 8;
  const padded = Buffer.alloc((((data.length + 8) >> 6) + 1) * 64);
  padded.set(data);
  padded[data.length] = 0x80;
  // Lengths up to 2^53 bits: low and high 32-bit words, little-endian.
  padded.writeUInt32LE(bitLength >>> 0, padded.length - 8);
  padded.writeUInt32LE(Math.floor(bitLength / 0x100000000) >>> 0, padded.length - 4);
  const state = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);
  const x = new Uint32Array(16);
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) x[i] = padded.readUInt32LE(off + i * 4);
    processBlock(state, x);
  }
  x.fill(0);
  padded.fill(0);
  const out = Buffer.alloc(16);
  for (let i = 0; i < 4; i++) out.writeUInt32LE(state[i]! >>> 0, i * 4);
  return out;
}

/** The NT hash (what AD stores as unicodePwd): MD4 over the UTF-16LE password. */
export function ntHash(password: string): Buffer {
  const utf16 = Buffer.from(password, 'utf16le');
  const digest = md4(utf16);
  utf16.fill(0);
  return digest;
}
