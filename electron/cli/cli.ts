/**
 * The headless `phs` command. Each command is a function over injected streams returning an
 * exit code; this file only routes and turns errors into one readable line.
 */
import { AppError } from '../../shared/errors.ts';
import { hashCommand, HASH_HELP } from './hash-command.ts';
import { DOCTOR_HELP, DOCTOR_SUMMARY } from './doctor-help.ts';
import { tenantCommand, TENANT_HELP } from './tenant-command.ts';
import { VERIFY_HELP, VERIFY_SUMMARY } from './verify-help.ts';
import { ExitCode, UsageError, printError, type CliIo } from './io.ts';
import { ENGINE_HELP, ENGINE_SUMMARY, type EngineCommandName } from './engine-help.ts';

type Command = (args: readonly string[], io: CliIo) => Promise<ExitCode>;

/** The engine commands load the engine (and its dependencies) only when one of them runs. */
function engine(name: EngineCommandName): Command {
  return async (args, io) => {
    const [{ engineCommand }, { openCliEngine }, { createLogger }, { stderrSink }] = await Promise.all([
      import('./engine-commands.ts'),
      import('../host/composition-root.ts'),
      import('../../shared/logger.ts'),
      import('../log/stderr-sink.ts'),
    ]);
    const logger = createLogger({
      process: 'cli',
      sinks: [stderrSink()],
      level: process.env['PHS_LOG_LEVEL'] === 'debug' ? 'debug' : 'warn',
    });
    return engineCommand(name, { open: (config, o) => openCliEngine(config, { ...o, logger }) })(args, io);
  };
}

function engineEntry(name: EngineCommandName): {
  readonly run: Command;
  readonly summary: string;
  readonly help: string;
} {
  return { run: engine(name), summary: ENGINE_SUMMARY[name], help: ENGINE_HELP[name] };
}

const COMMANDS: Readonly<
  Record<string, { readonly run: Command; readonly summary: string; readonly help: string }>
> = {
  hash: { run: hashCommand, summary: 'print the PHS wire string for a password or NT hash', help: HASH_HELP },
  ad: {
    run: async (args, io) => (await import('./ad-command.ts')).adCommand(args, io),
    summary: 'Active Directory: test the connection and rights, list users, read one credential',
    help: 'Usage: phs ad <test|users|credential> --directory <file.json> [options]. Run "phs ad --help" for details.',
  },
  tenant: {
    run: tenantCommand,
    summary: 'sign in to the Entra tenant, show it, sign out',
    help: TENANT_HELP,
  },
  enable: engineEntry('enable'),
  sync: engineEntry('sync'),
  run: engineEntry('run'),
  status: engineEntry('status'),
  diagnose: engineEntry('diagnose'),
  disable: engineEntry('disable'),
  doctor: {
    run: async (args, io) => (await import('./doctor-command.ts')).doctorCommand(args, io),
    summary: DOCTOR_SUMMARY,
    help: DOCTOR_HELP,
  },
  verify: {
    run: async (args, io) => (await import('./verify-command.ts')).verifyCommand(args, io),
    summary: VERIFY_SUMMARY,
    help: VERIFY_HELP,
  },
};

export const MAIN_HELP = `phs — password hash synchronization from Active Directory to Microsoft Entra ID

Usage: phs <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}
  help       show help for a command: phs help <command>

Run "phs <command> --help" for a command's options.`;

export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.stdout.write(`${MAIN_HELP}\n`);
    return name === undefined ? ExitCode.BadInput : ExitCode.Ok;
  }
  if (name === 'help') {
    const target = rest[0] === undefined ? undefined : COMMANDS[rest[0]];
    io.stdout.write(`${target ? target.help : MAIN_HELP}\n`);
    return ExitCode.Ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    printError(io, `unknown command "${name}".`, 'Run "phs --help" to list the commands.');
    return ExitCode.BadInput;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return reportError(io, name, error);
  }
}

function reportError(io: CliIo, command: string, error: unknown): ExitCode {
  if (error instanceof UsageError) {
    printError(io, error.message, `Run "phs ${command} --help".`);
    return ExitCode.BadInput;
  }
  if (isParseArgsError(error)) {
    // node:util's messages span several lines; the first one names the problem.
    const first = error.message.split('\n')[0] ?? error.message;
    printError(io, `${first.replace(/\.$/, '')}.`, `Run "phs ${command} --help".`);
    return ExitCode.BadInput;
  }
  if (error instanceof AppError) {
    printError(io, error.message, error.remediation);
    return ExitCode.Failed;
  }
  printError(io, 'an unexpected internal error occurred.', 'Retry; if it persists, report it.');
  return ExitCode.Failed;
}

function isParseArgsError(error: unknown): error is Error & { code: string } {
  if (!(error instanceof Error) || !('code' in error)) return false;
  return typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS');
}
