/**
 * Turns what Node, OpenSSL and ldapts report while connecting, and while a session runs, into
 * our named errors, each with a remediation (bind failures: bind-failures.ts). No message here
 * ever carries the password: only the server's address and what was being done.
 */
import { AppError, ErrorCode } from '../../../../shared/errors.ts';
import type { ConnectionSettings } from '../settings.ts';

/** Raised by our own socket code; mapped like Node's errors. */
export class TransportFailure extends Error {
  readonly kind: 'timeout' | 'wrongPort' | 'pinMismatch' | 'startTlsRefused';

  constructor(kind: TransportFailure['kind'], message: string) {
    super(message);
    this.name = 'TransportFailure';
    this.kind = kind;
  }
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EADDRNOTAVAIL',
  'EHOSTDOWN',
]);
const WRONG_PORT = new Set([
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_PACKET_LENGTH_TOO_LONG',
  'ERR_SSL_UNKNOWN_PROTOCOL',
  'ERR_SSL_RECORD_LAYER_FAILURE',
  'ECONNRESET',
  'EPROTO',
  'EPIPE',
]);

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
}

export function connectFailure(error: unknown, settings: ConnectionSettings): AppError {
  if (error instanceof AppError) return error;
  const where = `${settings.host}:${settings.port}`;
  const name = settings.serverName ?? settings.host;
  const code = codeOf(error);
  if (error instanceof TransportFailure) {
    switch (error.kind) {
      case 'timeout':
        return new AppError(
          ErrorCode.LdapTimeout,
          `${where} did not answer in time (${error.message}).`,
          'Check that the host and port are right and that no firewall silently drops the traffic; raise the timeout on a slow link.',
          { cause: error },
        );
      case 'pinMismatch':
        return new AppError(
          ErrorCode.LdapTlsPinMismatch,
          `The certificate of ${where} is not the one you chose to trust (${error.message}).`,
          'If the DC renewed its certificate, check the new fingerprint with its administrator and trust it again; otherwise something is intercepting the connection.',
          { cause: error },
        );
      case 'startTlsRefused':
        return new AppError(
          ErrorCode.LdapWrongPort,
          `${where} refused StartTLS (${error.message}).`,
          'Use LDAPS on port 636, or make sure the DC has a certificate so that StartTLS works.',
          { cause: error },
        );
      case 'wrongPort':
        return wrongPort(where, settings, error);
    }
  }
  if (UNREACHABLE.has(code)) {
    return new AppError(
      ErrorCode.LdapUnreachable,
      `Cannot reach ${where} (${code}).`,
      'Check the host name or IP address and the port, that the DC is running, and that a firewall lets this machine reach it.',
      { cause: error },
    );
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new AppError(
      ErrorCode.LdapTlsNameMismatch,
      `The certificate of ${where} does not carry the name "${name}".`,
      "Connect by the name on the DC's certificate, or set the expected server name to that name (needed when connecting by IP address).",
      { cause: error },
    );
  }
  if (/CERT|UNABLE_TO_|SELF_SIGNED|INVALID_CA|PATH_LENGTH|INVALID_PURPOSE/.test(code)) {
    return new AppError(
      ErrorCode.LdapTlsUntrusted,
      `The certificate of ${where} is not trusted (${code}).`,
      "Choose the CA file that issued the DC's certificate, or view the certificate and trust its fingerprint after checking it with the DC's administrator.",
      { cause: error },
    );
  }
  if (WRONG_PORT.has(code) || code.startsWith('ERR_SSL_')) return wrongPort(where, settings, error);
  if (error instanceof Error && /timeout|timed out/i.test(error.message)) {
    return new AppError(
      ErrorCode.LdapTimeout,
      `${where} did not answer in time.`,
      'Check the host, the port and the firewall; raise the timeout on a slow link.',
      { cause: error },
    );
  }
  return new AppError(
    ErrorCode.LdapUnreachable,
    `Cannot open a TLS connection to ${where}${code ? ` (${code})` : ''}.`,
    'Check the host, the port and the transport (LDAPS or StartTLS).',
    { cause: error },
  );
}

function wrongPort(where: string, settings: ConnectionSettings, cause: unknown): AppError {
  const hint =
    settings.transport === 'ldaps'
      ? 'LDAPS listens on port 636 (389 is plain LDAP: choose StartTLS for it).'
      : 'StartTLS runs on port 389 (636 speaks TLS from the first byte: choose LDAPS for it).';
  return new AppError(
    ErrorCode.LdapWrongPort,
    `${where} does not speak ${settings.transport === 'ldaps' ? 'LDAPS' : 'LDAP with StartTLS'}.`,
    hint,
    { cause },
  );
}

/** For searches and other requests on an open session. */
export function operationFailure(error: unknown, what: string, settings: ConnectionSettings): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : '';
  const resultCode =
    error instanceof Error && 'code' in error && typeof error.code === 'number' ? error.code : null;
  const where = `${settings.host}:${settings.port}`;
  if (/timed out|timeout/i.test(message)) {
    return new AppError(
      ErrorCode.LdapTimeout,
      `${where} did not answer the ${what} in time.`,
      'Retry; on a large directory or a slow link raise the timeout.',
      { cause: error },
    );
  }
  if (/Connection closed|Socket error|not established/i.test(message)) {
    return new AppError(
      ErrorCode.LdapConnectionLost,
      `The connection to ${where} was lost during the ${what}.`,
      'Retry; if it keeps happening check the network and the DC.',
      { cause: error },
    );
  }
  if (resultCode === 32) {
    return new AppError(
      ErrorCode.LdapNoSuchObject,
      `The ${what} failed: the object does not exist (${message}).`,
      'Check the DN: it may have been renamed, moved or deleted.',
      { cause: error },
    );
  }
  return new AppError(
    ErrorCode.LdapOperationFailed,
    `The ${what} failed${resultCode === null ? '' : ` (LDAP result ${resultCode})`}: ${message}`,
    "Retry; if it persists, check the account's permissions and the DC's event log.",
    { cause: error },
  );
}
