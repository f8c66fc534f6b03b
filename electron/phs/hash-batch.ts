/** The work of one batch, shared by the worker thread and in-thread callers. */
import { NT_HASH_LENGTH, SALT_LENGTH, wireFromNtHash } from './orgid.ts';
import type { HashRequest } from './worker-protocol.ts';

export function hashBatch(request: HashRequest): string[] {
  const { ntHashes, salts, iterations } = request;
  const count = ntHashes.length / NT_HASH_LENGTH;
  if (!Number.isInteger(count) || salts.length !== count * SALT_LENGTH) {
    throw new Error(`batch ${request.batchId}: ${ntHashes.length} NT hash bytes do not match ${salts.length} salt bytes`);
  }
  const wires: string[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const nt = ntHashes.subarray(i * NT_HASH_LENGTH, (i + 1) * NT_HASH_LENGTH);
      const salt = salts.subarray(i * SALT_LENGTH, (i + 1) * SALT_LENGTH);
      wires.push(wireFromNtHash(nt, salt, iterations));
    }
  } finally {
    ntHashes.fill(0);
  }
  return wires;
}
