/** Broken primitives for the self-test's tests: each stub breaks one thing the way a bad runtime would. */
import { defaultCryptoDeps, type CryptoDeps } from '../../../electron/self-test/crypto-deps.ts';
import type { WorkerSelfTest } from '../../../electron/self-test/crypto-self-test.ts';
import { runChecks } from '../../../electron/self-test/run-checks.ts';

/** MD4 that answers zeros: a wrong answer, not a refusal. */
export const brokenMd4: CryptoDeps = { ...defaultCryptoDeps, md4: () => Buffer.alloc(16) };

/** A FIPS-mode runtime: createHash('md5') throws as Node's does, and MD5-based functions too. */
export const fipsMode: CryptoDeps = {
  ...defaultCryptoDeps,
  getFips: () => 1,
  createHash: (algorithm) => {
    if (algorithm === 'md5') throw new Error('Digest method not supported');
    return defaultCryptoDeps.createHash(algorithm);
  },
  md5: () => {
    throw new Error('Digest method not supported');
  },
  hmacMd5: () => {
    throw new Error('Invalid digest: md5');
  },
};

/** The worker part, run in this thread with `deps` (no thread: for tests of the aggregation). */
export function inThreadWorkers(deps: CryptoDeps = defaultCryptoDeps): WorkerSelfTest & { calls: number } {
  const workers = {
    calls: 0,
    selfTest: async () => {
      workers.calls++;
      return runChecks('worker', deps);
    },
  };
  return workers;
}
