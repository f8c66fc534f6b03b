/**
 * The RID-keyed DES layer over dBCSPwd, unicodePwd, ntPwdHistory and lmPwdHistory
 * (MS-SAMR 2.2.11.1, drsr-notes §5.2): each 16-byte hash is two DES blocks keyed from the RID.
 */
import { desDecryptBlock, desEncryptBlock, expandDesKey } from '../crypto/des.ts';
import { secretMalformed } from './errors.ts';

export const HASH_LENGTH = 16;
const HALF = 8;

/** K1 = I0 I1 I2 I3 I0 I1 I2 and K2 = I3 I0 I1 I2 I3 I0 I1, with I the RID's LE bytes. */
export function ridKeys(rid: number): readonly [Buffer, Buffer] {
  if (!Number.isInteger(rid) || rid < 1 || rid > 0xffffffff) throw secretMalformed('RID out of range');
  const i = Buffer.alloc(4);
  i.writeUInt32LE(rid);
  const [i0, i1, i2, i3] = [i[0]!, i[1]!, i[2]!, i[3]!];
  return [
    expandDesKey(Buffer.from([i0, i1, i2, i3, i0, i1, i2])),
    expandDesKey(Buffer.from([i3, i0, i1, i2, i3, i0, i1])),
  ];
}

type BlockCipher = (key: Uint8Array, block: Uint8Array) => Buffer;

/** Applies `cipher` to each 16-byte hash: first half with K1, second half with K2. */
function eachHash(rid: number, data: Uint8Array, cipher: BlockCipher): readonly Buffer[] {
  if (data.length % HASH_LENGTH !== 0) throw secretMalformed('hash data is not a multiple of 16 bytes');
  const [k1, k2] = ridKeys(rid);
  const hashes: Buffer[] = [];
  for (let at = 0; at < data.length; at += HASH_LENGTH) {
    hashes.push(
      Buffer.concat([
        cipher(k1, data.subarray(at, at + HALF)),
        cipher(k2, data.subarray(at + HALF, at + HASH_LENGTH)),
      ]),
    );
  }
  k1.fill(0);
  k2.fill(0);
  return hashes;
}

/** Obfuscated 16·n bytes → n hashes, in the attribute's order (history: newest first). */
export function removeRidLayer(rid: number, obfuscated: Uint8Array): readonly Buffer[] {
  return eachHash(rid, obfuscated, desDecryptBlock);
}

/** The inverse, for tests and fixtures. */
export function applyRidLayer(rid: number, hashes: Uint8Array): Buffer {
  return Buffer.concat(eachHash(rid, hashes, desEncryptBlock));
}
