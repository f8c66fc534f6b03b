/**
 * Delivers credential items through a CredentialSink in batches, and sends again only the items
 * that came back retryable (throttled, unavailable) — or the whole batch when the request itself
 * was throttled or failed in transit — after Retry-After or a jittered backoff, within the retry
 * policy's bounds. Resending is safe: the service keeps the latest change per user.
 * Every item ends with a result; none is dropped. Non-retryable request failures (no rights,
 * sync switched off) are thrown: the caller resends everything next cycle.
 */
import { silentLogger, type Logger } from '../../shared/logger.ts';
import {
  DELIVERED_OUTCOMES,
  RETRYABLE_OUTCOMES,
  type CredentialItem,
  type CredentialResult,
  type CredentialSink,
} from '../engine/ports.ts';
import { DEFAULT_RETRY, isRetryable, nextDelay, RetryableError, type RetryPolicy } from './retry.ts';
import { systemClock } from '../engine/clock.ts';
import type { Clock } from '../engine/ports.ts';
import { ErrorCode } from '../../shared/errors.ts';

export interface DeliveryOptions {
  readonly batchSize?: number;
  readonly retry?: RetryPolicy;
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly signal?: AbortSignal;
}

export interface DeliveryReport {
  /** One result per input item, in input order. */
  readonly results: readonly CredentialResult[];
  readonly delivered: number;
  readonly failed: number;
  /** Requests sent (first sends and retries). */
  readonly requests: number;
}

function asResults(items: readonly CredentialItem[], error: unknown): CredentialResult[] {
  const outcome =
    error instanceof RetryableError && error.code === ErrorCode.TenantThrottled ? 'throttled' : 'unavailable';
  const retryAfterMs = error instanceof RetryableError ? error.retryAfterMs : undefined;
  return items.map((item) => ({
    sourceAnchor: item.sourceAnchor,
    outcome,
    code: -1,
    message: 'The request failed as a whole.',
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  }));
}

export async function deliverCredentials(
  sink: CredentialSink,
  items: readonly CredentialItem[],
  options: DeliveryOptions = {},
): Promise<DeliveryReport> {
  const batchSize = Math.max(1, Math.min(options.batchSize ?? 500, sink.maxBatchSize));
  const policy = options.retry ?? DEFAULT_RETRY;
  const clock = options.clock ?? systemClock;
  const log = (options.logger ?? silentLogger).child('tenant.delivery');
  const final: (CredentialResult | undefined)[] = new Array<CredentialResult | undefined>(items.length).fill(
    undefined,
  );
  let requests = 0;

  for (let start = 0; start < items.length; start += batchSize) {
    let pending = Array.from({ length: Math.min(batchSize, items.length - start) }, (_, k) => start + k);
    const startedAt = clock.now();
    for (let attempt = 0; pending.length > 0; attempt++) {
      const sent = pending.map((i) => items[i]!);
      requests++;
      let results: readonly CredentialResult[];
      try {
        results = await sink.deliver(sent, options.signal);
      } catch (error) {
        if (!isRetryable(error)) throw error;
        results = asResults(sent, error);
      }
      const again: number[] = [];
      let wait: number | undefined;
      pending.forEach((index, k) => {
        const r = results[k]!;
        final[index] = r;
        if (RETRYABLE_OUTCOMES.has(r.outcome)) {
          again.push(index);
          if (r.retryAfterMs !== undefined) wait = Math.max(wait ?? 0, r.retryAfterMs);
        }
      });
      if (again.length === 0) break;
      const delay = nextDelay(attempt, startedAt, wait, policy, clock);
      if (delay === undefined) {
        log.warn('credential items left undelivered after the retry budget', {
          count: again.length,
          attempts: attempt + 1,
        });
        break;
      }
      log.info('resending retryable credential items', {
        count: again.length,
        of: sent.length,
        delayMs: delay,
        attempt: attempt + 1,
      });
      await clock.sleep(delay, options.signal);
      pending = again;
    }
  }
  const results = final.map(
    (r, i) => r ?? { sourceAnchor: items[i]!.sourceAnchor, outcome: 'failed' as const, code: -1 },
  );
  const delivered = results.filter((r) => DELIVERED_OUTCOMES.has(r.outcome)).length;
  return { results, delivered, failed: results.length - delivered, requests };
}
