/**
 * `npm run bench:hash`: PHS hashes per second through the worker pool with 1…N workers, beside
 * the machine's limit measured in the same run: the single-thread rate of native PBKDF2 (the
 * same 64-byte input, 10-byte salt, 1000 iterations, 32-byte key) times the number of cores.
 */
import { availableParallelism, cpus } from 'node:os';
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { HashPool, type HashItem } from '../electron/phs/pool.ts';
import { PHS_ITERATIONS, KEY_LENGTH, orgIdInput } from '../electron/phs/orgid.ts';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 6);
const BATCH = 256;
const cores = availableParallelism();

function singleThreadRate(seconds: number): number {
  const input = orgIdInput(randomBytes(16));
  const salt = randomBytes(10);
  for (let i = 0; i < 200; i++) pbkdf2Sync(input, salt, PHS_ITERATIONS, KEY_LENGTH, 'sha256');
  const started = performance.now();
  let n = 0;
  while (performance.now() - started < seconds * 1000) {
    for (let i = 0; i < 50; i++) pbkdf2Sync(input, salt, PHS_ITERATIONS, KEY_LENGTH, 'sha256');
    n += 50;
  }
  return n / ((performance.now() - started) / 1000);
}

function batch(): HashItem[] {
  return Array.from({ length: BATCH }, () => ({ ntHash: randomBytes(16) }));
}

async function poolRate(workers: number, seconds: number): Promise<number> {
  const pool = new HashPool({ size: workers });
  try {
    await pool.hash(batch()); // warm-up: workers started and JIT-compiled
    const started = performance.now();
    const deadline = started + seconds * 1000;
    let hashed = 0;
    function* source(): Generator<HashItem[]> {
      while (performance.now() < deadline) yield batch();
    }
    for await (const wires of pool.map(source())) hashed += wires.length;
    return hashed / ((performance.now() - started) / 1000);
  } finally {
    await pool.close();
  }
}

const single = singleThreadRate(SECONDS / 2);
const limit = single * cores;
console.log(`machine: ${cores} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.versions.node}, OpenSSL ${process.versions.openssl}`);
console.log(`native PBKDF2-HMAC-SHA256 x${PHS_ITERATIONS}, one thread: ${single.toFixed(0)} hashes/s`);
console.log(`machine limit (single-thread rate x ${cores} cores): ${limit.toFixed(0)} hashes/s`);
console.log('');
console.log('workers | hashes/s | % of limit');
console.log('------- | -------- | ----------');
let last = 0;
for (let workers = 1; workers <= cores; workers++) {
  last = await poolRate(workers, SECONDS);
  console.log(`${String(workers).padStart(7)} | ${last.toFixed(0).padStart(8)} | ${((last / limit) * 100).toFixed(1).padStart(9)}%`);
}
console.log(`pool: ${last.toFixed(0)} hashes/s = ${((last / limit) * 100).toFixed(1)}% of the machine limit`);
