/**
 * How to reach a domain controller: host, port, TLS transport and what to trust. Plain LDAP is
 * refused: simple binds without TLS send the password in clear, and modern DCs refuse them.
 */
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import { checkHost, checkPort } from '../../../shared/validators.ts';
import { normalizeFingerprint } from './connection/certificate.ts';

export type Transport = 'ldaps' | 'starttls';

/** What the TLS certificate is checked against. */
export type TrustMode =
  | { readonly kind: 'system' }
  | { readonly kind: 'pem'; readonly pem: string }
  /** "Trust this certificate": the leaf's SHA-256 fingerprint, shown to and accepted by the user. */
  | { readonly kind: 'pinned'; readonly sha256: string };

export interface ConnectionSettings {
  readonly host: string;
  readonly port: number;
  readonly transport: Transport;
  readonly trust: TrustMode;
  /** The name on the DC's certificate when `host` is an IP address or another alias. */
  readonly serverName?: string;
  /** Bounds connecting and every request; default 15 s. */
  readonly timeoutMs?: number;
}

export interface Credentials {
  /** `user@domain`, `DOMAIN\user` or a DN. */
  readonly username: string;
  readonly password: string;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_PORT: Readonly<Record<Transport, number>> = { ldaps: 636, starttls: 389 };

export function plainRefused(): AppError {
  return new AppError(
    ErrorCode.LdapPlainRefused,
    'Plain LDAP (ldap:// without StartTLS) is refused: the password would cross the network unencrypted, and domain controllers refuse such binds.',
    'Use ldaps://<dc>:636, or ldap://<dc>:389 with StartTLS turned on.',
  );
}

/** `ldaps://host[:port]`, or `ldap://host[:port]` with `startTls`; anything else is refused. */
export function parseDirectoryUrl(
  url: string,
  startTls = false,
): Pick<ConnectionSettings, 'host' | 'port' | 'transport'> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid([`"${url}" is not a URL; write ldaps://<domain controller>[:port].`]);
  }
  const scheme = parsed.protocol.replace(/:$/, '').toLowerCase();
  if (scheme !== 'ldaps' && scheme !== 'ldap')
    throw invalid([`the URL scheme must be ldaps:// (or ldap:// with StartTLS), not ${scheme}://.`]);
  if (scheme === 'ldap' && !startTls) throw plainRefused();
  if (scheme === 'ldaps' && startTls)
    throw invalid(['StartTLS runs over ldap://, not ldaps://: choose one.']);
  if (parsed.pathname !== '' && parsed.pathname !== '/')
    throw invalid(['the URL must name only the server (no base DN or path).']);
  const transport: Transport = scheme === 'ldaps' ? 'ldaps' : 'starttls';
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  return { host, port: parsed.port === '' ? DEFAULT_PORT[transport] : Number(parsed.port), transport };
}

/** Throws one InvalidArgument error listing every problem, or returns the settings unchanged. */
export function validateSettings(settings: ConnectionSettings): ConnectionSettings {
  const problems: string[] = [];
  const host = checkHost(settings.host);
  if (host) problems.push(host);
  const port = checkPort(String(settings.port));
  if (port) problems.push(port);
  if (settings.serverName !== undefined && checkHost(settings.serverName))
    problems.push(`server name: ${checkHost(settings.serverName)!}`);
  if (settings.trust.kind === 'pem' && !settings.trust.pem.includes('-----BEGIN CERTIFICATE-----')) {
    problems.push('the CA file holds no PEM certificate (-----BEGIN CERTIFICATE-----).');
  }
  if (settings.trust.kind === 'pinned' && normalizeFingerprint(settings.trust.sha256) === null) {
    problems.push('the pinned fingerprint must be a SHA-256 fingerprint: 64 hex digits (colons allowed).');
  }
  const timeout = settings.timeoutMs;
  if (timeout !== undefined && (!Number.isInteger(timeout) || timeout < 100 || timeout > 600_000)) {
    problems.push('the timeout must be a whole number of milliseconds from 100 to 600000.');
  }
  if (problems.length > 0) throw invalid(problems);
  return settings;
}

export function validateCredentials(credentials: Credentials): Credentials {
  const problems: string[] = [];
  if (credentials.username.trim() === '')
    problems.push('enter the account name (user@domain, DOMAIN\\user or a DN).');
  // An empty password makes a simple bind anonymous, which "succeeds" without proving anything.
  if (credentials.password === '')
    problems.push("enter the account's password (an empty password is an anonymous bind).");
  if (problems.length > 0) throw invalid(problems);
  return credentials;
}

function invalid(problems: readonly string[]): AppError {
  return new AppError(
    ErrorCode.InvalidArgument,
    `The directory settings are not valid: ${problems.join(' ')}`,
    'Correct the settings and try again.',
  );
}
