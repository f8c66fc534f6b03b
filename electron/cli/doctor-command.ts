/**
 * `phs doctor [--json]`: runs the crypto self-test (every primitive, in this process and in a hash
 * worker) and reports each one. Exit 0 when all pass; otherwise 1 with the named error
 * (CRYPTO_SELF_TEST_FAILED) and what to do, as sync itself would refuse to run.
 */
import { parseArgs } from 'node:util';
import type { SelfTestReport } from '../../shared/self-test-schemas.ts';
import { hashPool } from '../host/composition-root.ts';
import { CryptoSelfTest } from '../self-test/crypto-self-test.ts';
import { formatDoctor } from './doctor-output.ts';
import { DOCTOR_HELP } from './doctor-help.ts';
import { ExitCode, printError, type CliIo } from './io.ts';

export interface DoctorDeps {
  /** The self-test to run and how to release what it used (default: a one-worker pool). */
  readonly open?: () => { readonly selfTest: Pick<CryptoSelfTest, 'report'>; close(): Promise<void> };
}

function openDefault(): ReturnType<NonNullable<DoctorDeps['open']>> {
  const pool = hashPool({ size: 1 });
  return { selfTest: new CryptoSelfTest({ workers: pool }), close: () => pool.close() };
}

export async function doctorCommand(
  args: readonly string[],
  io: CliIo,
  deps: DoctorDeps = {},
): Promise<ExitCode> {
  const { values } = parseArgs({
    args: [...args],
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout.write(`${DOCTOR_HELP}\n`);
    return ExitCode.Ok;
  }
  const { selfTest, close } = (deps.open ?? openDefault)();
  let report: SelfTestReport;
  try {
    report = await selfTest.report();
  } finally {
    await close();
  }
  io.stdout.write(`${values.json ? JSON.stringify(report) : formatDoctor(report)}\n`);
  if (report.failure === undefined) return ExitCode.Ok;
  printError(io, report.failure.message, report.failure.remediation);
  return ExitCode.Failed;
}
