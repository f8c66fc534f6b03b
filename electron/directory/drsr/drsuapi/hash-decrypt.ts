/**
 * unicodePwd → NT hash for the replication hot path. Same layers and checks as
 * secrets/nt-hash.ts decryptNtHash (which the tests hold it equal to): the outer MD5+RC4+CRC32
 * layer from secrets/, the RID keys from secrets/, then the two DES blocks. The only difference
 * is that the DES keys go to OpenSSL as KeyObjects, which Node sets up about 2.5x faster than
 * raw key buffers: per user that is the dominant client-side cost of a full sync.
 */
import { createDecipheriv, createSecretKey } from 'node:crypto';
import { decryptReplicatedSecret } from '../secrets/replicated-secret.ts';
import { secretMalformed } from '../secrets/errors.ts';
import { HASH_LENGTH, ridKeys } from '../secrets/rid-layer.ts';

const HALF = 8;

function desDecrypt(key8: Buffer, block: Uint8Array): Buffer {
  const tripled = Buffer.concat([key8, key8, key8]);
  const key = createSecretKey(tripled);
  tripled.fill(0);
  // 3DES-EDE with K1 = K2 = K3 is single DES (drsr-notes §5.3); one block, no padding.
  return createDecipheriv('des-ede3-ecb', key, null).setAutoPadding(false).update(block);
}

/** The 16-byte NT hash of a replicated unicodePwd value, or null for an empty one. */
export function decryptUnicodePwd(sessionKey: Uint8Array, rid: number, value: Uint8Array): Buffer | null {
  const plaintext = decryptReplicatedSecret(sessionKey, value);
  try {
    if (plaintext.length === 0) return null;
    if (plaintext.length !== HASH_LENGTH)
      throw secretMalformed(`unicodePwd holds ${plaintext.length} bytes, not 16`);
    const [k1, k2] = ridKeys(rid);
    try {
      return Buffer.concat([
        desDecrypt(k1, plaintext.subarray(0, HALF)),
        desDecrypt(k2, plaintext.subarray(HALF)),
      ]);
    } finally {
      k1.fill(0);
      k2.fill(0);
    }
  } finally {
    plaintext.fill(0);
  }
}
