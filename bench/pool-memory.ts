/**
 * `npm run bench:pool-memory`: what the hash pool costs an idle app. Creates the pool as
 * electron/main.ts does, lets it settle, and reports the process's RSS (worker threads live in the
 * process, so their isolates count) and its OS threads; then uses it once (a batch per worker) and
 * lets it idle past idleMs, to show the workers go away again.
 *
 *   node --expose-gc bench/pool-memory.ts [--size N] [--settle-ms 3000] [--idle-ms 2000] [--pool <pool.ts>]
 *
 * --pool measures another HashPool module with the same options (e.g. an older checkout's, whose
 * workers all start in its constructor); --size defaults to the cores, as in the app.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

interface PoolLike {
  readonly size: number;
  hash(items: readonly { readonly ntHash: Uint8Array }[]): Promise<string[]>;
  stats(): { readonly workers: number };
  close(): Promise<void>;
}
type PoolClass = new (options: { size?: number; idleMs?: number }) => PoolLike;

const { values } = parseArgs({
  options: {
    size: { type: 'string' },
    'settle-ms': { type: 'string', default: '3000' },
    'idle-ms': { type: 'string', default: '2000' },
    pool: { type: 'string' },
  },
});
const size = Number(values.size ?? availableParallelism());
const settleMs = Number(values['settle-ms']);
const idleMs = Number(values['idle-ms']);
const poolFile =
  values.pool === undefined
    ? new URL('../electron/phs/pool.ts', import.meta.url)
    : pathToFileURL(resolve(values.pool));

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));
const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

function osThreads(): number {
  const line = readFileSync('/proc/self/status', 'utf8').match(/^Threads:\s+(\d+)/m);
  return line ? Number(line[1]) : NaN;
}

async function sample(
  label: string,
  pool: PoolLike | null,
  waitMs = settleMs,
): Promise<Record<string, string | number>> {
  await sleep(waitMs);
  (globalThis as { gc?: () => void }).gc?.();
  await sleep(200);
  const row = {
    phase: label,
    rssMiB: mib(process.memoryUsage.rss()),
    osThreads: osThreads(),
    workers: pool?.stats().workers ?? 0,
  };
  console.log(
    `${label.padEnd(34)} RSS ${String(row.rssMiB).padStart(6)} MiB   OS threads ${String(row.osThreads).padStart(3)}   workers ${row.workers}`,
  );
  return row;
}

const { HashPool } = (await import(poolFile.href)) as { HashPool: PoolClass };
console.log(
  `pool: ${poolFile.pathname}  size ${size}  settle ${settleMs} ms  idle ${idleMs} ms  node ${process.versions.node}`,
);
const rows = [await sample('before the pool exists', null)];
const pool = new HashPool({ size, idleMs });
rows.push(await sample('pool created (app launched, idle)', pool));
await Promise.all(
  Array.from({ length: size }, () =>
    pool.hash(Array.from({ length: 64 }, () => ({ ntHash: randomBytes(16) }))),
  ),
);
rows.push(await sample('right after one batch per worker', pool, 0));
rows.push(await sample(`then idle ${idleMs} ms + settle`, pool, idleMs + settleMs));
await pool.close();
console.log(JSON.stringify({ size, settleMs, idleMs, rows }));
