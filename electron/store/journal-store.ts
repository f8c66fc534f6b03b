/**
 * A small embedded, crash-safe store in pure TypeScript: the state lives in memory, every change
 * is a transaction appended to a journal, and the journal is now and then compacted into a snapshot.
 *
 * Why not SQLite here: better-sqlite3 is a native module whose ABI differs between Electron and
 * Node and whose prebuilt binaries cannot be fetched on the build machines; node:sqlite is still
 * experimental — while the engine's state (one small record per user, cursors, bounded logs) fits in
 * memory and only needs durable, atomic appends.
 * Why this is crash-safe: a transaction is one framed line (length + CRC-32) written and fdatasync'ed
 * before commit() resolves, so a crash leaves every acknowledged transaction whole and at most one
 * torn line at the end, which load() detects and drops; a snapshot replaces the old one only by
 * temp file + fsync + atomic rename + directory fsync, and the journal names the snapshot generation
 * it follows, so a crash between the two steps of a compaction is recognised and resolved on load.
 *
 * Files in the folder: <name>.snapshot, <name>.journal, <name>.lock (see lock.ts).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { frame } from './frame.ts';
import { Appender, replaceAtomically } from './files.ts';
import { load, type Header, type StoreModel, type StoreStats } from './journal-format.ts';
import { acquireLock, type StateLock } from './lock.ts';

export type { StoreModel, StoreStats };

export interface JournalStoreOptions {
  /** Compact once the journal is larger than this and than the last snapshot. Default 16 MiB. */
  readonly compactAfterBytes?: number;
  /** Load only: no lock, no writes (to inspect the state of a running engine). */
  readonly readOnly?: boolean;
}

export class JournalStore<S, Op> {
  readonly state: S;
  readonly #model: StoreModel<S, Op>;
  readonly #dir: string;
  readonly #compactAfter: number;
  #appender: Appender | null = null;
  #lock: StateLock | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #failed: AppError | null = null;
  #stats: StoreStats;

  private constructor(
    dir: string,
    model: StoreModel<S, Op>,
    state: S,
    stats: StoreStats,
    compactAfter: number,
  ) {
    this.#dir = dir;
    this.#model = model;
    this.state = state;
    this.#stats = stats;
    this.#compactAfter = compactAfter;
  }

  static async open<S, Op>(
    dir: string,
    model: StoreModel<S, Op>,
    options: JournalStoreOptions = {},
  ): Promise<JournalStore<S, Op>> {
    const readOnly = options.readOnly ?? false;
    if (!readOnly) await mkdir(dir, { recursive: true, mode: 0o700 }).catch(() => undefined);
    const lock = readOnly ? null : await acquireLock(join(dir, `${model.name}.lock`));
    try {
      const loaded = await load(dir, model);
      const store = new JournalStore(
        dir,
        model,
        loaded.state,
        loaded.stats,
        options.compactAfterBytes ?? 16 << 20,
      );
      store.#lock = lock;
      if (readOnly) return store;
      if (loaded.journalValidBytes === null) {
        store.#stats = {
          ...store.#stats,
          journalBytes: await store.#writeJournalHeader(loaded.stats.generation),
        };
      }
      store.#appender = await Appender.open(
        join(dir, `${model.name}.journal`),
        loaded.journalValidBytes ?? store.#stats.journalBytes,
      );
      return store;
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }

  stats(): StoreStats {
    return this.#stats;
  }

  /** Appends `ops` as one transaction (one write, one fdatasync), then applies them in memory. */
  commit(ops: readonly Op[]): Promise<void> {
    if (ops.length === 0) return this.#queue.then(() => undefined);
    return this.#enqueue(async (appender) => {
      const bytes = await appender.append(frame({ tx: ops }));
      for (const op of ops) this.#model.apply(this.state, op);
      this.#stats = { ...this.#stats, journalBytes: this.#stats.journalBytes + bytes };
      if (this.#stats.journalBytes > Math.max(this.#compactAfter, this.#stats.snapshotBytes))
        await this.#compact(appender);
    });
  }

  /** Writes a snapshot of the current state and starts an empty journal. */
  compact(): Promise<void> {
    return this.#enqueue((appender) => this.#compact(appender));
  }

  async close(): Promise<void> {
    await this.#queue.catch(() => undefined);
    await this.#appender?.close();
    this.#appender = null;
    await this.#lock?.release();
    this.#lock = null;
  }

  #enqueue(work: (appender: Appender) => Promise<void>): Promise<void> {
    const run = this.#queue.then(async () => {
      if (this.#failed) throw this.#failed;
      const appender = this.#appender;
      if (!appender)
        throw new AppError(
          ErrorCode.StateUnavailable,
          'The state store is closed or read-only.',
          'Open it for writing first.',
        );
      try {
        await work(appender);
      } catch (error) {
        // After a failed write the file's tail is unknown: refuse further writes until reopened.
        this.#failed =
          error instanceof AppError
            ? error
            : new AppError(ErrorCode.StateUnavailable, 'A state write failed.', 'Restart the engine.', {
                cause: error,
              });
        throw this.#failed;
      }
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #compact(appender: Appender): Promise<void> {
    const generation = this.#stats.generation + 1;
    const head: Header = {
      kind: 'snapshot',
      model: this.#model.name,
      version: this.#model.version,
      generation,
    };
    let count = 0;
    const model = this.#model;
    const state = this.state;
    function* lines(): Generator<string> {
      yield frame(head);
      for (const op of model.snapshot(state)) {
        count++;
        yield frame(op);
      }
      yield frame({ kind: 'end', model: head.model, version: head.version, generation, count });
    }
    const snapshotBytes = await replaceAtomically(this.#dir, `${model.name}.snapshot`, lines());
    await appender.close();
    const journalBytes = await this.#writeJournalHeader(generation);
    this.#appender = await Appender.open(join(this.#dir, `${model.name}.journal`), journalBytes);
    this.#stats = { ...this.#stats, generation, snapshotBytes, journalBytes };
  }

  async #writeJournalHeader(generation: number): Promise<number> {
    const head: Header = {
      kind: 'journal',
      model: this.#model.name,
      version: this.#model.version,
      generation,
    };
    return replaceAtomically(this.#dir, `${this.#model.name}.journal`, [frame(head)]);
  }
}
