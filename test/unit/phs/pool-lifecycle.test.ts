/** The pool's lazy workers: none until there is work, stopped after idling, started again on use. */
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { ErrorCode } from '../../../shared/errors.ts';
import { DEFAULT_IDLE_MS, HashPool, type HashItem, type PoolStats } from '../../../electron/phs/pool.ts';
import { wireFromNtHash } from '../../../electron/phs/orgid.ts';

const IDLE_MS = 150;
const pools: HashPool[] = [];
function pool(options: ConstructorParameters<typeof HashPool>[0] = {}): HashPool {
  const p = new HashPool({ idleMs: IDLE_MS, ...options });
  pools.push(p);
  return p;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

function batch(n: number): { items: HashItem[]; expected: string[] } {
  const ntHashes = Array.from({ length: n }, () => randomBytes(16));
  const salts = ntHashes.map(() => randomBytes(10));
  const expected = ntHashes.map((nt, i) => wireFromNtHash(nt, salts[i]!));
  return { items: ntHashes.map((ntHash, i) => ({ ntHash, salt: salts[i]! })), expected };
}

async function until(condition: () => boolean, ms = 5_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting for the pool');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('HashPool lifecycle', () => {
  it('starts no worker until the first hash, then one per batch up to its size', async () => {
    const p = pool({ size: 2 });
    expect(p.stats()).toMatchObject({ workers: 0, started: 0 });
    expect(p.size).toBe(2);
    const batches = [batch(3), batch(3), batch(3)];
    const running = batches.map((b) => p.hash(b.items));
    expect(p.stats()).toMatchObject({ workers: 2, busy: 2, queued: 1, started: 2 });
    const wires = await Promise.all(running);
    expect(wires).toEqual(batches.map((b) => b.expected));
    expect(p.stats()).toMatchObject({ workers: 2, busy: 0, started: 2 });
  });

  it('stops its workers after the idle time, and starts one again on the next hash', async () => {
    const p = pool({ size: 2 });
    await Promise.all([p.hash(batch(2).items), p.hash(batch(2).items)]);
    await until(() => p.stats().workers === 0);
    expect(p.stats()).toMatchObject({ workers: 0, idleStops: 2, crashes: 0 });
    const again = batch(2);
    expect(await p.hash(again.items)).toEqual(again.expected);
    expect(p.stats()).toMatchObject({ workers: 1, started: 3, crashes: 0 });
  });

  it('keeps a worker that gets work before its idle time is up', async () => {
    const p = pool({ size: 1 });
    for (let i = 0; i < 4; i++) {
      await p.hash(batch(1).items);
      await new Promise((resolve) => setTimeout(resolve, IDLE_MS / 3));
    }
    expect(p.stats()).toMatchObject({ workers: 1, started: 1, idleStops: 0 });
  });

  it('reports each start and stop of a worker', async () => {
    const seen: PoolStats[] = [];
    const p = pool({ size: 1, onWorkersChanged: (stats) => seen.push(stats) });
    await p.hash(batch(1).items);
    await until(() => seen.length === 2);
    expect(seen.map((s) => s.workers)).toEqual([1, 0]);
  });

  it('closes while idle: no worker to stop, and new work is refused', async () => {
    const p = pool();
    await p.close();
    expect(p.stats().workers).toBe(0);
    await expect(p.hash(batch(1).items)).rejects.toMatchObject({ code: ErrorCode.PoolClosed });
    await expect(p.selfTest()).rejects.toMatchObject({ code: ErrorCode.PoolClosed });
  });

  it('closes while a worker is still starting: its batch fails POOL_CLOSED, no crash is counted', async () => {
    const p = pool({ size: 1 });
    const starting = p.hash(batch(1).items);
    expect(p.stats().workers).toBe(1);
    const refused = expect(starting).rejects.toMatchObject({ code: ErrorCode.PoolClosed });
    await p.close();
    await refused;
    expect(p.stats()).toMatchObject({ workers: 0, crashes: 0 });
  });

  it('closes after idling out, without waiting for the idle timer', async () => {
    const p = pool({ size: 1, idleMs: 60_000 });
    await p.hash(batch(1).items);
    const started = Date.now();
    await p.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(p.stats().workers).toBe(0);
  });

  it('runs the self-test in a worker it starts for it, which then idles out too', async () => {
    const p = pool({ size: 2 });
    const results = await p.selfTest();
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.where === 'worker' && r.passed)).toBe(true);
    expect(p.stats()).toMatchObject({ workers: 1, started: 1 });
    await until(() => p.stats().workers === 0);
  });

  it('fails a self-test waiting on a worker that crashes', async () => {
    const counter = new SharedArrayBuffer(4);
    const p = pool({
      size: 1,
      workerFile: new URL('./fixtures/crashing-worker.ts', import.meta.url),
      workerData: { counter, crashOn: [0] },
    });
    const probe = p.selfTest();
    const hashing = p.hash(batch(1).items);
    await expect(probe).rejects.toMatchObject({ code: ErrorCode.WorkerCrashed });
    expect(await hashing).toHaveLength(1);
  });

  it('waits a minute by default before stopping an idle worker', () => {
    expect(DEFAULT_IDLE_MS).toBe(60_000);
  });
});
