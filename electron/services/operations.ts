/**
 * Long operations the renderer can cancel: each runs under an id the renderer chose, with an
 * AbortSignal; `op:cancel` aborts it. A cancelled operation rejects at once with CancelledError
 * (never shown to the user), even when the work underneath cannot stop mid-way: its late result
 * is handed to a cleanup (an LDAP session that connected after the cancel is closed).
 */
import { AppError, CancelledError, ErrorCode } from '../../shared/errors.ts';

export class Operations {
  readonly #running = new Map<string, AbortController>();

  /** Runs `work` under `opId` until it settles or is cancelled. */
  async run<T>(opId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.#running.has(opId)) {
      throw new AppError(
        ErrorCode.InvalidArgument,
        'That operation is already running.',
        'Wait for it to finish, or cancel it first.',
      );
    }
    const controller = new AbortController();
    this.#running.set(opId, controller);
    try {
      return await abortable(work(controller.signal), controller.signal);
    } finally {
      this.#running.delete(opId);
    }
  }

  /** True when an operation with this id was running and is now aborted. */
  cancel(opId: string): boolean {
    const controller = this.#running.get(opId);
    if (controller === undefined) return false;
    controller.abort();
    return true;
  }

  cancelAll(): void {
    for (const controller of this.#running.values()) controller.abort();
  }

  get size(): number {
    return this.#running.size;
  }
}

/**
 * Settles with `promise`, or rejects with CancelledError as soon as `signal` aborts; a value that
 * arrives after the abort goes to `onLate` (to release what it holds).
 */
export function abortable<T>(
  promise: Promise<T>,
  signal: AbortSignal,
  onLate?: (value: T) => void,
): Promise<T> {
  if (signal.aborted) {
    promise.then(
      (value) => onLate?.(value),
      () => undefined,
    );
    return Promise.reject(new CancelledError());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new CancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) onLate?.(value);
        else resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(signal.aborted ? new CancelledError() : error);
      },
    );
  });
}

/** Throws CancelledError when `signal` has aborted: a check between the steps of an operation. */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new CancelledError();
}
