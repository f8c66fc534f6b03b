/**
 * `phs verify --config <file> [--json] [--grace s] [--skew s] [--user name]`: each in-scope user's
 * password change on premises beside the cloud's (electron/verify/). Exit 0 when no user is
 * behind or missing from the cloud, 1 when some are, 2 on bad input or when either end cannot be
 * reached (the named error and what to do go to stderr).
 */
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors.ts';
import { loadEngineConfig, type EngineConfig } from '../host/composition-root.ts';
import type { OpenVerifyOptions, VerifyEnds } from '../host/composition-root.ts';
import { createLogger } from '../../shared/logger.ts';
import { stderrSink } from '../log/stderr-sink.ts';
import { DEFAULT_POLICY, type VerifyReport } from '../verify/model.ts';
import { needsAttention } from '../verify/report.ts';
import { verify } from '../verify/verify.ts';
import { ExitCode, UsageError, printError, type CliIo } from './io.ts';
import { VERIFY_HELP } from './verify-help.ts';
import { formatVerify } from './verify-output.ts';

export interface VerifyDeps {
  readonly open?: (config: EngineConfig, options: OpenVerifyOptions) => Promise<VerifyEnds>;
  readonly env?: NodeJS.ProcessEnv;
  readonly now?: () => number;
}

const OPTIONS = {
  config: { type: 'string' },
  json: { type: 'boolean' },
  grace: { type: 'string' },
  skew: { type: 'string' },
  user: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** A whole number of seconds, 0 to 30 days. */
export function parseSeconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d{1,7}$/.test(value.trim()) || !Number.isSafeInteger(n) || n > 2_592_000)
    throw new UsageError(`--${name} must be a whole number of seconds from 0 to 2592000, not "${value}".`);
  return n;
}

async function openDefault(config: EngineConfig, options: OpenVerifyOptions): Promise<VerifyEnds> {
  return (await import('../host/composition-root.ts')).openVerify(config, options);
}

export async function verifyCommand(
  args: readonly string[],
  io: CliIo,
  deps: VerifyDeps = {},
): Promise<ExitCode> {
  const { values } = parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: false });
  if (values.help) {
    io.stdout.write(`${VERIFY_HELP}\n`);
    return ExitCode.Ok;
  }
  if (values.config === undefined) throw new UsageError('--config <file.json> is required.');
  if (values.user !== undefined && values.user.trim() === '') throw new UsageError('--user needs a name.');
  const policy = {
    graceSeconds: parseSeconds('grace', values.grace, DEFAULT_POLICY.graceSeconds),
    skewSeconds: parseSeconds('skew', values.skew, DEFAULT_POLICY.skewSeconds),
  };
  const env = deps.env ?? process.env;
  const logger = createLogger({
    process: 'cli',
    sinks: [stderrSink()],
    level: env['PHS_LOG_LEVEL'] === 'debug' ? 'debug' : 'warn',
  });
  let report: VerifyReport;
  try {
    const config = loadEngineConfig(values.config, env);
    const ends = await (deps.open ?? openDefault)(config, { logger, env });
    try {
      report = await verify(ends.onPrem, ends.cloud, {
        ...policy,
        forceChangeFeature: ends.forceChangeFeature,
        ...(values.user === undefined ? {} : { user: values.user }),
        ...(deps.now === undefined ? {} : { now: deps.now }),
      });
    } finally {
      await ends.close();
    }
  } catch (error) {
    // Bad input or an end that cannot be read: never a verdict, so never exit 1.
    if (error instanceof AppError) printError(io, error.message, error.remediation);
    else printError(io, 'an unexpected internal error occurred.', 'Retry; if it persists, report it.');
    return ExitCode.BadInput;
  }
  io.stdout.write(`${values.json ? JSON.stringify(report) : formatVerify(report)}\n`);
  return needsAttention(report.summary.counts) ? ExitCode.Failed : ExitCode.Ok;
}
