/**
 * `phs ad <subcommand>`: Active Directory commands. Each subcommand is one line of the table
 * below (run, summary, help); everything else (help, unknown names, errors → exit codes) is
 * handled here once. An AppError (connection, bind, directory) exits 2, as bad input does.
 */
import { AppError } from '../../shared/errors.ts';
import { AD_CREDENTIAL_HELP, adCredentialCommand } from './ad-credential-command.ts';
import { AD_TEST_HELP, adTestCommand } from './ad-test-command.ts';
import { AD_USERS_HELP, adUsersCommand } from './ad-users-command.ts';
import { ExitCode, printError, type CliIo } from './io.ts';

export interface AdSubcommand {
  readonly run: (args: readonly string[], io: CliIo) => Promise<ExitCode>;
  readonly summary: string;
  readonly help: string;
}

export const AD_SUBCOMMANDS: Readonly<Record<string, AdSubcommand>> = {
  test: {
    run: adTestCommand,
    summary: 'connect, bind, show the directory and check the replication rights',
    help: AD_TEST_HELP,
  },
  users: { run: adUsersCommand, summary: 'list the users in scope (never any secret)', help: AD_USERS_HELP },
  credential: {
    run: adCredentialCommand,
    summary: "print the PHS wire string of a user's current password (by replication)",
    help: AD_CREDENTIAL_HELP,
  },
};

export const AD_HELP = `Usage: phs ad <subcommand> --directory <file.json> [options]

Active Directory over LDAPS (or LDAP with StartTLS).

Subcommands:
${Object.entries(AD_SUBCOMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run "phs ad <subcommand> --help" for its options.`;

export async function adCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${AD_HELP}\n`);
    return name === undefined ? ExitCode.BadInput : ExitCode.Ok;
  }
  const sub = AD_SUBCOMMANDS[name];
  if (!sub) {
    printError(io, `unknown subcommand "ad ${name}".`, 'Run "phs ad --help" to list them.');
    return ExitCode.BadInput;
  }
  try {
    return await sub.run(rest, io);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    printError(io, error.message, error.remediation);
    return ExitCode.BadInput;
  }
}
