/** Messages between the hash pool (main thread) and its workers. */
import type { PrimitiveResult } from '../../shared/self-test-schemas.ts';

export interface HashRequest {
  readonly type: 'hash';
  readonly batchId: number;
  readonly iterations: number;
  /** n NT hashes, 16 bytes each, back to back. A copy: the worker zeroes it after use. */
  readonly ntHashes: Uint8Array;
  /** n salts, 10 bytes each, back to back. */
  readonly salts: Uint8Array;
}

export type HashReply =
  | { readonly type: 'result'; readonly batchId: number; readonly wires: readonly string[] }
  | { readonly type: 'error'; readonly batchId: number; readonly message: string };

/** Asks a worker to run the crypto self-test's checks in its own thread (electron/self-test). */
export interface SelfTestRequest {
  readonly type: 'selfTest';
  readonly id: number;
}

export interface SelfTestReply {
  readonly type: 'selfTestResult';
  readonly id: number;
  readonly results: readonly PrimitiveResult[];
}

export function isHashRequest(value: unknown): value is HashRequest {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v['type'] === 'hash' &&
    typeof v['batchId'] === 'number' &&
    typeof v['iterations'] === 'number' &&
    v['ntHashes'] instanceof Uint8Array &&
    v['salts'] instanceof Uint8Array
  );
}

export function isHashReply(value: unknown): value is HashReply {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (v['type'] === 'result' || v['type'] === 'error') && typeof v['batchId'] === 'number';
}

export function isSelfTestRequest(value: unknown): value is SelfTestRequest {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v['type'] === 'selfTest' && typeof v['id'] === 'number';
}

/** The envelope only: the pool checks each result against the contract's schema. */
export function isSelfTestReply(
  value: unknown,
): value is { readonly type: 'selfTestResult'; readonly id: number; readonly results: unknown } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v['type'] === 'selfTestResult' && typeof v['id'] === 'number' && Array.isArray(v['results']);
}
