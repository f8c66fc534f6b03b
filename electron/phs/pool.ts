/**
 * A worker_threads pool that turns batches of NT hashes into PHS wire strings.
 * - at most `size` workers (the cores by default), one synchronous PBKDF2 loop each;
 * - lazy: a worker starts when there is work for it (a batch, a self-test) and stops after
 *   `idleMs` without any, so an idle app holds no worker thread;
 * - backpressure: `ready()` and `map()` bound the batches waiting for a worker;
 * - cancellation by AbortSignal, a timeout per batch;
 * - a worker that crashes is replaced and its batch re-run (it is kept until it settles).
 * Secrets: hash() takes ownership of the NT hashes — it copies them and zeroes the caller's
 * buffers at once; its own copy is zeroed when the batch settles, the worker's after use.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError, CancelledError, ErrorCode } from '../../shared/errors.ts';
import { primitiveResultSchema, type PrimitiveResult } from '../../shared/self-test-schemas.ts';
import { PHS_ITERATIONS } from './orgid.ts';
import { defaultWorkerFile } from './worker-file.ts';
import {
  isHashReply,
  isSelfTestReply,
  type HashReply,
  type HashRequest,
  type SelfTestRequest,
} from './worker-protocol.ts';
import { PoolJob, type JobSettle } from './pool-job.ts';
import { PoolSlot } from './pool-slot.ts';
import { packItems, poolClosed, type HashItem } from './pool-items.ts';

export type { HashItem } from './pool-items.ts';

export const DEFAULT_IDLE_MS = 60_000;

export interface HashPoolOptions {
  /** The most workers that run at once (default: the cores). */
  readonly size?: number;
  readonly iterations?: number;
  readonly batchTimeoutMs?: number;
  /** How many times a batch is tried when its worker crashes. */
  readonly maxAttempts?: number;
  /** Batches allowed to wait for a worker before ready() holds producers back. */
  readonly maxQueued?: number;
  /** How long a worker may sit without work before it is stopped (default 60 s). */
  readonly idleMs?: number;
  readonly workerFile?: URL | string;
  readonly workerData?: unknown;
  /** Called when a worker starts or stops (for the app's pool status). */
  readonly onWorkersChanged?: (stats: PoolStats) => void;
}

export interface PoolStats {
  /** Workers running now: 0 while idle, at most `size`. */
  readonly workers: number;
  readonly busy: number;
  readonly queued: number;
  readonly completedBatches: number;
  readonly crashes: number;
  /** Workers started since the pool was made (first use, after idling, crash replacements). */
  readonly started: number;
  /** Workers stopped because they sat idle for idleMs. */
  readonly idleStops: number;
}

type Settings = Required<Omit<HashPoolOptions, 'workerData' | 'size' | 'iterations' | 'onWorkersChanged'>> & {
  readonly workerData: unknown;
  readonly onWorkersChanged: ((stats: PoolStats) => void) | undefined;
};

export class HashPool {
  /** The most workers that run at once. */
  readonly size: number;
  readonly iterations: number;
  private readonly options: Settings;
  private readonly slots: PoolSlot[] = [];
  private readonly queue: PoolJob[] = [];
  private readonly readyWaiters: (() => void)[] = [];
  private nextBatchId = 1;
  private nextProbeId = 1;
  private completed = 0;
  private crashes = 0;
  private started = 0;
  private idleStops = 0;
  private closed = false;

  constructor(options: HashPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.iterations = options.iterations ?? PHS_ITERATIONS;
    this.options = {
      batchTimeoutMs: options.batchTimeoutMs ?? 120_000,
      maxAttempts: options.maxAttempts ?? 3,
      maxQueued: options.maxQueued ?? this.size * 2,
      idleMs: options.idleMs ?? DEFAULT_IDLE_MS,
      workerFile: options.workerFile ?? defaultWorkerFile(),
      workerData: options.workerData,
      onWorkersChanged: options.onWorkersChanged,
    };
  }

