/** The work of `phs tenant login|status|logout` (loaded on demand: msal-node is heavy to import). */
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { createLogger, silentLogger, type Logger } from '../../shared/logger.ts';
import { stderrSink } from '../log/stderr-sink.ts';
import { loadTenantConfigFile } from '../tenant/config.ts';
import type { TenantConnection } from '../tenant/connection.ts';
import { cliTenantConnection } from '../host/composition-root.ts';
import type { SignedInAccount } from '../tenant/tenant-auth.ts';
import { ExitCode, printError, type CliIo } from './io.ts';
import { readSecret } from './read-secret.ts';
import type { TenantArgs } from './tenant-args.ts';
import { systemOpener } from './tenant-browser.ts';
import { rolesText, statusJson, statusText } from './tenant-output.ts';

function notSignedIn(): AppError {
  return new AppError(
    ErrorCode.TenantNotSignedIn,
    'Nobody is signed in to this tenant.',
    'Sign in first: phs tenant login --tenant <file.json>.',
  );
}

/** The connection with its encrypted cache; no cache when no key exists and none may be made. */
function connect(a: TenantArgs, createKey: boolean, log: Logger): TenantConnection {
  return cliTenantConnection({
    tenant: loadTenantConfigFile(a.tenantFile),
    log,
    createKey,
    ...(a.keyFile === undefined ? {} : { keyFile: a.keyFile }),
    ...(a.cacheFile === undefined ? {} : { cacheFile: a.cacheFile }),
  });
}

async function signIn(a: TenantArgs, conn: TenantConnection, io: CliIo): Promise<SignedInAccount> {
  if (a.username !== undefined)
    return conn.auth.signInWithPassword(a.username, await readSecret(io, 'Password: '));
  if (a.deviceCode)
    return conn.auth.signInWithDeviceCode({ onPrompt: (p) => void io.stderr.write(`${p.message}\n`) });
  const open = a.openBrowser ? systemOpener() : () => Promise.resolve();
  return conn.auth.signInInteractive({
    openBrowser: async (url) => {
      io.stderr.write(`Sign in in your browser. If it does not open, visit:\n${url}\n`);
      await open(url);
    },
  });
}

async function login(a: TenantArgs, io: CliIo, log: Logger): Promise<ExitCode> {
  const conn = connect(a, true, log);
  try {
    const account = await signIn(a, conn, io);
    const roles = await conn.directory.adminRoles();
    io.stdout.write(
      `Signed in as ${account.username} (tenant ${account.tenantId}). Admin roles: ${rolesText({ roles })}.\n`,
    );
    if (roles.isAdmin) return ExitCode.Ok;
    printError(
      io,
      'this account is neither Global Administrator nor Hybrid Identity Administrator.',
      'Sign in with an account that holds one of these roles to set up password hash sync.',
    );
    return ExitCode.MissingRights;
  } finally {
    conn.close();
  }
}

async function status(a: TenantArgs, io: CliIo, log: Logger): Promise<ExitCode> {
  const conn = connect(a, false, log);
  try {
    const account = await conn.auth.account();
    if (account === undefined) throw notSignedIn();
    const s = await conn.status(account);
    io.stdout.write(`${a.json ? JSON.stringify(statusJson(s)) : statusText(s)}\n`);
    return s.roles.isAdmin ? ExitCode.Ok : ExitCode.MissingRights;
  } finally {
    conn.close();
  }
}

async function logout(a: TenantArgs, io: CliIo, log: Logger): Promise<ExitCode> {
  const conn = connect(a, false, log);
  try {
    await conn.auth.signOut();
    io.stdout.write(`Signed out of ${conn.auth.config.authority}.\n`);
    return ExitCode.Ok;
  } finally {
    conn.close();
  }
}

export async function runTenant(a: TenantArgs, io: CliIo): Promise<ExitCode> {
  const log = a.verbose
    ? createLogger({ process: 'cli', sinks: [stderrSink()], level: 'debug' })
    : silentLogger;
  try {
    switch (a.action) {
      case 'login':
        return await login(a, io, log);
      case 'status':
        return await status(a, io, log);
      case 'logout':
        return await logout(a, io, log);
    }
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.code === ErrorCode.TenantNotAdmin || error.code === ErrorCode.TenantConfigInvalid)
    ) {
      printError(io, error.message, error.remediation);
      return error.code === ErrorCode.TenantNotAdmin ? ExitCode.MissingRights : ExitCode.BadInput;
    }
    throw error;
  }
}
