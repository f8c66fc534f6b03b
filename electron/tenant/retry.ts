/**
 * Bounded retries for throttling (429) and unavailability (502/503/504, connection failures):
 * honour Retry-After when the service sends it, else exponential backoff with full jitter;
 * stop after `maxAttempts` or when the next wait would pass `maxTotalMs`.
 */
import { isTransientError } from '../../shared/error-kinds.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import { AppError } from '../../shared/errors.ts';
import type { Clock } from '../engine/ports.ts';

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly maxTotalMs: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 8,
  maxTotalMs: 5 * 60_000,
  baseDelayMs: 500,
  maxDelayMs: 60_000,
};

/** A failure worth retrying, with the wait the service asked for (if it said). */
export class RetryableError extends AppError {
  readonly retryAfterMs: number | undefined;
  constructor(
    code: typeof ErrorCode.TenantThrottled | typeof ErrorCode.TenantUnavailable,
    message: string,
    remediation: string,
    retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(code, message, remediation, options);
    this.name = 'RetryableError';
    this.retryAfterMs = retryAfterMs;
  }
}

/** Worth another attempt: what the one table of error kinds calls transient or throttled. */
export function isRetryable(error: unknown): boolean {
  return error instanceof RetryableError || isTransientError(error);
}

/** Retry-After as delta-seconds or an HTTP date → milliseconds (capped at one hour). */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const v = value.trim();
  const ms = /^\d+(\.\d+)?$/.test(v) ? Number(v) * 1000 : Date.parse(v) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(0, ms), 3_600_000) : undefined;
}

/** Full jitter: uniform in [0, min(maxDelay, base·2^attempt)]; attempt counts from 0. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  return Math.round(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));
}

/** The wait before the next attempt, or undefined when the policy's bounds say stop. */
export function nextDelay(
  attempt: number,
  startedAt: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
  clock: Clock,
): number | undefined {
  if (attempt + 1 >= policy.maxAttempts) return undefined;
  // A little jitter on top of Retry-After keeps many clients from returning in lockstep.
  const delay =
    retryAfterMs === undefined
      ? backoffMs(attempt, policy, clock.random)
      : retryAfterMs + Math.round(clock.random() * Math.min(1000, policy.baseDelayMs));
  return clock.now() - startedAt + delay > policy.maxTotalMs ? undefined : delay;
}

/** Runs `op` until it succeeds, fails with a non-retryable error, or the policy's bounds are hit. */
export async function withRetry<T>(
  op: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  clock: Clock,
  signal?: AbortSignal,
): Promise<T> {
  const startedAt = clock.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await op(attempt);
    } catch (error) {
      if (!isRetryable(error)) throw error;
      const delay = nextDelay(
        attempt,
        startedAt,
        error instanceof RetryableError ? error.retryAfterMs : undefined,
        policy,
        clock,
      );
      if (delay === undefined) throw error;
      await clock.sleep(delay, signal);
    }
  }
}
