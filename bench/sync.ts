/**
 * `npm run bench:sync`: the sync engine on the lab — the real `phs` CLI, MS-DRSR replication from
 * the Samba DC, the hash pool, the state store and the tenant emulator (in this process).
 * - full sync of 1,000 users (OU=Engine Load) and 5,000 users (OU=Bulk): seconds, users/s, peak
 *   RSS and CPU time of the engine process;
 * - delta latency with `phs run` polling every second: samba-tool changes a password → the
 *   emulator accepts the new one; p50 and p95 over 20 changes;
 * beside the limits measured in the same run: the hash pool's rate, the DC's replication rate and
 * the rate of the engine's tenant path alone (test/integration/engine/support/bench-limits.ts).
 * Seeds what is missing first (bulk users: ~30 ms each, once).
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { labPaths } from '../test/lab/config.ts';
import { BULK_OU } from '../test/lab/fixtures.ts';
import { tryReadLabInfo, type LabInfo } from '../test/lab/lab-info.ts';
import { poolRate, replicationRate, tenantRate } from '../test/integration/engine/support/bench-limits.ts';
import { deltaLatency, fullSync, type FullRun } from '../test/integration/engine/support/bench-runs.ts';
import { ensureLoadUsers, LOAD_COUNT, LOAD_OU } from '../test/integration/engine/support/load-users.ts';
import { killAllPhs } from '../test/integration/engine/support/phs-cli.ts';
import { removeTempDirs, tempDir } from '../test/integration/engine/support/workspace.ts';

const BULK = 5000;
const CHANGES = Number(process.env['BENCH_CHANGES'] ?? 20);
const POLL_SECONDS = 1;
const root = fileURLToPath(new URL('..', import.meta.url));

async function prepareLab(): Promise<LabInfo> {
  let info = tryReadLabInfo(labPaths().infoFile);
  if (info === null) {
    console.error('bench:sync: the lab is not set up. Start it with `npm run lab -- up`, then rerun.');
    process.exit(2);
  }
  if ((info.bulk?.count ?? 0) < BULK) {
    console.log(`bench:sync: seeding ${BULK} bulk users (idempotent, ~30 ms a user)…`);
    const seeded = spawnSync(process.execPath, ['test/lab/lab.ts', 'seed-bulk', '--count', String(BULK)], {
      cwd: root,
      stdio: 'inherit',
    });
    if (seeded.status !== 0) process.exit(2);
    info = tryReadLabInfo(labPaths().infoFile) ?? info;
  }
  await ensureLoadUsers(info, (line) => console.log(`bench:sync: ${line}`));
  return info;
}

const fmt = (n: number, digits = 1): string => n.toFixed(digits);

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

interface Limits {
  readonly pool: number;
  readonly replUsers: number;
  readonly replSeconds: number;
  readonly tenant: number;
}

function fullRow(label: string, r: FullRun): string {
  const cores = r.cpuSeconds / r.wallSeconds;
  return [
    label.padEnd(11),
    String(r.delivered).padStart(9),
    fmt(r.cycleSeconds, 2).padStart(7),
    fmt(r.delivered / r.cycleSeconds, 0).padStart(7),
    fmt(r.wallSeconds, 2).padStart(9),
    fmt(r.peakRssMb, 0).padStart(13),
    `${fmt(r.cpuSeconds)} s (${fmt(cores, 2)} cores)`.padStart(20),
  ].join(' | ');
}

/** How long each stage alone would take for this run, at the rates measured above. */
function bounds(r: FullRun, l: Limits): string {
  const stages: [string, number][] = [
    ['hashing', r.delivered / l.pool],
    [`replication (${l.replUsers} users)`, l.replSeconds],
    ['the tenant path', r.delivered / l.tenant],
  ];
  const slowest = stages.reduce((a, b) => (b[1] > a[1] ? b : a));
  const list = stages.map(([name, sec]) => `${name} ${fmt(sec, 2)} s`).join(', ');
  return `    each stage alone: ${list} → slowest: ${slowest[0]}; the cycle took ${fmt(r.cycleSeconds / slowest[1], 2)}x its time`;
}

async function limits(lab: LabInfo): Promise<Limits> {
  const pool = await poolRate(3);
  const repl = await replicationRate(lab);
  const tenant = await tenantRate(lab, BULK, tempDir('phs-bench-tenant-'));
  console.log('limits measured in this run:');
  console.log(
    `  hash pool (${pool.workers} workers, PBKDF2-HMAC-SHA256 x1000): ${fmt(pool.rate, 0)} hashes/s`,
  );
  console.log(
    `  DC replication (MS-DRSR full pass of the domain, hashes decrypted): ${repl.users} users in ` +
      `${fmt(repl.seconds, 2)} s = ${fmt(repl.users / repl.seconds, 0)} users/s (every full sync reads it all)`,
  );
  console.log(
    `  tenant path alone (a Graph upsert per new user, 8 at a time, 3 pages at once; credentials in batches ` +
      `of 500; client and emulator in one process): ${fmt(tenant, 0)} users/s`,
  );
  return { pool: pool.rate, replUsers: repl.users, replSeconds: repl.seconds, tenant };
}

async function main(): Promise<void> {
  const lab = await prepareLab();
  const load = (): string =>
    loadavg()
      .map((l) => fmt(l, 2))
      .join(' ');
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `machine: ${availableParallelism()} cores (${cpu}), Node ${process.versions.node}, load average ${load()}`,
  );
  console.log('');
  const limit = await limits(lab);
  console.log('');
  console.log('full sync (phs sync --full --once; the tenant emulator without a write budget):');
  console.log('users       | delivered | cycle s | users/s | process s | peak RSS (MB) | CPU of the engine');
  console.log(
    '----------- | --------- | ------- | ------- | --------- | ------------- | --------------------',
  );
  for (const [count, ou] of [
    [LOAD_COUNT, LOAD_OU],
    [BULK, BULK_OU],
  ] as const) {
    const [first, again] = await fullSync(lab, ou, tempDir('phs-bench-sync-'), 2);
    console.log(fullRow(count.toLocaleString('en'), first!));
    console.log(bounds(first!, limit));
    console.log(fullRow(`  again`, again!));
  }
  console.log(
    '  again: a second full sync on demand, the cloud users already there (no Graph user creation).',
  );
  console.log("  cycle s: the engine's record of the full pass; process s: the CLI from start to exit.");
  console.log('');
  const delta = await deltaLatency(lab, tempDir('phs-bench-delta-'), CHANGES, POLL_SECONDS);
  const p = (q: number): string => fmt(percentile(delta.seconds, q), 2);
  console.log(
    `delta latency (phs run, pollSeconds ${POLL_SECONDS}; samba-tool user setpassword → the emulator accepts the new password), ${CHANGES} changes:`,
  );
  console.log(`  p50 ${p(50)} s, p95 ${p(95)} s, max ${p(100)} s (target: p95 under 10 s)`);
  console.log(
    `  (from samba-tool's exit; samba-tool itself took p50 ${fmt(percentile(delta.sambaToolSeconds, 50), 2)} s more)`,
  );
  console.log(`load average at the end: ${load()}`);
}

try {
  await main();
} finally {
  await killAllPhs();
  removeTempDirs();
}
