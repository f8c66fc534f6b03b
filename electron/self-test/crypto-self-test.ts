/**
 * The start-up self-test: every primitive's known answers in this (main) thread and in a hash
 * worker (through a worker message: HashPool.selfTest). It runs once and its report is cached;
 * the app and the CLI each make one CryptoSelfTest per process, and the engine asks it before
 * every cycle (CryptoGate). A run that could not finish (the pool shut down, a worker crashed)
 * is not a verdict: it is not cached, and the next call runs it again.
 */
import { AppError } from '../../shared/errors.ts';
import type { PrimitiveResult, SelfTestReport } from '../../shared/self-test-schemas.ts';
import type { CryptoGate } from '../engine/ports.ts';
import { defaultCryptoDeps, type CryptoDeps } from './crypto-deps.ts';
import { selfTestFailure } from './failure.ts';
import { runChecks } from './run-checks.ts';

/** Runs the checks in a hash worker (the HashPool fits as is). */
export interface WorkerSelfTest {
  selfTest(): Promise<readonly PrimitiveResult[]>;
}

export interface CryptoSelfTestOptions {
  readonly workers: WorkerSelfTest;
  /** Test-only: the primitives of the main-process part (a stub breaks one). */
  readonly deps?: CryptoDeps;
}

export class CryptoSelfTest implements CryptoGate {
  readonly #options: CryptoSelfTestOptions;
  #report: Promise<SelfTestReport> | null = null;

  constructor(options: CryptoSelfTestOptions) {
    this.#options = options;
  }

  /** The report, run on first call and cached (a run that could not finish is retried next time). */
  report(): Promise<SelfTestReport> {
    this.#report ??= this.#run().catch((error: unknown) => {
      this.#report = null;
      throw error;
    });
    return this.#report;
  }

  /** Resolves when every primitive passed; rejects with CRYPTO_SELF_TEST_FAILED otherwise. */
  async ensurePassed(): Promise<void> {
    const { failure } = await this.report();
    if (failure) throw new AppError(failure.code, failure.message, failure.remediation);
  }

  async #run(): Promise<SelfTestReport> {
    const started = performance.now();
    const main = runChecks('main', this.#options.deps ?? defaultCryptoDeps);
    const worker = await this.#options.workers.selfTest();
    const results = [...main, ...worker, ...missingIn(worker, main)];
    const failure = selfTestFailure(results);
    const millis = performance.now() - started;
    return failure === null
      ? { passed: true, results, millis }
      : { passed: false, results, millis, failure: failure.toShape() };
  }
}

/** A primitive the worker did not report counts as failed there: nothing is assumed to pass. */
function missingIn(worker: readonly PrimitiveResult[], main: readonly PrimitiveResult[]): PrimitiveResult[] {
  const reported = new Set(worker.map((r) => r.name));
  return main
    .filter((r) => !reported.has(r.name))
    .map((r) => ({
      name: r.name,
      source: r.source,
      where: 'worker' as const,
      passed: false,
      runtime: worker[0]?.runtime ?? r.runtime,
      error: 'the hash worker did not report this primitive',
    }));
}
