/**
 * Which failures are worth retrying after a wait, and which call for a fresh full pass: read from
 * the one table of error kinds (shared/error-kinds.ts), plus any error carrying a numeric
 * `retryAfterMs` (the service said when to come back).
 */
import { errorKind, isTransientError } from '../../shared/error-kinds.ts';

export function retryAfterOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('retryAfterMs' in error)) return undefined;
  const value = error.retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

export function isTransient(error: unknown): boolean {
  return retryAfterOf(error) !== undefined || isTransientError(error);
}

export function isThrottle(error: unknown): boolean {
  return errorKind(error) === 'throttled';
}

/** A saved position the directory cannot continue from (another DC answers, the cookie expired). */
export function isCursorInvalid(error: unknown): boolean {
  return errorKind(error) === 'cursorInvalid';
}
