/**
 * Delivers credentials through the sink in batches. Items that come back throttled or
 * unavailable (or a whole request that failed that way) are sent again after Retry-After or a
 * jittered backoff, a bounded number of times; then the batch fails as a whole with a transient
 * error, so its page is not committed and the next cycle starts again from the last cursor.
 * A request refused for good (no rights, sync off in the tenant) is thrown as is.
 * Every other outcome is final for this cycle and returned, one per item, in order.
 */
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { backoffDelay, type Backoff } from './clock.ts';
import { EventId } from './event-ids.ts';
import type { Clock, CredentialItem, CredentialResult, CredentialSink } from './ports.ts';
import { isThrottle, isTransient, retryAfterOf } from './transient.ts';

const RETRYABLE: ReadonlySet<string> = new Set(['throttled', 'unavailable']);

export interface DeliveryHooks {
  /** A wave of throttled/unavailable items is about to be sent again (for the event log). */
  onRetry(
    id: typeof EventId.Throttled | typeof EventId.TenantUnavailable,
    count: number,
    delayMs: number,
  ): void;
  /** The tenant refused a request for good. */
  onRejected(error: unknown): void;
}

export interface DeliveryOptions {
  readonly sink: CredentialSink;
  readonly batchSize: number;
  readonly policy: Backoff & { readonly maxAttempts: number };
  readonly clock: Clock;
  readonly hooks: DeliveryHooks;
}

function asResults(items: readonly CredentialItem[], error: unknown): CredentialResult[] {
  const outcome = isThrottle(error) ? 'throttled' : 'unavailable';
  const retryAfterMs = retryAfterOf(error);
  return items.map((item) => ({
    sourceAnchor: item.sourceAnchor,
    outcome,
    code: -1,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  }));
}

async function send(
  options: DeliveryOptions,
  items: readonly CredentialItem[],
  signal: AbortSignal,
): Promise<readonly CredentialResult[]> {
  try {
    const results = await options.sink.deliver(items, signal);
    // A short or mismatched reply cannot mislabel an item: anything unmatched is sent again.
    return items.map((item, i) => {
      const r = results[i];
      return r !== undefined && r.sourceAnchor === item.sourceAnchor
        ? r
        : { sourceAnchor: item.sourceAnchor, outcome: 'unavailable', code: -1 };
    });
  } catch (error) {
    if (signal.aborted || !isTransient(error)) {
      if (!signal.aborted) options.hooks.onRejected(error);
      throw error;
    }
    return asResults(items, error);
  }
}

async function deliverBatch(
  options: DeliveryOptions,
  items: readonly CredentialItem[],
  signal: AbortSignal,
): Promise<CredentialResult[]> {
  const final: CredentialResult[] = new Array<CredentialResult>(items.length);
  let pending = items.map((_, i) => i);
  for (let attempt = 0; ; attempt++) {
    const results = await send(
      options,
      pending.map((i) => items[i]!),
      signal,
    );
    const again: number[] = [];
    let wait = 0;
    let throttled = false;
    pending.forEach((index, k) => {
      const r = results[k]!;
      final[index] = r;
      if (!RETRYABLE.has(r.outcome)) return;
      again.push(index);
      throttled ||= r.outcome === 'throttled';
      wait = Math.max(wait, r.retryAfterMs ?? 0);
    });
    if (again.length === 0) return final;
    if (attempt + 1 >= options.policy.maxAttempts) {
      const code = throttled ? ErrorCode.TenantThrottled : ErrorCode.TenantUnavailable;
      throw new AppError(
        code,
        `${again.length} credentials were still ${throttled ? 'throttled' : 'refused as unavailable'} after ${attempt + 1} attempts.`,
        "The engine tries again on its next cycle; if it keeps happening, check the tenant's service health and throttling limits.",
      );
    }
    const delay = Math.max(wait, backoffDelay(attempt, options.policy, options.clock.random));
    options.hooks.onRetry(throttled ? EventId.Throttled : EventId.TenantUnavailable, again.length, delay);
    await options.clock.sleep(delay, signal);
    pending = again;
  }
}

/** Delivers every item; resolves with one final result per item, in item order. */
export async function deliverAll(
  options: DeliveryOptions,
  items: readonly CredentialItem[],
  signal: AbortSignal,
): Promise<CredentialResult[]> {
  const size = Math.max(1, Math.min(options.batchSize, options.sink.maxBatchSize));
  const out: CredentialResult[] = [];
  for (let start = 0; start < items.length; start += size) {
    out.push(...(await deliverBatch(options, items.slice(start, start + size), signal)));
  }
  return out;
}

export const DELIVERED: ReadonlySet<string> = new Set(['success', 'staleIgnored']);
