/**
 * A directory connection as the files give it (shared/directory-connection.ts) → the settings and
 * credentials the LDAP and replication clients take: the trust read from caFile (relative to the
 * file that names it) or the pinned fingerprint, the password from PHS_AD_PASSWORD or the file.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import {
  effectivePassword,
  PASSWORD_ENV,
  type DirectoryConnectionFile,
} from '../../shared/directory-connection.ts';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import {
  parseDirectoryUrl,
  validateCredentials,
  validateSettings,
  type ConnectionSettings,
  type Credentials,
  type TrustMode,
} from './ldap/settings.ts';

export interface DirectoryConnection {
  readonly settings: ConnectionSettings;
  readonly credentials: Credentials;
}

export interface ResolveOptions {
  /** Where relative paths (caFile) start: the folder of the file that names them. */
  readonly baseDir: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Names the block in errors, e.g. "config.json: directory". */
  readonly where: string;
}

function invalid(where: string, problem: string, remediation: string): AppError {
  return new AppError(ErrorCode.ConfigInvalid, `${where}: ${problem}`, remediation);
}

function trustOf(file: DirectoryConnectionFile, o: ResolveOptions): TrustMode {
  if (file.fingerprint !== undefined) return { kind: 'pinned', sha256: file.fingerprint };
  if (file.caFile === undefined) return { kind: 'system' };
  const path = isAbsolute(file.caFile) ? file.caFile : resolve(o.baseDir, file.caFile);
  try {
    return { kind: 'pem', pem: readFileSync(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw invalid(
      o.where,
      `the CA file ${path} cannot be read (${code}).`,
      'Point caFile at the PEM file of the CA that issued the DC certificate.',
    );
  }
}

export function resolveDirectoryConnection(
  file: DirectoryConnectionFile,
  o: ResolveOptions,
): DirectoryConnection {
  const password = effectivePassword(file, o.env);
  if (password === undefined || password === '')
    throw invalid(
      o.where,
      'no password.',
      `Put it in the file ("password") or in the environment variable ${PASSWORD_ENV}.`,
    );
  const startTls = file.startTls ?? /^ldap:\/\//i.test(file.url);
  try {
    const settings: ConnectionSettings = {
      ...parseDirectoryUrl(file.url, startTls),
      trust: trustOf(file, o),
      ...(file.serverName === undefined ? {} : { serverName: file.serverName }),
      ...(file.timeoutMs === undefined ? {} : { timeoutMs: file.timeoutMs }),
    };
    return {
      settings: validateSettings(settings),
      credentials: validateCredentials({ username: file.username, password }),
    };
  } catch (error) {
    if (error instanceof AppError && error.code !== ErrorCode.ConfigInvalid)
      throw new AppError(ErrorCode.ConfigInvalid, `${o.where}: ${error.message}`, error.remediation);
    throw error;
  }
}
