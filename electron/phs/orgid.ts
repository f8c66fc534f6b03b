/**
 * The PHS transform ("OrgId hash"), exactly as in shared/design/phs-algorithm.md:
 *   input = UTF-16LE(UPPERCASE hex(NT hash)); key = PBKDF2-HMAC-SHA256(input, salt, iterations, 32)
 *   wire  = "v1;PPH1_MD4," + hex(salt) + "," + iterations + "," + hex(key) + ";"
 * Sources: Microsoft's PHS documentation; DSInternals OrgIdHash; AADInternals.
 */
import { pbkdf2Sync, randomBytes } from 'node:crypto';

export const PHS_ITERATIONS = 1000;
export const SALT_LENGTH = 10;
export const KEY_LENGTH = 32;
export const NT_HASH_LENGTH = 16;
export const WIRE_PREFIX = 'v1;PPH1_MD4,';

/** UTF-16LE of the NT hash as UPPERCASE hex: lowercase gives a key the cloud never accepts. */
export function orgIdInput(ntHash: Uint8Array): Buffer {
  return Buffer.from(Buffer.from(ntHash).toString('hex').toUpperCase(), 'utf16le');
}

export function newSalt(): Buffer {
  return randomBytes(SALT_LENGTH);
}

export function deriveKey(ntHash: Uint8Array, salt: Uint8Array, iterations: number): Buffer {
  const input = orgIdInput(ntHash);
  try {
    return pbkdf2Sync(input, salt, iterations, KEY_LENGTH, 'sha256');
  } finally {
    input.fill(0);
  }
}

export function formatWire(salt: Uint8Array, iterations: number, key: Uint8Array): string {
  return `${WIRE_PREFIX}${Buffer.from(salt).toString('hex')},${iterations},${Buffer.from(key).toString('hex')};`;
}

/** The wire string for one NT hash (synchronous: for workers, the CLI and tests). */
export function wireFromNtHash(ntHash: Uint8Array, salt: Uint8Array, iterations = PHS_ITERATIONS): string {
  const key = deriveKey(ntHash, salt, iterations);
  const wire = formatWire(salt, iterations, key);
  key.fill(0);
  return wire;
}
