import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ErrorCode } from '../../../shared/errors.ts';
import { frame } from '../../../electron/store/frame.ts';
import { JournalStore, type StoreModel } from '../../../electron/store/journal-store.ts';

type Op = { readonly k: string; readonly v: number | null };
const model: StoreModel<Map<string, number>, Op> = {
  name: 'kv',
  version: 1,
  empty: () => new Map(),
  apply: (state, op) => void (op.v === null ? state.delete(op.k) : state.set(op.k, op.v)),
  *snapshot(state) {
    for (const [k, v] of state) yield { k, v };
  },
};

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'phs-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function reopen(dir: string, options = {}): Promise<JournalStore<Map<string, number>, Op>> {
  return JournalStore.open(dir, model, options);
}

describe('the journal store', () => {
  it('keeps every committed transaction across a reopen', async () => {
    const dir = tempDir();
    const store = await reopen(dir);
    await store.commit([
      { k: 'a', v: 1 },
      { k: 'b', v: 2 },
    ]);
    await store.commit([{ k: 'a', v: null }]);
    await store.close();
    const again = await reopen(dir);
    expect([...again.state]).toEqual([['b', 2]]);
    await again.close();
  });

  it('drops a torn last transaction whole, truncates it, and appends after it', async () => {
    const dir = tempDir();
    const store = await reopen(dir);
    await store.commit([{ k: 'a', v: 1 }]);
    await store.close();
    const journal = join(dir, 'kv.journal');
    const goodSize = statSync(journal).size;
    appendFileSync(
      journal,
      frame({
        tx: [
          { k: 'b', v: 2 },
          { k: 'c', v: 3 },
        ],
      }).slice(0, 20),
    );
    const again = await reopen(dir);
    expect([...again.state]).toEqual([['a', 1]]);
    expect(again.stats().droppedTailBytes).toBe(20);
    expect(statSync(journal).size).toBe(goodSize);
    await again.commit([{ k: 'd', v: 4 }]);
    await again.close();
    expect([...(await reopen(dir, { readOnly: true })).state]).toEqual([
      ['a', 1],
      ['d', 4],
    ]);
  });

  it('refuses a journal damaged in the middle (StateCorrupt), with a remediation', async () => {
    const dir = tempDir();
    const store = await reopen(dir);
    await store.commit([{ k: 'a', v: 1 }]);
    await store.commit([{ k: 'b', v: 2 }]);
    await store.close();
    const journal = join(dir, 'kv.journal');
    const text = readFileSync(journal, 'utf8');
    writeFileSync(journal, text.replace('"k":"a"', '"k":"x"'));
    await expect(reopen(dir)).rejects.toMatchObject({
      code: ErrorCode.StateCorrupt,
      remediation: expect.stringContaining('full password sync'),
    });
  });

  it('compacts into a snapshot and loads the same state from it', async () => {
    const dir = tempDir();
    const store = await reopen(dir, { compactAfterBytes: 500 });
    for (let i = 0; i < 50; i++) await store.commit([{ k: `k${i % 7}`, v: i }]);
    expect(store.stats().generation).toBeGreaterThan(0);
    const expected = [...store.state];
    await store.close();
    const again = await reopen(dir);
    expect([...again.state]).toEqual(expected);
    await again.close();
  });

  it('recovers from a crash between writing the snapshot and starting the new journal', async () => {
    const dir = tempDir();
    const store = await reopen(dir);
    await store.commit([{ k: 'a', v: 1 }]);
    await store.compact();
    await store.commit([{ k: 'b', v: 2 }]);
    await store.close();
    // Simulate: snapshot generation 2 (holding a and b) landed, the journal is still generation 1.
    const snapshot = [
      frame({ kind: 'snapshot', model: 'kv', version: 1, generation: 2 }),
      frame({ k: 'a', v: 1 }),
      frame({ k: 'b', v: 2 }),
      frame({ kind: 'end', model: 'kv', version: 1, generation: 2, count: 2 }),
    ].join('');
    writeFileSync(join(dir, 'kv.snapshot'), snapshot);
    const again = await reopen(dir);
    expect([...again.state]).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    await again.commit([{ k: 'c', v: 3 }]);
    await again.close();
    expect([...(await reopen(dir, { readOnly: true })).state]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });

  it('refuses files of another format version', async () => {
    const dir = tempDir();
    const store = await reopen(dir);
    await store.close();
    await expect(JournalStore.open(dir, { ...model, version: 2 })).rejects.toMatchObject({
      code: ErrorCode.StateCorrupt,
      message: expect.stringContaining('another version'),
    });
  });

  it('allows one writer per folder, takes over the lock of a dead process, and reads alongside a writer', async () => {
    const dir = tempDir();
    const store = await reopen(dir);
    await expect(reopen(dir)).rejects.toMatchObject({ code: ErrorCode.EngineBusy });
    await store.commit([{ k: 'a', v: 1 }]);
    expect([...(await reopen(dir, { readOnly: true })).state]).toEqual([['a', 1]]);
    await store.close();
    const dead = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    writeFileSync(join(dir, 'kv.lock'), `${dead}\n`);
    const taken = await reopen(dir);
    expect(readFileSync(join(dir, 'kv.lock'), 'utf8').trim()).toBe(String(process.pid));
    await taken.close();
  });

  it('refuses writes once closed', async () => {
    const dir = tempDir();
    const store = await reopen(dir);
    await store.close();
    await expect(store.commit([{ k: 'a', v: 1 }])).rejects.toMatchObject({
      code: ErrorCode.StateUnavailable,
    });
  });
});
