/**
 * Failures nothing on screen can show: the page that asked is gone (an `op:cancel` sent as it
 * closes), or the work was abandoned and its answer is no longer wanted. They are logged, never
 * dropped. The IPC contract has no renderer log channel (shared/contract.ts), so they go to the
 * console as warnings, not errors: they are expected conditions (the e2e suite fails a page on any
 * console error), and only the error's shape is written, never whatever else the error carries.
 */
import { toShape } from '../../shared/errors.ts';

export function droppedFailureText(what: string, error: unknown): string {
  const { code, message } = toShape(error);
  return `PHS Sync: ${what} failed and nothing on screen can show it (${code}): ${message}`;
}

export function logDroppedFailure(what: string, error: unknown): void {
  console.warn(droppedFailureText(what, error));
}
