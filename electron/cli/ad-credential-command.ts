/**
 * `phs ad credential`: the PHS wire string for one user's current password, read from the DC by
 * directory replication (MS-DRSR, a single-object read). The NT hash never leaves this process:
 * it goes straight into the PHS transform and is wiped; only the wire string is printed.
 */
import { parseArgs } from 'node:util';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { SALT_BYTES } from '../../shared/validators.ts';
import { connectReplication } from '../host/composition-root.ts';
import { PHS_ITERATIONS, newSalt, wireFromNtHash } from '../phs/orgid.ts';
import { PASSWORD_ENV } from './ad-config.ts';
import { cliLogger, directoryOf } from './ad-session.ts';
import { ExitCode, UsageError, printError, type CliIo } from './io.ts';
import { parseHexOption, parseIterations } from './hash-command.ts';

export const AD_CREDENTIAL_HELP = `Usage: phs ad credential --directory <file.json> --user <name> [--salt <20 hex>] [--iterations N]

Reads one user's current NT hash from the domain controller by directory replication
(MS-DRSR GetNCChanges, single object) and prints the PHS wire string that would be sent to
Microsoft Entra ID for it, in the format of "phs hash":
  v1;PPH1_MD4,<salt>,<iterations>,<key>;
The NT hash itself is never printed.

The account in the directory file needs "Replicating Directory Changes" and "Replicating
Directory Changes All" on the domain. Its username must be DOMAIN\\name or name@domain (RPC
authenticates with NTLM, which cannot use a DN). The DC's RPC endpoint mapper (TCP 135) and
its dynamic RPC port must be reachable; the host is taken from the directory file's url.

Options:
  --directory <file>  the directory file (see "phs ad test --help"; password also from ${PASSWORD_ENV})
  --user <name>       sAMAccountName, DOMAIN\\name, userPrincipalName (user@domain) or DN
  --salt <hex>        the 10-byte salt as 20 hex digits (default: a fresh random salt)
  --iterations <N>    PBKDF2 iterations (default ${PHS_ITERATIONS})
  --verbose           log the replication steps to standard error (never a hash or key)
  -h, --help          show this help

Exit codes: 0 printed, 2 bad input or connection failure, 3 the account lacks a replication
right, 4 the user has no password.`;

export async function adCredentialCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      directory: { type: 'string' },
      user: { type: 'string' },
      salt: { type: 'string' },
      iterations: { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  const config = directoryOf(values, io, AD_CREDENTIAL_HELP);
  if (config === null) return ExitCode.Ok;
  if (values.user === undefined || values.user.trim() === '')
    throw new UsageError('--user <name> is required.');
  const salt = parseHexOption(values.salt, SALT_BYTES, '--salt') ?? newSalt();
  const iterations = parseIterations(values.iterations);
  const client = await connectReplication({
    host: config.settings.host,
    username: config.credentials.username,
    password: config.credentials.password,
    log: cliLogger(io, values.verbose === true),
    ...(config.settings.timeoutMs === undefined ? {} : { timeoutMs: config.settings.timeoutMs }),
  }).catch((error: unknown) => {
    // A user name RPC cannot use is bad input (exit 2), like any other mistake in the file.
    if (error instanceof AppError && error.code === ErrorCode.ConfigInvalid)
      throw new UsageError(`${error.message} ${error.remediation}`);
    throw error;
  });
  try {
    const user = await client.readUser((await client.findUser(values.user)).dn);
    if (user.ntHash === null) {
      printError(
        io,
        `${user.sAMAccountName ?? user.dn} has no password, so there is no hash to synchronise.`,
        'Set a password for the account if it should sign in to the cloud.',
      );
      return ExitCode.NoPassword;
    }
    try {
      io.stdout.write(`${wireFromNtHash(user.ntHash, salt, iterations)}\n`);
    } finally {
      user.ntHash.fill(0);
    }
    return ExitCode.Ok;
  } catch (error) {
    if (error instanceof AppError && error.code === ErrorCode.DrsrMissingRights) {
      printError(io, error.message, error.remediation);
      return ExitCode.MissingRights;
    }
    throw error;
  } finally {
    await client.close();
  }
}
