/**
 * NT hashes from replicated unicodePwd / ntPwdHistory values: outer RC4 layer, then RID layer.
 * An absent attribute means the account has no password; that is `null` (or an empty history),
 * never an error, so the caller decides what "no hash" means for the sync.
 */
import { decryptReplicatedSecret } from './replicated-secret.ts';
import { secretMalformed } from './errors.ts';
import { HASH_LENGTH, removeRidLayer } from './rid-layer.ts';

/** Replicated attribute value as handed over by the DRS layer; absent when not replicated. */
export type SecretValue = Uint8Array | null | undefined;

function hashesOf(sessionKey: Uint8Array, rid: number, value: Uint8Array): readonly Buffer[] {
  const plaintext = decryptReplicatedSecret(sessionKey, value);
  try {
    return removeRidLayer(rid, plaintext);
  } finally {
    plaintext.fill(0);
  }
}

/** unicodePwd → the 16-byte NT hash, or null when the account has none. */
export function decryptNtHash(sessionKey: Uint8Array, rid: number, value: SecretValue): Buffer | null {
  if (value === null || value === undefined) return null;
  const hashes = hashesOf(sessionKey, rid, value);
  if (hashes.length === 0) return null;
  if (hashes.length !== 1)
    throw secretMalformed(`unicodePwd holds ${hashes.length * HASH_LENGTH} bytes, not 16`);
  return hashes[0]!;
}

/** ntPwdHistory → the NT hashes, newest first (entry 0 repeats the current hash). */
export function decryptNtHistory(sessionKey: Uint8Array, rid: number, value: SecretValue): readonly Buffer[] {
  if (value === null || value === undefined) return [];
  return hashesOf(sessionKey, rid, value);
}
