/**
 * Runs cycles one at a time. Requests made while a cycle runs wait for it; requests that
 * arrive while one is already waiting join it (a full request upgrades a waiting delta), so
 * cycles never overlap and a burst of "sync now" costs one cycle. A request may retry its cycle
 * after transient failures (lost directory connection, tenant storms) with jittered backoff.
 */
import { CancelledError } from '../../shared/errors.ts';
import type { RunRecord } from './records.ts';
import { backoffDelay, type Backoff } from './clock.ts';
import type { CycleResult } from './cycle.ts';
import type { Clock } from './ports.ts';
import { isTransient } from './transient.ts';

export type CycleKind = 'full' | 'delta';

interface Pending {
  kind: CycleKind;
  attempts: number;
  readonly promise: Promise<RunRecord>;
  readonly resolve: (run: RunRecord) => void;
  readonly reject: (error: unknown) => void;
}

export interface RunnerOptions {
  readonly run: (kind: CycleKind, signal: AbortSignal) => Promise<CycleResult>;
  readonly clock: Clock;
  readonly backoff: Backoff;
  /** Called when a cycle starts or ends. */
  readonly onBusy: (busy: boolean) => void;
}

export class CycleRunner {
  readonly #o: RunnerOptions;
  #waiting: Pending | null = null;
  #current: AbortController | null = null;
  #pump: Promise<void> | null = null;

  constructor(options: RunnerOptions) {
    this.#o = options;
  }

  get busy(): boolean {
    return this.#pump !== null;
  }

  request(kind: CycleKind, attempts = 1): Promise<RunRecord> {
    const waiting = this.#waiting;
    if (waiting) {
      if (kind === 'full') waiting.kind = 'full';
      waiting.attempts = Math.max(waiting.attempts, attempts);
      return waiting.promise;
    }
    let resolve!: (run: RunRecord) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<RunRecord>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.#waiting = { kind, attempts, promise, resolve, reject };
    this.#pump ??= this.#drain();
    return promise;
  }

  /** Cancels the cycle that is running (if any); waiting requests still run. */
  abortCurrent(): void {
    this.#current?.abort();
  }

  /** Cancels the running cycle and every waiting request (they reject with CancelledError). */
  cancelAll(): void {
    const waiting = this.#waiting;
    this.#waiting = null;
    waiting?.reject(new CancelledError('The engine stopped before this cycle ran.'));
    this.#current?.abort();
  }

  /** Resolves when no cycle runs and none waits. */
  async idle(): Promise<void> {
    while (this.#pump) await this.#pump;
  }

  async #drain(): Promise<void> {
    this.#o.onBusy(true);
    try {
      while (this.#waiting) {
        const next = this.#waiting;
        this.#waiting = null;
        const controller = new AbortController();
        this.#current = controller;
        try {
          next.resolve(await this.#withRetries(next, controller.signal));
        } catch (error) {
          next.reject(error);
        } finally {
          this.#current = null;
        }
      }
    } finally {
      this.#pump = null;
      this.#o.onBusy(false);
    }
  }

  async #withRetries(request: Pending, signal: AbortSignal): Promise<RunRecord> {
    for (let attempt = 0; ; attempt++) {
      const result = await this.#o.run(request.kind, signal);
      if (result.run.outcome !== 'failed' || !isTransient(result.error) || attempt + 1 >= request.attempts)
        return result.run;
      try {
        await this.#o.clock.sleep(backoffDelay(attempt, this.#o.backoff, this.#o.clock.random), signal);
      } catch {
        return result.run;
      }
    }
  }
}
