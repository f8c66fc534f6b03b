/** Messages between the hash pool (main thread) and its workers. */

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
