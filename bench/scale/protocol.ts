/** What the engine child of `npm run bench:scale` is told (argv) and tells the parent (IPC messages). */
import { memoryUsage } from 'node:process';
import { getHeapSpaceStatistics } from 'node:v8';

export interface ChildTask {
  readonly mode: 'sync' | 'reopen';
  readonly users: number;
  readonly pageSize: number;
  readonly tenantFile: string;
  /** XDG_CONFIG_HOME where `phs tenant login` saved the sign-in. */
  readonly home: string;
  readonly stateDir: string;
  /** Write heap snapshots here (half-way through the full pass and at its end); none when null. */
  readonly heapSnapshotDir: string | null;
}

/** process.memoryUsage() of the engine's main thread (worker isolates are only in rss), in bytes. */
export interface Mem {
  readonly rss: number;
  readonly heapTotal: number;
  readonly heapUsed: number;
  readonly external: number;
  readonly arrayBuffers: number;
  /** Hash workers running at that moment. */
  readonly workers: number;
  /** The main isolate's heap spaces: committed and used bytes. */
  readonly spaces: readonly { readonly name: string; readonly size: number; readonly used: number }[];
}

export interface RunFigures {
  readonly seconds: number;
  readonly outcome: string;
  readonly delivered: number;
  readonly failed: number;
  readonly seen: number;
  readonly unchanged: number;
  readonly error: string | null;
}

export type ChildMessage =
  | { readonly type: 'ready'; readonly mem: Mem }
  | {
      readonly type: 'progress';
      readonly phase: 'full' | 'delta';
      readonly done: number;
      readonly total: number;
      readonly mem: Mem;
    }
  | { readonly type: 'full'; readonly run: RunFigures; readonly mem: Mem; readonly stateBytes: number }
  | { readonly type: 'heapSnapshot'; readonly file: string; readonly at: string; readonly mem: Mem }
  | { readonly type: 'delta'; readonly run: RunFigures; readonly changed: number; readonly mem: Mem }
  | { readonly type: 'closed'; readonly mem: Mem; readonly poolClosedMem: Mem }
  | {
      readonly type: 'reopen';
      readonly openSeconds: number;
      readonly statusSeconds: number;
      readonly users: number;
      readonly delivered: number;
      readonly phase: string;
      readonly mem: Mem;
    }
  | { readonly type: 'failed'; readonly message: string };

export function memNow(workers: number): Mem {
  const m = memoryUsage();
  return {
    rss: m.rss,
    heapTotal: m.heapTotal,
    heapUsed: m.heapUsed,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
    workers,
    spaces: getHeapSpaceStatistics().map((space) => ({
      name: space.space_name.replace(/_space$/, ''),
      size: space.space_size,
      used: space.space_used_size,
    })),
  };
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);

export function describeMem(m: Mem): string {
  return `rss ${mb(m.rss)} MB = main heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} MB used/total, external ${mb(m.external)} MB (array buffers ${mb(m.arrayBuffers)} MB), ${m.workers} hash workers, rest (code, stacks, worker isolates, allocator)`;
}

/** The heap spaces holding at least 1 MB: committed/used. */
export function describeSpaces(m: Mem): string {
  const big = m.spaces.filter((space) => space.size >= 1024 * 1024);
  return `heap spaces (committed/used MB): ${big.map((space) => `${space.name} ${mb(space.size)}/${mb(space.used)}`).join(', ')}`;
}
