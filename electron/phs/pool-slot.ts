/**
 * One worker thread of the hash pool: the batch it runs, the self-test requests it owes an answer,
 * and the timer that stops it once it has been idle long enough.
 */
import type { Worker } from 'node:worker_threads';
import type { PrimitiveResult } from '../../shared/self-test-schemas.ts';
import type { PoolJob } from './pool-job.ts';

export interface ProbeSettle {
  readonly resolve: (results: PrimitiveResult[]) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

export class PoolSlot {
  readonly worker: Worker;
  job: PoolJob | null = null;
  /** Set once the worker is stopping or gone: its exit is then expected, not a crash. */
  dead = false;
  readonly #probes = new Map<number, ProbeSettle>();
  #idleTimer: NodeJS.Timeout | undefined;

  constructor(worker: Worker) {
    this.worker = worker;
  }

  /** No batch and no self-test in progress. */
  get idle(): boolean {
    return !this.dead && this.job === null && this.#probes.size === 0;
  }

  addProbe(id: number, settle: ProbeSettle): void {
    this.disarmIdle();
    this.#probes.set(id, settle);
  }

  /** Removes and returns the probe `id` (its timer cleared), if it is still waiting. */
  takeProbe(id: number): ProbeSettle | undefined {
    const probe = this.#probes.get(id);
    if (!probe) return undefined;
    this.#probes.delete(id);
    clearTimeout(probe.timer);
    return probe;
  }

  failProbes(error: Error): void {
    for (const id of [...this.#probes.keys()]) this.takeProbe(id)?.reject(error);
  }

  /** Starts the idle countdown unless it already runs. */
  armIdle(ms: number, onIdle: () => void): void {
    if (this.#idleTimer !== undefined) return;
    this.#idleTimer = setTimeout(onIdle, ms);
    this.#idleTimer.unref();
  }

  disarmIdle(): void {
    clearTimeout(this.#idleTimer);
    this.#idleTimer = undefined;
  }

  /** Marks the slot dead (its exit is expected), stops its timers and terminates the thread. */
  stop(): Promise<number> {
    this.dead = true;
    this.disarmIdle();
    return this.worker.terminate();
  }
}
