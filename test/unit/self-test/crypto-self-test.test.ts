import { afterEach, describe, expect, it } from 'vitest';
import { HashPool } from '../../../electron/phs/pool.ts';
import { CryptoSelfTest } from '../../../electron/self-test/crypto-self-test.ts';
import { runChecks } from '../../../electron/self-test/run-checks.ts';
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import { brokenMd4, inThreadWorkers } from './stubs.ts';

const pools: HashPool[] = [];
function pool(options: ConstructorParameters<typeof HashPool>[0] = {}): HashPool {
  const p = new HashPool({ size: 1, ...options });
  pools.push(p);
  return p;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('the crypto self-test', () => {
  it('runs every primitive in main and in a real hash worker, and passes', async () => {
    const report = await new CryptoSelfTest({ workers: pool() }).report();
    expect(report.passed).toBe(true);
    expect(report.failure).toBeUndefined();
    const main = report.results.filter((r) => r.where === 'main');
    const worker = report.results.filter((r) => r.where === 'worker');
    expect(worker.map((r) => r.name)).toEqual(main.map((r) => r.name));
    expect(main).toHaveLength(8);
    expect(report.results.every((r) => r.passed)).toBe(true);
  });

  it('runs once and answers from its cache after that', async () => {
    const workers = inThreadWorkers();
    const test = new CryptoSelfTest({ workers });
    const first = await test.report();
    await test.ensurePassed();
    expect(await test.report()).toBe(first);
    expect(workers.calls).toBe(1);
  });

  it('fails with CRYPTO_SELF_TEST_FAILED naming a primitive broken in main (a stub)', async () => {
    const test = new CryptoSelfTest({ workers: inThreadWorkers(), deps: brokenMd4 });
    const report = await test.report();
    expect(report.passed).toBe(false);
    expect(report.failure).toMatchObject({
      code: ErrorCode.CryptoSelfTestFailed,
      message: expect.stringContaining('MD4 in the main process'),
    });
    const error = await test.ensurePassed().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: ErrorCode.CryptoSelfTestFailed,
      remediation: report.failure!.remediation,
    });
  });

  it('reports a primitive that fails inside a hash worker (the worker runs its checks on message)', async () => {
    const workers = pool({ workerFile: new URL('./fixtures/broken-crypto-worker.ts', import.meta.url) });
    const report = await new CryptoSelfTest({ workers }).report();
    expect(report.results.filter((r) => !r.passed).map((r) => `${r.name} in ${r.where}`)).toEqual([
      'DES in worker',
    ]);
    expect(report.failure?.message).toContain('DES in the hash workers');
  });

  it('does not cache a run that could not finish (the pool shut down): the next call runs again', async () => {
    const p = pool();
    await p.close();
    await expect(new CryptoSelfTest({ workers: p }).report()).rejects.toMatchObject({
      code: ErrorCode.PoolClosed,
    });
    let attempts = 0;
    const flaky = {
      selfTest: async () => {
        if (attempts++ === 0)
          throw new AppError(ErrorCode.PoolClosed, 'The hash pool is shut down.', 'Start it again.');
        return runChecks('worker');
      },
    };
    const test = new CryptoSelfTest({ workers: flaky });
    await expect(test.report()).rejects.toMatchObject({ code: ErrorCode.PoolClosed });
    expect((await test.report()).passed).toBe(true);
    expect(attempts).toBe(2);
  });

  it('counts a primitive the worker did not report as failed there', async () => {
    const partial = { selfTest: async () => runChecks('worker').filter((r) => r.name !== 'RC4') };
    const report = await new CryptoSelfTest({ workers: partial }).report();
    expect(report.results.filter((r) => !r.passed)).toEqual([
      expect.objectContaining({
        name: 'RC4',
        where: 'worker',
        error: 'the hash worker did not report this primitive',
      }),
    ]);
  });
});
