/**
 * `npm run bench:scale [-- --users N]` (default 100,000): the real sync engine at scale — the
 * engine as host/assemble-engine.ts joins it, the journal store in a temporary folder, the hash
 * pool and the tenant emulator over HTTPS (Graph user upserts, credential batches, no write
 * budget) — fed by a generated directory (bench/scale/generated-source.ts) that stands in for
 * MS-DRSR replication (whose own speed is bench:drsr's figure). The engine runs in a child process
 * whose RSS (worker threads included) is sampled every 100 ms from /proc; the emulator runs here.
 * A full sync of N users, then a delta of 1% changed passwords, then the state reopened in a
 * fresh process (openSyncStore + the engine's first status); then the emulator is checked.
 *
 * Options: --users N, --page-size 1000, --sample 200 (unchanged users whose password is checked),
 * --heap-snapshot <dir> (snapshots half-way through and at the end of the full pass: a profiling
 * run, its figures are not the benchmark's), --node-args="<flags for the engine child>"
 * (e.g. --node-args=--max-old-space-size=128), --timeout-minutes, --skip-limits (profiling runs: no hash pool or
 * tenant path figures), --bundle (the engine child built with esbuild as the product ships it,
 * bench/scale/bundle.ts; by default it runs from its TypeScript sources, as bench:sync's CLI does).
 */
import { mkdirSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SETTINGS } from '../electron/engine/settings.ts';
import { poolRate } from '../test/integration/engine/support/bench-limits.ts';
import { startSignedInTenant } from '../test/integration/engine/support/tenant.ts';
import { removeTempDirs, tempDir } from '../test/integration/engine/support/workspace.ts';
import { bundleEngineChild } from './scale/bundle.ts';
import { killChildren } from './scale/child-run.ts';
import { tenantPathRates } from './scale/limits.ts';
import { runSyncChildren } from './scale/phases.ts';
import { checkTenant, passed } from './scale/verify.ts';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '100000' },
    'page-size': { type: 'string', default: '1000' },
    sample: { type: 'string', default: '200' },
    'heap-snapshot': { type: 'string' },
    'node-args': { type: 'string', default: '' },
    'timeout-minutes': { type: 'string' },
    'skip-limits': { type: 'boolean', default: false },
    bundle: { type: 'boolean', default: false },
  },
});
const users = Number(values.users);
const pageSize = Number(values['page-size']);
if (
  !Number.isInteger(users) ||
  users < 100 ||
  users > 2_000_000 ||
  !Number.isInteger(pageSize) ||
  pageSize < 1
) {
  console.error(
    'bench:scale: --users must be an integer from 100 to 2,000,000 and --page-size a positive integer.',
  );
  process.exit(2);
}
const timeoutMs = Number(values['timeout-minutes'] ?? Math.max(10, Math.ceil(users / 5000))) * 60_000;
const nodeArgs = values['node-args'].split(/\s+/).filter((a) => a !== '');
const heapDir = values['heap-snapshot'] === undefined ? null : resolve(values['heap-snapshot']);
const fmt = (n: number, digits = 1): string => n.toFixed(digits);
const int = (n: number): string => Math.round(n).toLocaleString('en');
/** The engine's request shape: its default batch (the credential sink takes up to 1,000) and pages at once. */
const ENGINE_BATCH = Math.min(DEFAULT_SETTINGS.batchSize, 1000);
const PAGES_AT_ONCE = DEFAULT_SETTINGS.pagesInFlight;

/** The hash pool's rate and the tenant path's, alone, on this machine now. */
async function measureLimits(): Promise<{ readonly pool: number; readonly tenant: number }> {
  console.log('limits measured in this run:');
  const pool = await poolRate(3);
  console.log(`  hash pool (${pool.workers} workers, PBKDF2-HMAC-SHA256 x1000): ${int(pool.rate)} hashes/s`);
  const tenant = await tenantPathRates(
    { users, batch: ENGINE_BATCH, page: pageSize, pagesAtOnce: PAGES_AT_ONCE },
    tempDir('phs-bench-scale-path-'),
  );
  console.log(
    `  tenant path (emulator over HTTPS, client and emulator in one process, ${int(users)} users, ` +
      `requests of ${ENGINE_BATCH}, ${PAGES_AT_ONCE} pages at once): first delivery (Graph upsert + credential) ` +
      `${int(tenant.firstDelivery)} users/s; credentials alone ${int(tenant.credentialsOnly)} users/s`,
  );
  return { pool: pool.rate, tenant: tenant.firstDelivery };
}

async function main(): Promise<number> {
  const load = (): string =>
    loadavg()
      .map((l) => fmt(l, 2))
      .join(' ');
  const cores = availableParallelism();
  console.log(
    `machine: ${cores} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.versions.node}, load average ${load()}`,
  );
  console.log(`bench:scale: ${int(users)} generated users, replication pages of ${int(pageSize)}`);
  const limits = values['skip-limits'] ? null : await measureLimits();

  const dir = tempDir('phs-bench-scale-');
  if (heapDir !== null) mkdirSync(heapDir, { recursive: true });
  const t = await startSignedInTenant(join(dir, 'tenant'));
  try {
    const run = await runSyncChildren(
      {
        users,
        pageSize,
        tenantFile: t.tenantFile,
        home: t.home,
        stateDir: join(dir, 'state'),
        heapSnapshotDir: heapDir,
      },
      {
        nodeArgs,
        timeoutMs,
        bundle: values.bundle ? await bundleEngineChild(tempDir('phs-bench-scale-bundle-')) : null,
      },
    );
    if (run === null) return 1;
    const check = checkTenant(t.emu, users, 1, Number(values.sample));
    console.log(
      `tenant check (${fmt(check.seconds, 1)} s): ${int(check.users - check.missing)}/${int(check.users)} users hold a credential; ` +
        `${check.sampled - check.sampleFailed}/${check.sampled} sampled unchanged users verify their password; ` +
        `${check.changed - check.changedFailed}/${check.changed} changed users verify the new password and not the old one`,
    );
    const rate = run.delivered / run.fullSeconds;
    const beside =
      limits === null
        ? 'limits not measured (--skip-limits)'
        : `beside the limits: hash pool ${int(limits.pool)} hashes/s, tenant path ${int(limits.tenant)} users/s (first delivery)`;
    console.log(
      `throughput: ${int(rate)} users/s ${beside}, ${cores} cores; load average at the end ${load()}`,
    );
    console.log(
      `targets (set for 100,000 users): peak RSS <= 250 MB (${run.peakMb <= 250 ? 'met' : 'NOT met'}: ${fmt(run.peakMb, 0)} MB), ` +
        `reopen <= 5 s (${run.reopenSeconds <= 5 ? 'met' : 'NOT met'}: ${fmt(run.reopenSeconds, 2)} s)`,
    );
    if (!passed(check) || run.delivered !== users) {
      console.error('bench:scale: the tenant does not hold what the engine says it delivered.');
      return 1;
    }
    console.log(
      `bench:scale: ${users} users delivered in ${fmt(run.fullSeconds, 1)} s (${int(rate).replaceAll(',', '')} users/s); ` +
        `peak RSS ${fmt(run.peakMb, 0)} MB; state ${fmt(run.stateMb, 1)} MB; reopen ${fmt(run.reopenSeconds, 2)} s`,
    );
    return 0;
  } finally {
    await t.emu.close();
  }
}

let code = 1;
try {
  code = await main();
} finally {
  killChildren();
  removeTempDirs();
}
process.exit(code);
