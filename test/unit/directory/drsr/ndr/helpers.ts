/** Test helpers shared by the ndr/ and rpc/ tests: a seeded PRNG and AppError assertions. */
import { expect } from 'vitest';
import { AppError, type ErrorCode } from '../../../../../shared/errors.ts';

/** mulberry32: small, fast, deterministic; a failing fuzz case is reproducible from its seed. */
export function prng(seed: number): { next(): number; int(max: number): number; bytes(n: number): Buffer } {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number): number => Math.floor(next() * max);
  const bytes = (n: number): Buffer => Buffer.from(Array.from({ length: n }, () => int(256)));
  return { next, int, bytes };
}

export function hex(text: string): Buffer {
  return Buffer.from(text.replace(/\s+/g, ''), 'hex');
}

/** Runs `fn`; returns the AppError code it threw, or null. Anything else fails the test. */
export function codeOf(fn: () => unknown): ErrorCode | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return error.code;
  }
}

export function expectAppError(fn: () => unknown, code: ErrorCode): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    return error as AppError;
  }
  throw new Error(`expected AppError ${code}, nothing was thrown`);
}
