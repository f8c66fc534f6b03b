/**
 * The engine process of `npm run bench:scale` (forked by bench/scale.ts, which samples its RSS):
 * - mode sync: enable, a full sync of the generated directory, then 1% of the passwords change
 *   and a delta cycle delivers them; the state is closed;
 * - mode reopen: the state opened again and the engine's first status (as after a restart).
 * Figures go to the parent as IPC messages (protocol.ts).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import type { RunRecord } from '../../electron/engine/records.ts';
import { openSyncStore, type SyncStore } from '../../electron/store/sync-state.ts';
import { buildEngine, type ScaleEngine } from './engine-parts.ts';
import { memNow, type ChildMessage, type ChildTask, type RunFigures } from './protocol.ts';

const PROGRESS_EVERY_MS = 2000;

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

function figures(run: RunRecord, seconds: number): RunFigures {
  return {
    seconds,
    outcome: run.outcome,
    delivered: run.counts.delivered,
    failed: run.counts.failed,
    seen: run.counts.seen,
    unchanged: run.counts.unchanged,
    error: run.error === null ? null : `${run.error.code}: ${run.error.message}`,
  };
}

export function stateBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

/** Progress messages at most every PROGRESS_EVERY_MS; heap snapshots half-way and at the end of the full pass. */
function watch(s: ScaleEngine, task: ChildTask, phase: () => 'full' | 'delta'): () => void {
  let last = 0;
  let halfway = false;
  return s.engine.events.on((event) => {
    if (event.type !== 'progress') return;
    const { done, total } = event.progress;
    const now = performance.now();
    if (task.heapSnapshotDir !== null && phase() === 'full' && !halfway && done >= task.users / 2) {
      halfway = true;
      snapshot(s, task.heapSnapshotDir, 'full-half');
    }
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    void send({ type: 'progress', phase: phase(), done, total, mem: memNow(s.pool.stats().workers) });
  });
}

function snapshot(s: ScaleEngine, dir: string, at: string): void {
  const before = memNow(s.pool.stats().workers);
  const file = writeHeapSnapshot(join(dir, `scale-${at}-${process.pid}.heapsnapshot`));
  void send({ type: 'heapSnapshot', file, at, mem: before });
}

async function timed(work: () => Promise<RunRecord>): Promise<RunFigures> {
  const started = performance.now();
  const run = await work();
  return figures(run, (performance.now() - started) / 1000);
}

async function sync(task: ChildTask): Promise<void> {
  const store: SyncStore = await openSyncStore(task.stateDir);
  const s = buildEngine(task, store);
  let phase: 'full' | 'delta' = 'full';
  const stopWatching = watch(s, task, () => phase);
  try {
    await send({ type: 'ready', mem: memNow(0) });
    await s.engine.enable({ fullSync: true });
    const full = await timed(() => s.engine.fullSync());
    const workers = s.pool.stats().workers;
    await send({ type: 'full', run: full, mem: memNow(workers), stateBytes: stateBytes(task.stateDir) });
    if (task.heapSnapshotDir !== null) snapshot(s, task.heapSnapshotDir, 'full-end');
    phase = 'delta';
    const changed = s.source.advance();
    const delta = await timed(() => s.engine.syncNow());
    await send({ type: 'delta', run: delta, changed, mem: memNow(s.pool.stats().workers) });
  } finally {
    stopWatching();
    const open = memNow(s.pool.stats().workers);
    await s.close();
    await store.close();
    await send({ type: 'closed', mem: open, poolClosedMem: memNow(0) });
  }
}

async function reopen(task: ChildTask): Promise<void> {
  const started = performance.now();
  const store = await openSyncStore(task.stateDir);
  const opened = performance.now();
  const s = buildEngine(task, store);
  const status = s.engine.status();
  const ended = performance.now();
  try {
    await send({
      type: 'reopen',
      openSeconds: (opened - started) / 1000,
      statusSeconds: (ended - opened) / 1000,
      users: status.users.total,
      delivered: status.users.delivered,
      phase: status.phase,
      mem: memNow(s.pool.stats().workers),
    });
  } finally {
    await s.close();
    await store.close();
  }
}

const task = JSON.parse(process.argv[2] ?? '{}') as ChildTask;
try {
  await (task.mode === 'reopen' ? reopen(task) : sync(task));
  process.disconnect?.();
} catch (error) {
  await send({
    type: 'failed',
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  process.exitCode = 1;
  process.disconnect?.();
}
