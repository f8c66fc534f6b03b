/**
 * A cancellable call into main, without React (useOperation keeps one per page): each run gets a
 * fresh operation id; `cancel` asks main to abort the current run; a run that was cancelled, or
 * replaced by a newer one, settles with `error: null` (cancellation is never shown as an error).
 * A failure nobody waits for any more is logged, not dropped.
 */
import { isCancelled, toShape, type AppErrorShape } from '../../../shared/errors.ts';

export type RunResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppErrorShape | null };

export interface OperationPorts {
  readonly newId: () => string;
  /** Asks main to abort the run with this id (`op:cancel`). */
  readonly cancelInMain: (opId: string) => Promise<unknown>;
  readonly setRunning: (running: boolean) => void;
  /** Where a failure that nothing on screen can show goes. */
  readonly logDropped: (what: string, error: unknown) => void;
}

export interface OperationRunner {
  /** Runs `work` with a new id; resolves with its value, its error, or `error: null` when cancelled. */
  readonly run: <T>(work: (opId: string) => Promise<T>) => Promise<RunResult<T>>;
  readonly cancel: () => void;
}

export function createOperationRunner(ports: OperationPorts): OperationRunner {
  let current: string | undefined;

  const cancel = (): void => {
    const opId = current;
    if (opId === undefined) return;
    current = undefined;
    ports.setRunning(false);
    // Often sent as the page closes: there is nowhere left to show a failed cancel.
    ports
      .cancelInMain(opId)
      .catch((error: unknown) => ports.logDropped(`Cancelling operation ${opId}`, error));
  };

  const run = async <T>(work: (opId: string) => Promise<T>): Promise<RunResult<T>> => {
    const opId = ports.newId();
    current = opId;
    ports.setRunning(true);
    try {
      const value = await work(opId);
      return current === opId ? { ok: true, value } : { ok: false, error: null };
    } catch (error) {
      if (isCancelled(error)) return { ok: false, error: null };
      if (current !== opId) {
        // Cancelled or replaced while it ran: its answer is not shown, but a real failure is logged.
        ports.logDropped(`Operation ${opId}, no longer awaited,`, error);
        return { ok: false, error: null };
      }
      return { ok: false, error: toShape(error) };
    } finally {
      if (current === opId) {
        current = undefined;
        ports.setRunning(false);
      }
    }
  };

  return { run, cancel };
}
