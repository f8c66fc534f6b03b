/** `phs ad users`: the users in scope, streamed (one LDAP page in memory at a time). */
import { parseArgs } from 'node:util';
import {
  guidFromBytes,
  isEnabled,
  validateScope,
  type DirectoryUser,
  type Scope,
} from '../directory/ldap/index.ts';
import { AppError } from '../../shared/errors.ts';
import { directoryService } from '../host/composition-root.ts';
import { PASSWORD_ENV } from './ad-config.ts';
import { cliLogger, directoryOf, withSession } from './ad-session.ts';
import { ExitCode, UsageError, type CliIo } from './io.ts';

export const AD_USERS_HELP = `Usage: phs ad users --directory <file.json> [--ou <DN> …] [--exclude <DN> …] [--json]

Lists the user accounts in scope: sAMAccountName, userPrincipalName, objectGUID, whether the
account is enabled, and its DN. Never any password or hash.

Options:
  --directory <file>  the directory file (see "phs ad test --help"; password also from ${PASSWORD_ENV})
  --ou <DN>           an OU (or container) to include with everything below it; repeatable.
                      Default: the whole domain.
  --exclude <DN>      an OU below an included one to leave out; repeatable
  --json              print a JSON array of {sAMAccountName, userPrincipalName, objectGuid,
                      distinguishedName, enabled}
  --verbose           log the LDAP requests to standard error
  -h, --help          show this help

Exit codes: 0 listed, 2 bad input or connection failure.`;

export async function adUsersCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      directory: { type: 'string' },
      ou: { type: 'string', multiple: true },
      exclude: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  const config = directoryOf(values, io, AD_USERS_HELP);
  if (config === null) return ExitCode.Ok;
  const service = directoryService(cliLogger(io, values.verbose === true));
  await withSession(service, config, async (session) => {
    const included = values.ou ?? [(await session.discover()).domain.defaultNamingContext];
    const scope = checkedScope({ includedOus: included, excludedOus: values.exclude ?? [] });
    const write = values.json ? jsonWriter(io) : textWriter(io);
    for await (const user of session.streamUsers(scope)) write.user(user);
    write.end();
  });
  return ExitCode.Ok;
}

function checkedScope(scope: Scope): Scope {
  try {
    return validateScope(scope);
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(error.message);
    throw error;
  }
}

interface UserWriter {
  user(user: DirectoryUser): void;
  end(): void;
}

export function userJson(user: DirectoryUser) {
  return {
    sAMAccountName: user.sAMAccountName,
    userPrincipalName: user.userPrincipalName,
    objectGuid: guidFromBytes(user.objectGuid),
    distinguishedName: user.dn,
    enabled: isEnabled(user),
  };
}

/** A JSON array written item by item, so a large directory never sits in memory. */
function jsonWriter(io: CliIo): UserWriter {
  let first = true;
  return {
    user(user) {
      io.stdout.write(`${first ? '[\n' : ',\n'}  ${JSON.stringify(userJson(user))}`);
      first = false;
    },
    end() {
      io.stdout.write(first ? '[]\n' : '\n]\n');
    },
  };
}

function textWriter(io: CliIo): UserWriter {
  let count = 0;
  return {
    user(user) {
      const u = userJson(user);
      io.stdout.write(
        `${u.sAMAccountName.padEnd(22)} ${(u.userPrincipalName ?? '-').padEnd(36)} ${u.enabled ? 'enabled ' : 'disabled'} ${u.objectGuid} ${u.distinguishedName}\n`,
      );
      count++;
    },
    end() {
      io.stderr.write(`${count} user${count === 1 ? '' : 's'}\n`);
    },
  };
}
