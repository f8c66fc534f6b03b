/**
 * The delta loop: a cycle, then a wait of `pollMs` (or a growing, jittered backoff after a
 * failed cycle), then the next — a timer that waits for the previous cycle, so cycles never
 * overlap. wake() cuts the wait short. A heartbeat fires when nothing happened for a while.
 */
import { backoffDelay, type Backoff } from './clock.ts';
import type { Clock } from './ports.ts';
import type { CycleRunner } from './runner.ts';

export interface SchedulerOptions {
  readonly runner: CycleRunner;
  readonly clock: Clock;
  readonly pollMs: number;
  readonly backoff: Backoff;
  readonly heartbeatMs: number;
  readonly isEnabled: () => boolean;
  readonly onHeartbeat: () => void;
  /** After each cycle: consecutive failures so far, and when the next cycle is due. */
  readonly onWaiting: (failures: number, nextAt: number) => void;
}

export class Scheduler {
  readonly #o: SchedulerOptions;
  #wake: AbortController | null = null;
  #woken = false;

  constructor(options: SchedulerOptions) {
    this.#o = options;
  }

  wake(): void {
    this.#woken = true;
    this.#wake?.abort();
  }

  async run(signal: AbortSignal): Promise<void> {
    const { clock } = this.#o;
    let failures = 0;
    let lastActivity = clock.now();
    while (!signal.aborted) {
      if (this.#o.isEnabled()) {
        const run = await this.#o.runner.request('delta').catch(() => null);
        if (run?.outcome === 'failed') failures++;
        else if (run) failures = 0;
        if (run && (run.counts.seen > 0 || run.outcome === 'failed')) lastActivity = clock.now();
      } else {
        failures = 0;
      }
      if (signal.aborted) break;
      if (clock.now() - lastActivity >= this.#o.heartbeatMs) {
        this.#o.onHeartbeat();
        lastActivity = clock.now();
      }
      const delay = failures > 0 ? backoffDelay(failures - 1, this.#o.backoff, clock.random) : this.#o.pollMs;
      this.#o.onWaiting(failures, clock.now() + delay);
      await this.#sleep(
        Math.min(delay, Math.max(1, lastActivity + this.#o.heartbeatMs - clock.now())),
        signal,
      );
    }
  }

  async #sleep(ms: number, signal: AbortSignal): Promise<void> {
    if (this.#woken) {
      this.#woken = false;
      return;
    }
    const wake = new AbortController();
    this.#wake = wake;
    try {
      await this.#o.clock.sleep(ms, AbortSignal.any([signal, wake.signal]));
    } catch {
      // Woken up or stopped: the loop decides which.
    } finally {
      this.#wake = null;
      this.#woken = false;
    }
  }
}
