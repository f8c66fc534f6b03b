/**
 * The runs of `npm run bench:sync` (bench/sync.ts prints them; the limits beside them are in
 * bench-limits.ts): a full sync through the real CLI with the engine process sampled from /proc
 * (peak RSS, CPU time), and the delta latency of `phs run`: samba-tool changes a password →
 * the emulator's password grant accepts the new one.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LAB_OU } from '../../../lab/fixtures.ts';
import type { LabInfo } from '../../../lab/lab-info.ts';
import { createOwnOu, deleteOu, sambaToolSetPassword } from './directory.ts';
import { describeRun, phs, startPhs } from './phs-cli.ts';
import { signIn, startSignedInTenant, storedCredentials } from './tenant.ts';
import { engineStatus, writeEngineConfig } from './workspace.ts';

const CLOCK_TICKS = 100; // USER_HZ on Linux: /proc/<pid>/stat counts CPU time in 1/100 s

function sampleProc(pid: number): { readonly hwmKb: number; readonly cpuTicks: number } | null {
  try {
    const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { hwmKb: Number(hwm?.[1] ?? 0), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null; // it exited between two samples
  }
}

export interface FullRun {
  readonly delivered: number;
  readonly outOfScope: number;
  /** The cycle as the engine recorded it (start to end of the full pass). */
  readonly cycleSeconds: number;
  /** The `phs sync --full --once` process, start to exit (Node start, sign-in, pool start included). */
  readonly wallSeconds: number;
  readonly peakRssMb: number;
  readonly cpuSeconds: number;
}

/** `phs sync --full --once` of every user under `ou`, into a fresh emulator tenant. */
/**
 * Full syncs of the users under `ou` into a fresh tenant: the first pass also creates every cloud
 * user; later passes (a full sync on demand) find them there.
 */
export async function fullSync(lab: LabInfo, ou: string, dir: string, passes = 1): Promise<FullRun[]> {
  const t = await startSignedInTenant(join(dir, 'tenant'));
  try {
    const config = writeEngineConfig(join(dir, 'config.json'), lab, {
      tenantFile: t.tenantFile,
      stateDir: join(dir, 'state'),
      includeOUs: [ou],
    });
    const enable = await phs(['enable', '--config', config], { home: t.home });
    if (enable.status !== 0) throw new Error(describeRun(['enable'], enable));
    const runs: FullRun[] = [];
    for (let pass = 0; pass < passes; pass++) runs.push(await onePass(config, t));
    return runs;
  } finally {
    await t.emu.close();
  }
}

type SignedInTenant = Awaited<ReturnType<typeof startSignedInTenant>>;

async function onePass(config: string, t: SignedInTenant): Promise<FullRun> {
  const started = performance.now();
  const child = startPhs(['sync', '--full', '--once', '--config', config], {
    home: t.home,
    timeoutMs: 600_000,
  });
  let peak = 0;
  let cpu = 0;
  const sampler = setInterval(() => {
    const s = sampleProc(child.pid);
    if (s) [peak, cpu] = [Math.max(peak, s.hwmKb), s.cpuTicks];
  }, 20);
  const result = await child.done.finally(() => clearInterval(sampler));
  const wallSeconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(describeRun(['sync', '--full', '--once'], result));
  const run = (await engineStatus(config, t.home)).lastCompletedRun!;
  if (storedCredentials(t.emu).size < run.counts.delivered)
    throw new Error('the tenant holds fewer credentials than delivered');
  return {
    delivered: run.counts.delivered,
    outOfScope: run.counts.outOfScope,
    cycleSeconds: (Date.parse(run.endedAt!) - Date.parse(run.startedAt)) / 1000,
    wallSeconds,
    peakRssMb: peak / 1024,
    cpuSeconds: cpu / CLOCK_TICKS,
  };
}

export interface DeltaLatency {
  /** samba-tool exited (the change is in AD) → the new password signs in. */
  readonly seconds: number[];
  /** samba-tool's own run (a Python start and an LDAP modify). */
  readonly sambaToolSeconds: number[];
}

/** `phs run` polling every `pollSeconds`; `changes` passwords changed one after another, each timed. */
export async function deltaLatency(
  lab: LabInfo,
  dir: string,
  changes: number,
  pollSeconds: number,
): Promise<DeltaLatency> {
  const tag = randomBytes(3).toString('hex');
  const users = Array.from({ length: changes }, (_, i) => ({
    sam: `bd${tag}${i}`,
    password: `Delta-${tag}-${i}-a`,
  }));
  const own = await createOwnOu(lab, `Bench Delta ${tag}`, users, LAB_OU);
  const out: DeltaLatency = { seconds: [], sambaToolSeconds: [] };
  try {
    const t = await startSignedInTenant(join(dir, 'tenant'));
    const config = writeEngineConfig(join(dir, 'config.json'), lab, {
      tenantFile: t.tenantFile,
      stateDir: join(dir, 'state'),
      includeOUs: [own.ou],
      pollSeconds,
    });
    const enable = await phs(['enable', '--config', config], { home: t.home });
    if (enable.status !== 0) throw new Error(describeRun(['enable'], enable));
    const engine = startPhs(['run', '--config', config], { home: t.home, timeoutMs: 900_000 });
    try {
      const until = performance.now() + 120_000;
      while (storedCredentials(t.emu).size < changes) {
        if (performance.now() > until)
          throw new Error(`phs run did not deliver the first full sync:\n${engine.output().stderr}`);
        await sleep(100); // the first (full) sync, by `phs run`
      }
      for (const [i, u] of own.users.entries()) {
        const next = `Delta-${tag}-${i}-b`;
        const t0 = performance.now();
        await sambaToolSetPassword(lab, u.sam, next);
        const t1 = performance.now();
        while (!(await signIn(t.emu.info, u.upn, next)).ok) {
          if (performance.now() - t1 > 120_000)
            throw new Error(`${u.sam}: the new password was not accepted within 120 s`);
          await sleep(50);
        }
        out.seconds.push((performance.now() - t1) / 1000);
        out.sambaToolSeconds.push((t1 - t0) / 1000);
        await sleep(Math.random() * pollSeconds * 1000); // the next change lands elsewhere in the poll interval
      }
    } finally {
      engine.kill('SIGTERM');
      await engine.done;
      await t.emu.close();
    }
  } finally {
    await deleteOu(lab, own.ou);
  }
  return out;
}
