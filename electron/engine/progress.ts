/** Progress of a cycle: done/total, a rate over the last seconds, an ETA; emitted at most every 250 ms. */
import type { RunKind } from './records.ts';
import type { Progress } from './events.ts';

const WINDOW_MS = 10_000;
const EMIT_EVERY_MS = 250;

export class ProgressTracker {
  readonly #runId: number;
  readonly #kind: RunKind;
  readonly #now: () => number;
  readonly #emit: (p: Progress) => void;
  readonly #samples: { t: number; done: number }[] = [];
  #phase: Progress['phase'] = 'reading';
  #done = 0;
  #total: number;
  #totalKnown: boolean;
  #lastEmit = 0;

  constructor(runId: number, kind: RunKind, guess: number, now: () => number, emit: (p: Progress) => void) {
    this.#runId = runId;
    this.#kind = kind;
    this.#total = guess;
    this.#totalKnown = guess > 0;
    this.#now = now;
    this.#emit = emit;
    this.#samples.push({ t: now(), done: 0 });
  }

  /** A page arrived: the source's estimate (if any) replaces the guess. */
  pageRead(size: number, estimatedTotal: number | undefined): void {
    this.#phase = 'syncing';
    if (estimatedTotal !== undefined) {
      this.#total = estimatedTotal;
      this.#totalKnown = true;
    } else if (this.#kind !== 'full') this.#total += size;
    this.#total = Math.max(this.#total, this.#done + size);
    this.#maybeEmit(false);
  }

  finishing(): void {
    this.#phase = 'finishing';
    this.#maybeEmit(true);
  }

  completed(count: number): void {
    this.#done += count;
    const t = this.#now();
    this.#samples.push({ t, done: this.#done });
    while (this.#samples.length > 2 && this.#samples[0]!.t < t - WINDOW_MS) this.#samples.shift();
    this.#maybeEmit(false);
  }

  /** Emits the current numbers now (at the end of a cycle). */
  flush(): void {
    this.#maybeEmit(true);
  }

  snapshot(): Progress {
    const first = this.#samples[0]!;
    const last = this.#samples.at(-1)!;
    const seconds = (last.t - first.t) / 1000;
    const rate = seconds > 0 ? (last.done - first.done) / seconds : 0;
    const total = Math.max(this.#total, this.#done);
    const eta = rate > 0 && this.#totalKnown ? Math.round((total - this.#done) / rate) : null;
    return {
      runId: this.#runId,
      kind: this.#kind,
      phase: this.#phase,
      done: this.#done,
      total,
      totalKnown: this.#totalKnown,
      ratePerSecond: Math.round(rate * 10) / 10,
      etaSeconds: eta,
    };
  }

  #maybeEmit(force: boolean): void {
    const t = this.#now();
    if (!force && t - this.#lastEmit < EMIT_EVERY_MS) return;
    this.#lastEmit = t;
    this.#emit(this.snapshot());
  }
}
