/**
 * What the pool takes in: the NT hashes (and optional salts) of a batch, packed into two buffers
 * for the worker — the caller's NT hash buffers are zeroed as soon as they are copied.
 */
import { randomBytes } from 'node:crypto';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { NT_HASH_LENGTH, SALT_LENGTH } from './orgid.ts';

export interface HashItem {
  readonly ntHash: Uint8Array;
  /** 10 bytes; a fresh random salt is drawn when absent (the normal case). */
  readonly salt?: Uint8Array;
}

export function poolClosed(): AppError {
  return new AppError(
    ErrorCode.PoolClosed,
    'The hash pool is shut down.',
    'This happens while the app or engine stops; start it again.',
  );
}

export function packItems(items: readonly HashItem[]): { ntHashes: Buffer; salts: Buffer } {
  const ntHashes = Buffer.alloc(items.length * NT_HASH_LENGTH);
  const salts = Buffer.alloc(items.length * SALT_LENGTH);
  items.forEach((item, i) => {
    if (item.ntHash.length !== NT_HASH_LENGTH) {
      ntHashes.fill(0);
      throw new AppError(
        ErrorCode.InvalidArgument,
        `Item ${i}: an NT hash must be ${NT_HASH_LENGTH} bytes, got ${item.ntHash.length}.`,
        'Pass the 16-byte NT hash read from the directory.',
      );
    }
    const salt = item.salt ?? randomBytes(SALT_LENGTH);
    if (salt.length !== SALT_LENGTH) {
      ntHashes.fill(0);
      throw new AppError(
        ErrorCode.InvalidArgument,
        `Item ${i}: a salt must be ${SALT_LENGTH} bytes, got ${salt.length}.`,
        'Omit the salt to get a fresh random one.',
      );
    }
    ntHashes.set(item.ntHash, i * NT_HASH_LENGTH);
    salts.set(salt, i * SALT_LENGTH);
  });
  for (const item of items) item.ntHash.fill(0);
  return { ntHashes, salts };
}