  /** Wire strings for `items`, in order. See the class comment for who owns the NT hashes. */
  hash(items: readonly HashItem[], opts: { signal?: AbortSignal } = {}): Promise<string[]> {
    if (this.closed) return Promise.reject(poolClosed());
    let packed: { ntHashes: Buffer; salts: Buffer };
    try {
      packed = packItems(items);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const { ntHashes, salts } = packed;
    return new Promise<string[]>((resolve, reject) => {
      const { signal } = opts;
      const onAbort = (): void => this.abort(job);
      // The listener goes when the batch settles: a long pass shares one signal, and a listener
      // left behind would keep every settled batch (its buffers, its wire strings) alive.
      const settle: JobSettle = {
        resolve: (wires) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(wires);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      const job = new PoolJob(this.nextBatchId++, items.length, ntHashes, salts, settle);
      if (signal?.aborted) return job.fail(new CancelledError());
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(job);
      this.dispatch();
    });
  }

  /**
   * The crypto self-test's checks, run inside a worker thread (starting one if none runs):
   * one result per primitive, as the worker reported it.
   */
  selfTest(): Promise<PrimitiveResult[]> {
    if (this.closed) return Promise.reject(poolClosed());
    const slot =
      this.slots.find((s) => s.idle) ?? (this.slots.length < this.size ? this.spawn() : this.slots[0]!);
    const id = this.nextProbeId++;
    return new Promise<PrimitiveResult[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        slot
          .takeProbe(id)
          ?.reject(
            new AppError(
              ErrorCode.Timeout,
              `The hash worker did not finish its self-test within ${this.options.batchTimeoutMs} ms.`,
              'The machine may be overloaded: reduce other load, then run the self-test again.',
            ),
          );
        this.dispatch();
      }, this.options.batchTimeoutMs);
      slot.addProbe(id, { resolve, reject, timer });
      const request: SelfTestRequest = { type: 'selfTest', id };
      slot.worker.postMessage(request);
    });
  }

  /** Resolves when fewer than maxQueued batches wait for a worker. */
  ready(): Promise<void> {
    if (this.queue.length < this.options.maxQueued || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Hashes batches pulled lazily from `source`, yielding results in source order. */
  async *map(
    source: AsyncIterable<readonly HashItem[]> | Iterable<readonly HashItem[]>,
    opts: { signal?: AbortSignal } = {},
  ): AsyncGenerator<string[]> {
    const inFlight: Promise<string[]>[] = [];
    const limit = this.size + this.options.maxQueued;
    for await (const batch of source) {
      inFlight.push(this.hash(batch, opts));
      // Keep rejections from surfacing as unhandled while they wait their turn.
      inFlight.at(-1)?.catch(() => undefined);
      while (inFlight.length >= limit) yield await inFlight.shift()!;
    }
    while (inFlight.length > 0) yield await inFlight.shift()!;
  }

  stats(): PoolStats {
    return {
      workers: this.slots.length,
      busy: this.slots.filter((s) => s.job !== null).length,
      queued: this.queue.length,
      completedBatches: this.completed,
      crashes: this.crashes,
      started: this.started,
      idleStops: this.idleStops,
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const job of this.queue.splice(0)) job.fail(poolClosed());
    const slots = this.slots.splice(0);
    const stopped = slots.map((slot) => {
      const job = slot.job;
      slot.job = null;
      const exited = slot.stop();
      job?.fail(poolClosed());
      slot.failProbes(poolClosed());
      return exited;
    });
    this.wakeReadyWaiters();
    if (slots.length > 0) this.changed();
    await Promise.all(stopped);
  }

  private spawn(): PoolSlot {
    const slot = new PoolSlot(new Worker(this.options.workerFile, { workerData: this.options.workerData }));
    slot.worker.on('message', (message: unknown) => {
      if (isHashReply(message)) this.onReply(slot, message);
      else if (isSelfTestReply(message)) this.onSelfTestReply(slot, message.id, message.results);
    });
    slot.worker.on('error', () => this.onWorkerDied(slot));
    slot.worker.on('exit', () => this.onWorkerDied(slot));
    this.slots.push(slot);
    this.started++;
    this.changed();
    return slot;
  }

  /** Hands queued batches to idle workers, starting workers (up to size) for the rest. */
  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) break;
      if (slot.job === null && !slot.dead) this.assign(slot, this.queue.shift()!);
    }
    while (this.queue.length > 0 && this.slots.length < this.size && !this.closed) {
      this.assign(this.spawn(), this.queue.shift()!);
    }
    for (const slot of this.slots) {
      if (slot.idle) slot.armIdle(this.options.idleMs, () => this.retireIdle(slot));
    }
    this.wakeReadyWaiters();
  }

  private assign(slot: PoolSlot, job: PoolJob): void {
    slot.disarmIdle();
    slot.job = job;
    job.start(this.options.batchTimeoutMs, () => this.onTimeout(slot, job));
    const request: HashRequest = {
      type: 'hash',
      batchId: job.id,
      iterations: this.iterations,
      ntHashes: job.ntHashes,
      salts: job.salts,
    };
    slot.worker.postMessage(request);
  }

  private retireIdle(slot: PoolSlot): void {
    if (!slot.idle || !this.remove(slot)) return;
    this.idleStops++;
    void slot.stop();
    this.changed();
  }

  private onReply(slot: PoolSlot, reply: HashReply): void {
    const job = slot.job;
    if (!job || job.id !== reply.batchId) return;
    slot.job = null;
    if (reply.type === 'result') {
      this.completed++;
      job.succeed([...reply.wires]);
    } else {
      job.fail(
        new AppError(
          ErrorCode.Internal,
          `A hash batch failed: ${reply.message}`,
          'Report this with the log file.',
        ),
      );
    }
    this.dispatch();
  }

  private onSelfTestReply(slot: PoolSlot, id: number, results: unknown): void {
    const probe = slot.takeProbe(id);
    if (!probe) return;
    const parsed = primitiveResultSchema.array().safeParse(results);
    if (parsed.success) probe.resolve(parsed.data);
    else
      probe.reject(
        new AppError(
          ErrorCode.Internal,
          'A hash worker answered its self-test with an unreadable report.',
          'Reinstall the app; if it persists, report it with the log file.',
        ),
      );
    this.dispatch();
  }

  private onWorkerDied(slot: PoolSlot): void {
    if (slot.dead) return;
    slot.dead = true;
    this.crashes++;
    this.remove(slot);
    slot.disarmIdle();
    slot.failProbes(
      new AppError(
        ErrorCode.WorkerCrashed,
        'A hash worker crashed during its self-test.',
        'Check the machine for memory pressure, then run the self-test again; if it persists, report it with the log file.',
      ),
    );
    const job = slot.job;
    slot.job = null;
    if (job) {
      if (job.attempts < this.options.maxAttempts) {
        job.requeue();
        this.queue.unshift(job);
      } else {
        job.fail(
          new AppError(
            ErrorCode.WorkerCrashed,
            `A hash worker crashed ${job.attempts} times on the same batch.`,
            'Check the machine for memory pressure, then retry; if it persists, report it with the log file.',
          ),
        );
      }
    }
    this.changed();
    this.dispatch();
  }

  private onTimeout(slot: PoolSlot, job: PoolJob): void {
    if (slot.job !== job) return;
    slot.job = null;
    this.kill(slot);
    job.fail(
      new AppError(
        ErrorCode.Timeout,
        `A hash batch of ${job.count} took longer than ${this.options.batchTimeoutMs} ms.`,
        'The machine may be overloaded: reduce other load or the batch size, then retry.',
      ),
    );
    this.dispatch();
  }

  private abort(job: PoolJob): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    const slot = this.slots.find((s) => s.job === job);
    if (slot) {
      slot.job = null;
      this.kill(slot);
    }
    job.fail(new CancelledError('The hash batch was cancelled.'));
    this.dispatch();
  }

  /** Stops a worker stuck in a batch; dispatch() starts a new one when there is work for it. */
  private kill(slot: PoolSlot): void {
    this.remove(slot);
    void slot.stop();
    slot.failProbes(
      new AppError(
        ErrorCode.WorkerCrashed,
        'The hash worker running the self-test was stopped (a batch on it timed out or was cancelled).',
        'Run the self-test again.',
      ),
    );
    this.changed();
  }

  private remove(slot: PoolSlot): boolean {
    const index = this.slots.indexOf(slot);
    if (index < 0) return false;
    this.slots.splice(index, 1);
    return true;
  }

  private changed(): void {
    this.options.onWorkersChanged?.(this.stats());
  }

  private wakeReadyWaiters(): void {
    while (this.readyWaiters.length > 0 && (this.queue.length < this.options.maxQueued || this.closed)) {
      this.readyWaiters.shift()!();
    }
  }
}
