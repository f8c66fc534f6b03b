import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { getEventListeners } from 'node:events';
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import { HashPool, type HashItem } from '../../../electron/phs/pool.ts';
import { hashBatch } from '../../../electron/phs/hash-batch.ts';
import { wireFromNtHash } from '../../../electron/phs/orgid.ts';
import { verifyNtHash } from '../../../electron/phs/wire.ts';

const pools: HashPool[] = [];
function pool(options: ConstructorParameters<typeof HashPool>[0] = {}): HashPool {
  const p = new HashPool(options);
  pools.push(p);
  return p;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

function items(n: number): { items: HashItem[]; copies: Buffer[]; salts: Buffer[] } {
  const copies: Buffer[] = [];
  const salts: Buffer[] = [];
  const list = Array.from({ length: n }, () => {
    const nt = randomBytes(16);
    const salt = randomBytes(10);
    copies.push(Buffer.from(nt));
    salts.push(salt);
    return { ntHash: nt, salt };
  });
  return { items: list, copies, salts };
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe('HashPool', () => {
  it('returns the same wire strings as the in-thread transform, in order', async () => {
    const p = pool({ size: 2 });
    const batch = items(50);
    const wires = await p.hash(batch.items);
    expect(wires).toEqual(batch.copies.map((nt, i) => wireFromNtHash(nt, batch.salts[i]!)));
  });

  it('draws a fresh random salt per item when none is given', async () => {
    const p = pool({ size: 1 });
    const nt = randomBytes(16);
    const wires = await p.hash([{ ntHash: Buffer.from(nt) }, { ntHash: Buffer.from(nt) }]);
    expect(wires[0]).not.toBe(wires[1]);
    expect(wires.every((w) => verifyNtHash(w, nt))).toBe(true);
  });

  it("zeroes the caller's NT hash buffers once it has taken them", async () => {
    const p = pool({ size: 1 });
    const batch = items(3);
    const done = p.hash(batch.items);
    expect(batch.items.every((i) => i.ntHash.every((b) => b === 0))).toBe(true);
    await done;
  });

  it('zeroes the NT hashes a worker was given after hashing them', () => {
    const batch = items(4);
    const ntHashes = Buffer.concat(batch.copies);
    hashBatch({ type: 'hash', batchId: 1, iterations: 10, ntHashes, salts: Buffer.concat(batch.salts) });
    expect(ntHashes.every((b) => b === 0)).toBe(true);
  });

  it('loses no result when a worker dies in the middle of a batch', async () => {
    const counter = new SharedArrayBuffer(4);
    const p = pool({
      size: 2,
      workerFile: new URL('./fixtures/crashing-worker.ts', import.meta.url),
      workerData: { counter, crashOn: [0, 3] },
    });
    const batches = Array.from({ length: 6 }, () => items(20));
    const results = await Promise.all(batches.map((b) => p.hash(b.items)));
    results.forEach((wires, b) => {
      expect(wires).toEqual(batches[b]!.copies.map((nt, i) => wireFromNtHash(nt, batches[b]!.salts[i]!)));
    });
    expect(p.stats().crashes).toBe(2);
    expect(p.stats().workers).toBe(2);
  });

  it('gives up with WORKER_CRASHED when the same batch kills every attempt', async () => {
    const counter = new SharedArrayBuffer(4);
    const p = pool({
      size: 1,
      maxAttempts: 3,
      workerFile: new URL('./fixtures/crashing-worker.ts', import.meta.url),
      workerData: { counter, crashOn: [0, 1, 2] },
    });
    await expectCode(p.hash(items(2).items), ErrorCode.WorkerCrashed);
    // The pool still works afterwards.
    const after = items(2);
    expect(await p.hash(after.items)).toHaveLength(2);
  });

  it('times a batch out, stops its worker and keeps serving on a new one', async () => {
    const p = pool({ size: 1, iterations: 2_000_000, batchTimeoutMs: 200 });
    await expectCode(p.hash(items(1).items), ErrorCode.Timeout);
    expect(p.stats()).toMatchObject({ workers: 0, started: 1, crashes: 0 });
    const next = p.hash(items(1).items);
    expect(p.stats()).toMatchObject({ workers: 1, busy: 1, started: 2 });
    await expectCode(next, ErrorCode.Timeout);
  });

  it('cancels a queued batch and a running batch by AbortSignal', async () => {
    const p = pool({ size: 1, iterations: 2_000_000 });
    const running = new AbortController();
    const queued = new AbortController();
    const first = p.hash(items(1).items, { signal: running.signal });
    const second = p.hash(items(1).items, { signal: queued.signal });
    queued.abort();
    await expectCode(second, ErrorCode.Cancelled);
    running.abort();
    await expectCode(first, ErrorCode.Cancelled);
    // The stuck worker is stopped; a new one starts only when there is work again.
    expect(p.stats()).toMatchObject({ workers: 0, busy: 0, queued: 0 });
  });

  it('rejects bad items with a named error and without hashing anything', async () => {
    const p = pool({ size: 1 });
    await expectCode(p.hash([{ ntHash: Buffer.alloc(15) }]), ErrorCode.InvalidArgument);
    await expectCode(
      p.hash([{ ntHash: Buffer.alloc(16), salt: Buffer.alloc(9) }]),
      ErrorCode.InvalidArgument,
    );
  });

  it('holds producers back: map() pulls no further ahead than the pool can take', async () => {
    const p = pool({ size: 2, maxQueued: 2, iterations: 200 });
    let pulled = 0;
    let consumed = 0;
    let maxAhead = 0;
    function* source(): Generator<HashItem[]> {
      for (let i = 0; i < 30; i++) {
        pulled++;
        maxAhead = Math.max(maxAhead, pulled - consumed);
        yield items(5).items;
      }
    }
    for await (const wires of p.map(source())) {
      expect(wires).toHaveLength(5);
      consumed++;
    }
    expect(consumed).toBe(30);
    expect(maxAhead).toBeLessThanOrEqual(2 + 2 + 1);
  });

  it('ready() waits while the queue is full', async () => {
    const p = pool({ size: 1, maxQueued: 1, iterations: 20_000 });
    const work = [p.hash(items(2).items), p.hash(items(2).items), p.hash(items(2).items)];
    let readyAt = 0;
    const ready = p.ready().then(() => (readyAt = p.stats().queued));
    await Promise.all(work);
    await ready;
    expect(readyAt).toBeLessThan(1);
  });

  it('rejects queued and new work with POOL_CLOSED after close()', async () => {
    const p = pool({ size: 1, iterations: 2_000_000 });
    const running = expectCode(p.hash(items(1).items), ErrorCode.PoolClosed);
    const queued = expectCode(p.hash(items(1).items), ErrorCode.PoolClosed);
    await p.close();
    await Promise.all([running, queued]);
    await expectCode(p.hash(items(1).items), ErrorCode.PoolClosed);
  });
});

describe('HashPool and a signal shared by many batches', () => {
  it('leaves no abort listener behind once each batch settles (a long pass would keep every batch alive)', async () => {
    const p = pool({ size: 1, iterations: 10 });
    const controller = new AbortController();
    for (let i = 0; i < 5; i++) await p.hash(items(3).items, { signal: controller.signal });
    await expect(p.hash([{ ntHash: Buffer.alloc(3) }], { signal: controller.signal })).rejects.toThrow();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
