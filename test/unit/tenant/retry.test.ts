import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import { backoffMs, nextDelay, parseRetryAfter, RetryableError, withRetry, type RetryPolicy } from '../../../electron/tenant/retry.ts';
import { fakeClock } from './fake-clock.ts';

const POLICY: RetryPolicy = { maxAttempts: 5, maxTotalMs: 10_000, baseDelayMs: 100, maxDelayMs: 1000 };

const throttled = (retryAfterMs?: number) => new RetryableError(ErrorCode.TenantThrottled, 'throttled', 'wait', retryAfterMs);

describe('retry policy', () => {
  it('reads Retry-After as seconds or an HTTP date, capped at an hour', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('0.5')).toBe(500);
    expect(parseRetryAfter(new Date(61_000).toUTCString(), 1000)).toBe(60_000);
    expect(parseRetryAfter('999999')).toBe(3_600_000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('backs off exponentially with full jitter, up to the cap', () => {
    expect([0, 1, 2, 3, 4, 10].map((a) => backoffMs(a, POLICY, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoffMs(3, POLICY, () => 0)).toBe(0);
  });

  it('honours Retry-After (plus a little jitter) and stops at the attempt and time bounds', () => {
    const clock = fakeClock(0);
    expect(nextDelay(0, clock.now(), 2000, POLICY, clock)).toBe(2000);
    expect(nextDelay(4, clock.now(), undefined, POLICY, clock)).toBeUndefined();
    expect(nextDelay(0, clock.now(), 20_000, POLICY, clock)).toBeUndefined();
  });

  it('retries only retryable failures, and gives the last one up when the bound is hit', async () => {
    const clock = fakeClock();
    let calls = 0;
    await expect(withRetry(() => (calls++, Promise.reject(throttled(10))), POLICY, clock)).rejects.toMatchObject({ code: ErrorCode.TenantThrottled });
    expect(calls).toBe(5);
    expect(clock.slept).toHaveLength(4);
    calls = 0;
    await expect(withRetry(() => (calls++, Promise.reject(new AppError(ErrorCode.TenantNotAdmin, 'no', 'no'))), POLICY, clock)).rejects.toMatchObject({ code: ErrorCode.TenantNotAdmin });
    expect(calls).toBe(1);
    calls = 0;
    expect(await withRetry(async () => (++calls < 3 ? Promise.reject(new AppError(ErrorCode.TenantUnavailable, 'down', 'later')) : 'ok'), POLICY, clock)).toBe('ok');
  });
});
