/**
 * Crash safety, end to end: the engine runs in a child process against a file-backed directory
 * of 1,200 objects and a sink that makes every acknowledgement durable before replying; the
 * child is killed with SIGKILL at seeded random moments during a full sync (and a delta),
 * restarted, and in the end every in-scope user's current hash must have been delivered.
 * After every kill the state on disk is checked: no cursor ahead of an unacknowledged
 * credential, and no "delivered" record the sink did not acknowledge.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom, type SeededRandom } from '../../reference/random.ts';
import { verifyNtHash } from '../../../electron/phs/wire.ts';
import { openSyncStore } from '../../../electron/store/sync-state.ts';
import { anchorOf, CONTRACTORS, FakeDirectory, OTHER, STAFF, type FakeObject } from './fakes/directory.ts';
import { crashFiles, type AckLine, type SinkConfig } from './crash/files.ts';

const CHILD = fileURLToPath(new URL('./crash/child.ts', import.meta.url));
const SOURCE_ID = 'fake:DC=lab,DC=example,DC=test';

type Kind = 'eligible' | 'contractor' | 'other' | 'nopass' | 'mustchange' | 'computer' | 'disabled';

function buildDirectory(rng: SeededRandom): FakeDirectory {
  const d = new FakeDirectory();
  const kinds: Kind[] = [
    ...Array<Kind>(1000).fill('eligible'),
    ...Array<Kind>(60).fill('contractor'),
    ...Array<Kind>(40).fill('other'),
    ...Array<Kind>(20).fill('nopass'),
    ...Array<Kind>(10).fill('mustchange'),
    ...Array<Kind>(40).fill('computer'),
    ...Array<Kind>(30).fill('disabled'),
  ];
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  kinds.forEach((kind, i) => {
    const sam = `${kind}${i}`;
    const team = `OU=Team${i % 7},${STAFF}`;
    if (kind === 'eligible') d.addUser(sam, team);
    else if (kind === 'contractor') d.addUser(sam, CONTRACTORS);
    else if (kind === 'other') d.addUser(sam, OTHER);
    else if (kind === 'nopass') d.addUser(sam, team, { passwordVersion: null, passwordChangedAt: null });
    else if (kind === 'mustchange') d.addUser(sam, team, { mustChange: true });
    else if (kind === 'computer')
      d.addUser(sam, team, { classes: ['top', 'person', 'organizationalPerson', 'user', 'computer'] });
    else d.addUser(sam, team, { uac: 0x202 });
  });
  return d;
}

const shouldDeliver = (o: FakeObject): boolean =>
  !o.deleted &&
  (o.sam.startsWith('eligible') || o.sam.startsWith('disabled')) &&
  o.dn.includes(STAFF) &&
  !o.dn.includes(CONTRACTORS) &&
  !o.mustChange;

/** Every acknowledged credential per source anchor, in order. */
function readAcks(file: string): Map<string, AckLine[]> {
  const all = new Map<string, AckLine[]>();
  if (!existsSync(file)) return all;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line === '') continue;
    try {
      const ack = JSON.parse(line) as AckLine;
      all.set(ack.a, [...(all.get(ack.a) ?? []), ack]);
    } catch {
      // A line torn by the kill was never acknowledged to the engine.
    }
  }
  return all;
}

interface Launch {
  readonly killed: boolean;
  readonly output: string;
  readonly stderr: string;
}

/** A child that has not finished by then is stuck: it is killed and the test fails, saying so. */
const CHILD_LIMIT_MS = 60_000;

function launch(work: string, mode: 'full' | 'sync', killAfterAcks?: number, delayMs = 0): Promise<Launch> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CHILD, work, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stderr = '';
    let acks = 0;
    let killing = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      acks += chunk.split('ack\n').length - 1;
      if (killAfterAcks !== undefined && !killing && acks >= killAfterAcks) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    let stuck = false;
    const limit = setTimeout(() => {
      stuck = true;
      child.kill('SIGKILL');
    }, CHILD_LIMIT_MS);
    child.on('exit', (_code, signal) => {
      clearTimeout(limit);
      const tail = output
        .split('\n')
        .filter((l) => l !== 'ack')
        .slice(-5)
        .join(' | ');
      resolve({
        killed: signal === 'SIGKILL' && !stuck,
        output,
        stderr: stuck
          ? `${stderr}the engine child did not finish in ${CHILD_LIMIT_MS} ms (${acks} acks; ${tail})`
          : stderr,
      });
    });
  });
}

/** How many directory objects (in order) the committed cursor claims are done. */
function covered(cursor: { phase: string; cursor: string | null } | undefined, total: number): number {
  if (!cursor || cursor.cursor === null) return 0;
  if (cursor.phase === 'incremental') return total;
  const c = JSON.parse(cursor.cursor) as { full?: number };
  return c.full ?? total;
}

