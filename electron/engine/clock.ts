/** The real clock, and the jittered exponential backoff every retry in the engine uses. */
import { setTimeout as sleep } from 'node:timers/promises';
import { CancelledError } from '../../shared/errors.ts';
import type { Clock } from './ports.ts';

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: async (ms, signal) => {
    if (signal?.aborted) throw new CancelledError();
    try {
      await sleep(ms, undefined, signal === undefined ? {} : { signal });
    } catch {
      throw new CancelledError();
    }
  },
  random: () => Math.random(),
};

export interface Backoff {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/**
 * "Equal jitter": half of min(max, base·2^attempt) plus a random share of the other half, so
 * waits grow but many clients do not return in lockstep. `attempt` counts from 0.
 */
export function backoffDelay(attempt: number, backoff: Backoff, random: () => number): number {
  const ceiling = Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
