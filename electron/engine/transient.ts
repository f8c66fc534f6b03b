/**
 * Which failures are worth retrying after a wait: throttling, unavailability, timeouts and lost
 * connections, on either side. Adapters throw AppErrors with these codes (or any error carrying
 * a numeric `retryAfterMs`, like the tenant module's RetryableError).
 */
import { AppError } from '../../shared/errors.ts';

// Codes as strings: the directory and tenant modules own them, this list only reads them.
const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  'TENANT_THROTTLED',
  'TENANT_UNAVAILABLE',
  'TIMEOUT',
  'WORKER_CRASHED',
  'RPC_TIMEOUT',
  'RPC_CONNECTION_LOST',
  'RPC_UNREACHABLE',
  'LDAP_UNREACHABLE',
  'LDAP_TIMEOUT',
  'LDAP_CONNECTION_LOST',
  'LDAP_BUSY',
  'LDAP_UNAVAILABLE',
]);

export function retryAfterOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('retryAfterMs' in error)) return undefined;
  const value = error.retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

export function isTransient(error: unknown): boolean {
  if (retryAfterOf(error) !== undefined) return true;
  return error instanceof AppError && TRANSIENT_CODES.has(error.code);
}

export function isThrottle(error: unknown): boolean {
  return error instanceof AppError && error.code === 'TENANT_THROTTLED';
}

// A saved position the directory cannot continue from (another DC answers, the cookie expired):
// the engine runs a fresh full pass. The directory modules' own codes are accepted as they are.
const CURSOR_INVALID_CODES: ReadonlySet<string> = new Set([
  'CURSOR_INVALID',
  'DRSR_CURSOR_INVALID',
  'DIRECTORY_RESYNC_REQUIRED',
]);

export function isCursorInvalid(error: unknown): boolean {
  return error instanceof AppError && CURSOR_INVALID_CODES.has(error.code);
}
