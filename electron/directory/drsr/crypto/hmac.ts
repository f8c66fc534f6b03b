/**
 * Thin helpers over Node's native MD5 and HMAC-MD5, taking the inputs as parts so callers can
 * hash a concatenation (e.g. SessionKey ‖ Salt) without building it first.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export function md5(...parts: readonly Uint8Array[]): Buffer {
  const hash = createHash('md5');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

export function hmacMd5(key: Uint8Array, ...parts: readonly Uint8Array[]): Buffer {
  const mac = createHmac('md5', key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

/** Constant-time comparison that is also safe for buffers of different lengths. */
export function equalConstantTime(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
