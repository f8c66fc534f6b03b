/**
 * `npm run bench:drsr`: full-mode replication of the lab's users with their NT hashes, ours
 * (DrsrClient, pure TypeScript) beside Samba's own Python DRS client (python3-samba,
 * bench/drsr_peer.py) doing the same GetNCChanges cycle and decryption, alternately, in one run.
 * Each side is timed in-process from connect to the last page; one untimed warm-up round each
 * (our JIT, the DC's caches), then the median of the timed rounds counts.
 * Both print a SHA-256 over their sorted "guid:hash" lines, so equal digests prove equal results.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DrsrClient } from '../electron/directory/drsr/client.ts';
import { USER_ATTRIBUTES } from '../electron/directory/drsr/drsuapi/constants.ts';
import { labPaths } from '../test/lab/config.ts';
import { tryReadLabInfo, type LabInfo } from '../test/lab/lab-info.ts';

const USERS = 5000;
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const PAGE_SIZE = 1000;
const PYTHON = '/usr/bin/python3';
const root = fileURLToPath(new URL('..', import.meta.url));

interface Run {
  readonly users: number;
  readonly withHash: number;
  readonly pages: number;
  readonly seconds: number;
  readonly digest: string;
}

function lab(): LabInfo {
  const info = tryReadLabInfo(labPaths().infoFile);
  if (info === null) {
    console.error('bench:drsr: the lab is not set up. Start it with `npm run lab -- up`, then rerun.');
    process.exit(2);
  }
  if ((info.bulk?.count ?? 0) < USERS) {
    console.log(`bench:drsr: seeding ${USERS} bulk users (idempotent, ~30 ms a user)…`);
    const seeded = spawnSync(process.execPath, ['test/lab/lab.ts', 'seed-bulk', '--count', String(USERS)], {
      cwd: root,
      stdio: 'inherit',
    });
    if (seeded.status !== 0) {
      console.error(`bench:drsr: seeding failed; run \`npm run lab -- seed-bulk --count ${USERS}\` by hand.`);
      process.exit(2);
    }
    return tryReadLabInfo(labPaths().infoFile) ?? info;
  }
  return info;
}

async function ours(info: LabInfo): Promise<Run & { readonly ncDn: string; readonly dsa: string }> {
  const started = performance.now();
  const client = await DrsrClient.connect({
    host: info.host,
    username: 'Administrator',
    domain: info.netbiosDomain,
    password: info.admin.password,
  });
  const lines: string[] = [];
  let users = 0;
  let pages = 0;
  try {
    for await (const page of client.fullSync({ pageSize: PAGE_SIZE })) {
      pages++;
      for (const user of page.users) {
        users++;
        if (user.ntHash === null) continue;
        lines.push(`${user.objectGuid}:${user.ntHash.toString('hex')}`);
        user.ntHash.fill(0);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      users,
      withHash: lines.length,
      pages,
      seconds,
      digest: digest(lines),
      ncDn: client.domain.dn,
      dsa: client.dc.ntdsDsaObjectGuid,
    };
  } finally {
    await client.close();
  }
}

function peer(info: LabInfo, ncDn: string, dsa: string): Run {
  const input = JSON.stringify({
    host: info.host,
    username: 'Administrator',
    domain: info.netbiosDomain,
    password: info.admin.password,
    ncDn,
    dsa,
    pageSize: PAGE_SIZE,
    attributes: USER_ATTRIBUTES,
  });
  const result = spawnSync(PYTHON, [`${root}bench/drsr_peer.py`], {
    input,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (result.status !== 0) {
    console.error(
      `bench:drsr: the Samba Python peer failed (is python3-samba installed for ${PYTHON}?):\n${result.stderr}`,
    );
    process.exit(1);
  }
  return JSON.parse(result.stdout) as Run;
}

function digest(lines: string[]): string {
  return createHash('sha256').update(lines.sort().join('\n')).digest('hex');
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const info = lab();
console.log(
  `machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.versions.node}; DC ${info.serverName} on ${info.host}`,
);
console.log(
  `full replication of the domain NC, page size ${PAGE_SIZE}, 1 warm-up + ${ROUNDS} alternating rounds (connect → last page, NT hashes decrypted)`,
);
const warm = await ours(info);
peer(info, warm.ncDn, warm.dsa);
const mine: Run[] = [];
const theirs: Run[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  const a = await ours(info);
  mine.push(a);
  const b = peer(info, a.ncDn, a.dsa);
  theirs.push(b);
  console.log(
    `round ${round}: ours ${a.users} users (${a.withHash} hashes) in ${a.seconds.toFixed(2)} s; ` +
      `samba python ${b.users} users (${b.withHash} hashes) in ${b.seconds.toFixed(2)} s; same hashes: ${a.digest === b.digest ? 'yes' : 'NO'}`,
  );
}
const oursRate = median(mine.map((r) => r.users / r.seconds));
const peerRate = median(theirs.map((r) => r.users / r.seconds));
console.log('');
console.log(`ours (TypeScript DrsrClient):          ${oursRate.toFixed(0)} users/s`);
console.log(`peer (Samba python3-samba drs client): ${peerRate.toFixed(0)} users/s`);
console.log(`ratio ours/peer: ${(oursRate / peerRate).toFixed(2)}x`);
if (mine.some((r, i) => r.digest !== theirs[i]?.digest)) {
  console.error('bench:drsr: the two clients disagree on the hashes');
  process.exitCode = 1;
}
