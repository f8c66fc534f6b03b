import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import { deliverCredentials } from '../../../electron/tenant/credential-delivery.ts';
import type { CredentialItem, CredentialOutcome, CredentialResult, CredentialSink } from '../../../electron/engine/ports.ts';
import { RetryableError, type RetryPolicy } from '../../../electron/tenant/retry.ts';
import { fakeClock } from './fake-clock.ts';

const POLICY: RetryPolicy = { maxAttempts: 4, maxTotalMs: 60_000, baseDelayMs: 100, maxDelayMs: 1000 };
const item = (a: string): CredentialItem => ({ sourceAnchor: a, credentialData: 'v1;…', forceChangePasswordOnLogon: false, changeDate: '2026-01-01T00:00:00Z' });

/** A sink scripted per anchor: each call answers the next outcome in the anchor's list (the last one repeats). */
function scriptedSink(script: Record<string, CredentialOutcome[]>, failures: unknown[] = [], maxBatchSize = 100): CredentialSink & { calls: string[][] } {
  const calls: string[][] = [];
  const seen = new Map<string, number>();
  return {
    calls,
    maxBatchSize,
    deliver: (items) => {
      calls.push(items.map((i) => i.sourceAnchor));
      const failure = failures.shift();
      if (failure !== undefined) return Promise.reject(failure);
      return Promise.resolve(items.map((i): CredentialResult => {
        const n = seen.get(i.sourceAnchor) ?? 0;
        seen.set(i.sourceAnchor, n + 1);
        const list = script[i.sourceAnchor] ?? ['success'];
        const outcome = list[Math.min(n, list.length - 1)]!;
        return { sourceAnchor: i.sourceAnchor, outcome, code: outcome === 'success' ? 0 : 3, ...(outcome === 'throttled' ? { retryAfterMs: 700 } : {}) };
      }));
    },
  };
}

describe('credential delivery', () => {
  it('resends only the retryable items, waiting as long as the longest Retry-After', async () => {
    const sink = scriptedSink({ b: ['throttled', 'throttled', 'success'], c: ['unknownUser'], d: ['unavailable', 'success'], e: ['rejectedFormat'] });
    const clock = fakeClock(0);
    const report = await deliverCredentials(sink, ['a', 'b', 'c', 'd', 'e'].map(item), { retry: POLICY, clock });
    expect(sink.calls).toEqual([['a', 'b', 'c', 'd', 'e'], ['b', 'd'], ['b']]);
    expect(report.results.map((r) => r.outcome)).toEqual(['success', 'success', 'unknownUser', 'success', 'rejectedFormat']);
    expect(report).toMatchObject({ delivered: 3, failed: 2, requests: 3 });
    expect(clock.slept).toEqual([700, 700]);
  });

  it('resends the whole batch when the request itself was throttled or failed in transit', async () => {
    const failures = [new RetryableError(ErrorCode.TenantThrottled, 't', 'r', 2000), new AppError(ErrorCode.TenantUnavailable, 'down', 'later')];
    const sink = scriptedSink({}, failures);
    const clock = fakeClock(0);
    const report = await deliverCredentials(sink, ['a', 'b'].map(item), { retry: POLICY, clock });
    expect(sink.calls).toEqual([['a', 'b'], ['a', 'b'], ['a', 'b']]);
    expect(report.delivered).toBe(2);
    expect(clock.slept[0]).toBe(2000);
  });

  it('splits into batches, keeps input order, and reports items still throttled when the budget runs out', async () => {
    const sink = scriptedSink({ c: ['throttled'] }, [], 2);
    const report = await deliverCredentials(sink, ['a', 'b', 'c', 'd', 'e'].map(item), { batchSize: 10, retry: POLICY, clock: fakeClock() });
    expect(sink.calls.slice(0, 2)).toEqual([['a', 'b'], ['c', 'd']]);
    expect(sink.calls.filter((c) => c.length === 1 && c[0] === 'c')).toHaveLength(3);
    expect(report.results.map((r) => r.sourceAnchor)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(report.results[2]).toMatchObject({ outcome: 'throttled' });
    expect(report).toMatchObject({ delivered: 4, failed: 1 });
  });

  it('throws a non-retryable request failure at once', async () => {
    const sink = scriptedSink({}, [new AppError(ErrorCode.CredentialRejected, 'off', 'turn on')]);
    await expect(deliverCredentials(sink, [item('a')], { retry: POLICY, clock: fakeClock() })).rejects.toMatchObject({ code: ErrorCode.CredentialRejected });
    expect(sink.calls).toHaveLength(1);
  });
});
