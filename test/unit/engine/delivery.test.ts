import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import { deliverAll, type DeliveryOptions } from '../../../electron/engine/delivery.ts';
import type { Clock, CredentialItem, CredentialResult } from '../../../electron/engine/ports.ts';
import { FakeSink } from './fakes/sink.ts';

function items(n: number): CredentialItem[] {
  return Array.from({ length: n }, (_, i) => ({
    sourceAnchor: `a${i}`,
    credentialData: 'v1;PPH1_MD4,00,1,00;',
    forceChangePasswordOnLogon: false,
    changeDate: '2024-01-01T00:00:00.000Z',
  }));
}

function setup(sink: FakeSink, maxAttempts = 4) {
  const sleeps: number[] = [];
  const hooks: { retries: [number, number][]; rejected: unknown[] } = { retries: [], rejected: [] };
  const clock: Clock = { now: () => 0, random: () => 0.5, sleep: async (ms) => void sleeps.push(ms) };
  const options: DeliveryOptions = {
    sink,
    batchSize: 10,
    policy: { baseDelayMs: 100, maxDelayMs: 1000, maxAttempts },
    clock,
    hooks: {
      onRetry: (id, count) => void hooks.retries.push([id, count]),
      onRejected: (e) => void hooks.rejected.push(e),
    },
  };
  return { options, sleeps, hooks };
}

const signal = new AbortController().signal;

describe('credential delivery', () => {
  it('splits into batches no larger than the sink takes and returns one result per item, in order', async () => {
    const sink = new FakeSink();
    sink.maxBatchSize = 4;
    const { options } = setup(sink);
    const results = await deliverAll(options, items(10), signal);
    expect(results.map((r) => r.sourceAnchor)).toEqual(items(10).map((i) => i.sourceAnchor));
    expect(sink.calls).toBe(3);
  });

  it('sends again only the throttled items, after Retry-After (plus jitter) when it is longer than the backoff', async () => {
    const sink = new FakeSink();
    sink.script = (batch, call) =>
      call === 1
        ? batch.map((i, k): CredentialResult =>
            k % 2 === 0
              ? { sourceAnchor: i.sourceAnchor, outcome: 'throttled', code: 429, retryAfterMs: 700 }
              : { sourceAnchor: i.sourceAnchor, outcome: 'success', code: 0 },
          )
        : undefined;
    const { options, sleeps, hooks } = setup(sink);
    const results = await deliverAll(options, items(6), signal);
    expect(results.every((r) => r.outcome === 'success')).toBe(true);
    expect(sink.acknowledged.map((i) => i.sourceAnchor)).toEqual(['a1', 'a3', 'a5', 'a0', 'a2', 'a4']);
    expect(sleeps).toEqual([700]);
    expect(hooks.retries).toEqual([[401, 3]]);
  });

  it('uses a growing, jittered backoff and gives up with a transient error after maxAttempts', async () => {
    const sink = new FakeSink();
    sink.script = (batch) =>
      batch.map((i) => ({ sourceAnchor: i.sourceAnchor, outcome: 'unavailable', code: 503 }));
    const { options, sleeps } = setup(sink, 4);
    await expect(deliverAll(options, items(2), signal)).rejects.toMatchObject({
      code: ErrorCode.TenantUnavailable,
    });
    expect(sink.calls).toBe(4);
    expect(sleeps).toEqual([75, 150, 300]);
  });

  it('treats a short or mismatched reply as "send again", never mislabelling an item', async () => {
    const sink = new FakeSink();
    sink.script = (batch, call) =>
      call === 1 ? [{ sourceAnchor: batch[1]!.sourceAnchor, outcome: 'unknownUser', code: 4 }] : undefined;
    const { options } = setup(sink);
    const results = await deliverAll(options, items(2), signal);
    expect(results.map((r) => r.outcome)).toEqual(['success', 'success']);
  });

  it('throws a request refused for good at once, and reports it', async () => {
    const sink = new FakeSink();
    const refusal = new AppError(ErrorCode.TenantNotSignedIn, 'not signed in', 'sign in');
    sink.script = () => refusal;
    const { options, hooks } = setup(sink);
    await expect(deliverAll(options, items(2), signal)).rejects.toBe(refusal);
    expect(sink.calls).toBe(1);
    expect(hooks.rejected).toEqual([refusal]);
  });

  it('keeps per-item failures (unknown user) as final results', async () => {
    const sink = new FakeSink();
    sink.poison.add('a1');
    const { options } = setup(sink);
    const results = await deliverAll(options, items(3), signal);
    expect(results.map((r) => r.outcome)).toEqual(['success', 'unknownUser', 'success']);
    expect(sink.calls).toBe(1);
  });
});
