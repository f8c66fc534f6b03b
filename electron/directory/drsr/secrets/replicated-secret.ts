/**
 * Outer layer of every replicated secret attribute value (MS-DRSR 4.1.10.6.17, drsr-notes §5.1):
 * Salt(16) ‖ RC4(MD5(SessionKey ‖ Salt), CRC32(plaintext) ‖ plaintext).
 * The RC4 here is a fresh one-shot stream, unrelated to the NTLM sealing streams.
 */
import { crc32 } from '../crypto/crc32.ts';
import { md5 } from '../crypto/hmac.ts';
import { rc4 } from '../crypto/rc4.ts';
import { secretChecksum, secretMalformed } from './errors.ts';

const SALT_LENGTH = 16;
const CHECKSUM_LENGTH = 4;
export const MIN_SECRET_LENGTH = SALT_LENGTH + CHECKSUM_LENGTH;

/** Returns the plaintext after the CRC; throws SecretMalformed or SecretChecksum. */
export function decryptReplicatedSecret(sessionKey: Uint8Array, value: Uint8Array): Buffer {
  if (sessionKey.length === 0) throw secretMalformed('empty session key');
  if (value.length < MIN_SECRET_LENGTH)
    throw secretMalformed(`value is shorter than ${MIN_SECRET_LENGTH} bytes`);
  const key = md5(sessionKey, value.subarray(0, SALT_LENGTH));
  const decrypted = rc4(key, value.subarray(SALT_LENGTH));
  key.fill(0);
  const plaintext = Buffer.from(decrypted.subarray(CHECKSUM_LENGTH));
  const matches = decrypted.readUInt32LE(0) === crc32(plaintext);
  decrypted.fill(0);
  if (!matches) {
    plaintext.fill(0);
    throw secretChecksum();
  }
  return plaintext;
}

/** The inverse, for tests and fixtures: a DC does this before replicating a secret. */
export function encryptReplicatedSecret(
  sessionKey: Uint8Array,
  salt: Uint8Array,
  plaintext: Uint8Array,
): Buffer {
  if (salt.length !== SALT_LENGTH) throw new RangeError('salt must be 16 bytes');
  const checksum = Buffer.alloc(CHECKSUM_LENGTH);
  checksum.writeUInt32LE(crc32(plaintext));
  const key = md5(sessionKey, salt);
  const encrypted = rc4(key, Buffer.concat([checksum, plaintext]));
  key.fill(0);
  return Buffer.concat([salt, encrypted]);
}
