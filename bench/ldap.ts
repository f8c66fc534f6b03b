/**
 * `npm run bench:ldap`: stream the lab's 5,000 bulk users through the directory service (LDAPS,
 * paged results, bound as the least-privileged account) and report users/s beside peak RSS.
 *
 * How it is measured: each round opens a fresh session (connect + bind timed separately), then
 * times from the first search request to the last user object received. Peak RSS is sampled
 * every 5 ms during the stream (process.memoryUsage().rss) and, as a cross-check, the kernel's
 * high-water mark for the whole process (process.resourceUsage().maxRSS). "RSS after 1k users"
 * versus "RSS at the end" shows whether memory grows with the number of users (it must not:
 * one page is held at a time). Page sizes 100, 500 (the default) and 1000 are compared, and the
 * client's own CPU time during the stream shows which side is the bottleneck.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDirectoryService } from '../electron/directory/ldap/index.ts';
import { LdapSession } from '../electron/directory/ldap/connection/session.ts';
import { streamUsers } from '../electron/directory/ldap/users.ts';
import { silentLogger } from '../shared/logger.ts';
import { labPaths } from '../test/lab/config.ts';
import { tryReadLabInfo, type LabInfo } from '../test/lab/lab-info.ts';

const USERS = 5000;
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const PAGE_SIZES = [100, 500, 1000] as const;
const root = fileURLToPath(new URL('..', import.meta.url));
const MB = 1024 * 1024;

function lab(): LabInfo {
  const info = tryReadLabInfo(labPaths().infoFile);
  if (info === null) {
    console.error('bench:ldap: the lab is not set up. Start it with `npm run lab -- up`, then rerun.');
    process.exit(2);
  }
  if ((info.bulk?.count ?? 0) >= USERS) return info;
  console.log(`bench:ldap: seeding ${USERS} bulk users (idempotent, ~30 ms a user)…`);
  const seeded = spawnSync(process.execPath, ['test/lab/lab.ts', 'seed-bulk', '--count', String(USERS)], {
    cwd: root,
    stdio: 'inherit',
  });
  const after = tryReadLabInfo(labPaths().infoFile);
  if (seeded.status !== 0 || after === null || (after.bulk?.count ?? 0) < USERS) {
    console.error(`bench:ldap: seeding failed; run \`npm run lab -- seed-bulk --count ${USERS}\` by hand.`);
    process.exit(2);
  }
  return after;
}

interface Round {
  readonly users: number;
  readonly connectMs: number;
  readonly seconds: number;
  readonly peakRss: number;
  readonly rssAfter1k: number;
  readonly rssEnd: number;
  /** Client CPU time (user + system) during the stream, as a share of the wall time. */
  readonly cpuShare: number;
}

async function round(info: LabInfo, pageSize: number): Promise<Round> {
  const settings = {
    host: info.host,
    port: info.ldapsPort,
    transport: 'ldaps' as const,
    trust: { kind: 'pem' as const, pem: fs.readFileSync(info.caFile, 'utf8') },
    serverName: info.serverName,
    timeoutMs: 60_000,
  };
  const began = performance.now();
  const session = await LdapSession.open(
    settings,
    { username: info.nonAdmin.netbiosName, password: info.nonAdmin.password },
    silentLogger,
  );
  const connectMs = performance.now() - began;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
  try {
    let users = 0;
    let rssAfter1k = 0;
    const started = performance.now();
    const cpu = process.cpuUsage();
    for await (const user of streamUsers(
      session,
      { includedOus: [info.bulk!.ou], excludedOus: [] },
      pageSize,
    )) {
      if (user.objectGuid.length !== 16) throw new Error(`bad objectGUID for ${user.dn}`);
      if (++users === 1000) rssAfter1k = process.memoryUsage().rss;
    }
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const rssEnd = process.memoryUsage().rss;
    return {
      users,
      connectMs,
      seconds,
      peakRss: Math.max(peakRss, rssEnd),
      rssAfter1k,
      rssEnd,
      cpuShare: (used.user + used.system) / 1e6 / seconds,
    };
  } finally {
    clearInterval(sampler);
    await session.close();
  }
}

const rssAtStart = process.memoryUsage().rss;
const info = lab();
const service = createDirectoryService();
const check = await service.connect(
  {
    host: info.host,
    port: info.ldapsPort,
    transport: 'ldaps',
    trust: { kind: 'pem', pem: fs.readFileSync(info.caFile, 'utf8') },
    serverName: info.serverName,
  },
  { username: info.nonAdmin.netbiosName, password: info.nonAdmin.password },
);
const inScope = await check.countUsers({ includedOus: [info.bulk!.ou], excludedOus: [] });
const dc = (await check.discover()).dc.dnsHostName;
await check.close();

console.log(
  `bench:ldap: stream the users of ${info.bulk!.ou} (${inScope} users) from ${dc} over LDAPS as ${info.nonAdmin.netbiosName}`,
);
console.log(`Node ${process.versions.node}; ${ROUNDS} rounds per page size; a fresh session per round`);
console.log(
  `RSS at start ${(rssAtStart / MB).toFixed(1)} MB; after counting the users once (page size 1000): ${(process.memoryUsage().rss / MB).toFixed(1)} MB`,
);
console.log('');
console.log(
  'page size | round | users | connect+bind ms | seconds | users/s | peak RSS MB | RSS after 1k users MB | RSS at end MB | client CPU',
);
console.log(
  '--------- | ----- | ----- | --------------- | ------- | ------- | ----------- | --------------------- | ------------- | ----------',
);
const best: { pageSize: number; rate: number; peak: number }[] = [];
for (const pageSize of PAGE_SIZES) {
  let top = { pageSize, rate: 0, peak: 0 };
  for (let r = 1; r <= ROUNDS; r++) {
    const x = await round(info, pageSize);
    const rate = x.users / x.seconds;
    if (rate > top.rate) top = { pageSize, rate, peak: x.peakRss };
    console.log(
      `${String(pageSize).padStart(9)} | ${String(r).padStart(5)} | ${String(x.users).padStart(5)} | ${x.connectMs.toFixed(0).padStart(15)} | ${x.seconds.toFixed(3).padStart(7)} | ${rate.toFixed(0).padStart(7)} | ${(x.peakRss / MB).toFixed(1).padStart(11)} | ${(x.rssAfter1k / MB).toFixed(1).padStart(21)} | ${(x.rssEnd / MB).toFixed(1).padStart(13)} | ${(x.cpuShare * 100).toFixed(0).padStart(9)}%`,
    );
  }
  best.push(top);
}
console.log('');
for (const b of best)
  console.log(
    `best at page size ${b.pageSize}: ${b.rate.toFixed(0)} users/s, peak RSS ${(b.peak / MB).toFixed(1)} MB`,
  );
console.log(
  `process peak RSS (kernel high-water mark, whole run): ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB`,
);
console.log('client CPU well below 100% means the DC, not this client, sets the pace.');