async function checkConsistent(work: string, d: FakeDirectory, poison: ReadonlySet<string>): Promise<void> {
  const files = crashFiles(work);
  const acks = readAcks(files.acked);
  const store = await openSyncStore(files.state, { readOnly: true });
  const upTo = covered(store.state.cursors.get(SOURCE_ID), d.data.objects.length);
  for (const o of d.data.objects.slice(0, upTo)) {
    if (!shouldDeliver(o)) continue;
    const anchor = anchorOf(o.objectGuid);
    if (poison.has(anchor)) {
      expect(store.state.users.get(o.objectGuid)?.result, `${o.sam}: poison recorded`).toBe('failed');
      continue;
    }
    const changes = (acks.get(anchor) ?? []).map((a) => a.d);
    expect(
      changes,
      `${o.sam} is behind the committed cursor: its current change must be acknowledged`,
    ).toContain(o.passwordChangedAt);
  }
  for (const record of store.state.users.values()) {
    if (record.result !== 'delivered') continue;
    const changes = (acks.get(record.sourceAnchor) ?? []).map((a) => a.d);
    expect(changes, `${record.samAccountName}: recorded as delivered without an acknowledgement`).toContain(
      record.changeDelivered,
    );
  }
}

function assertNoSecrets(work: string, d: FakeDirectory): void {
  const hashes = new Set(
    d.data.objects
      .filter((o) => o.passwordVersion !== null)
      .map((o) => d.currentHash(o.objectGuid)!.toString('hex')),
  );
  const dir = crashFiles(work).state;
  for (const name of readdirSync(dir)) {
    const text = readFileSync(join(dir, name), 'utf8');
    expect(text, name).not.toContain('PPH1_MD4');
    for (const hex of text.toLowerCase().match(/[0-9a-f]{32}/g) ?? [])
      expect(hashes.has(hex), `${name} holds an NT hash`).toBe(false);
  }
}

async function assertAllDelivered(
  work: string,
  d: FakeDirectory,
  poison: ReadonlySet<string>,
): Promise<void> {
  const files = crashFiles(work);
  const acks = readAcks(files.acked);
  const store = await openSyncStore(files.state, { readOnly: true });
  expect(store.state.cursors.get(SOURCE_ID)?.phase).toBe('incremental');
  for (const o of d.data.objects) {
    const anchor = anchorOf(o.objectGuid);
    const ack = acks.get(anchor)?.at(-1);
    if (!shouldDeliver(o) || poison.has(anchor)) {
      if (!o.sam.startsWith('eligible') && !o.sam.startsWith('disabled'))
        expect(ack, `${o.sam} must never be delivered`).toBeUndefined();
      continue;
    }
    expect(ack, `${o.sam} delivered`).toBeDefined();
    expect(
      verifyNtHash(ack!.w, d.currentHash(o.objectGuid)!),
      `${o.sam}: the delivered wire string verifies against the current NT hash`,
    ).toBe(true);
    expect(store.state.users.get(o.objectGuid)).toMatchObject({
      result: 'delivered',
      changeDelivered: o.passwordChangedAt,
    });
  }
  for (const anchor of poison) {
    const record = [...store.state.users.values()].find((u) => u.sourceAnchor === anchor);
    expect(record).toMatchObject({ result: 'failed', errorCode: 'unknownUser' });
    expect(record!.attempts).toBeGreaterThanOrEqual(1);
  }
}

describe('crash safety (engine in a child process, killed with SIGKILL)', () => {
  for (const seed of [11, 23, 37, 41, 59]) {
    it(`seed ${seed}: every in-scope user ends delivered, the state stays consistent, and a later change goes out by delta`, async () => {
      const rng = seededRandom(seed);
      const work = mkdtempSync(join(tmpdir(), `phs-crash-${seed}-`));
      try {
        const files = crashFiles(work);
        const d = buildDirectory(rng);
        const eligible = d.data.objects.filter(shouldDeliver);
        const poison = new Set([
          anchorOf(rng.pick(eligible).objectGuid),
          anchorOf(rng.pick(eligible).objectGuid),
        ]);
        const config: SinkConfig = { poison: [...poison], throttleEvery: 7, unavailableEvery: 11 };
        writeFileSync(files.directory, JSON.stringify(d));
        writeFileSync(files.sink, JSON.stringify(config));

        let kills = 0;
        for (let k = 0; k < 3; k++) {
          const result = await launch(
            work,
            k === 0 ? 'full' : 'sync',
            1 + rng.int(eligible.length / 2),
            rng.int(4),
          );
          expect(result.stderr).toBe('');
          if (result.killed) kills++;
          await checkConsistent(work, d, poison);
        }
        expect(kills).toBeGreaterThan(0);
        const finish = await launch(work, 'sync');
        expect(finish.output).toContain('done completed');
        await checkConsistent(work, d, poison);
        await assertAllDelivered(work, d, poison);

        // Between runs: passwords change, one user leaves the scope. A delta (killed once) delivers them.
        const changed = Array.from({ length: 5 }, () => rng.pick(eligible)).filter(
          (o) => !poison.has(anchorOf(o.objectGuid)),
        );
        for (const o of changed) d.setPassword(o.objectGuid);
        const leaver = eligible.find((o) => !changed.includes(o) && !poison.has(anchorOf(o.objectGuid)))!;
        d.move(leaver.objectGuid, OTHER);
        writeFileSync(files.directory, JSON.stringify(d));
        await launch(work, 'sync', 1 + rng.int(changed.length), rng.int(3));
        await checkConsistent(work, d, poison);
        expect((await launch(work, 'sync')).output).toContain('done completed');
        await assertAllDelivered(work, d, poison);
        const store = await openSyncStore(files.state, { readOnly: true });
        expect(store.state.users.get(leaver.objectGuid)).toMatchObject({
          result: 'outOfScope',
          reason: 'notInIncludedOU',
        });
        assertNoSecrets(work, d);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }, 120_000);
  }
});
