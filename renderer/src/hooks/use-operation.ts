/**
 * A cancellable call into main: each run gets a fresh operation id, `cancel` sends `op:cancel`
 * with it, and a cancelled run settles quietly (cancellation is never shown as an error).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { isCancelled, toShape, type AppErrorShape } from '../../../shared/errors.ts';
import { call } from '../bridge.ts';

export function newOpId(): string {
  return crypto.randomUUID();
}

export type RunResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppErrorShape | null };

export interface Operation {
  readonly running: boolean;
  /** Runs `work` with a new id; resolves with its value, its error, or `error: null` when cancelled. */
  run<T>(work: (opId: string) => Promise<T>): Promise<RunResult<T>>;
  cancel(): void;
}

export function useOperation(): Operation {
  const [running, setRunning] = useState(false);
  const current = useRef<string | undefined>(undefined);

  const cancel = useCallback(() => {
    const opId = current.current;
    if (opId === undefined) return;
    current.current = undefined;
    setRunning(false);
    void call('op:cancel', { opId }).catch(() => undefined);
  }, []);

  // Leaving the page cancels what it started.
  useEffect(() => cancel, [cancel]);

  const run = useCallback(async <T>(work: (opId: string) => Promise<T>): Promise<RunResult<T>> => {
    const opId = newOpId();
    current.current = opId;
    setRunning(true);
    try {
      const value = await work(opId);
      return current.current === opId ? { ok: true, value } : { ok: false, error: null };
    } catch (error) {
      return { ok: false, error: isCancelled(error) || current.current !== opId ? null : toShape(error) };
    } finally {
      if (current.current === opId) {
        current.current = undefined;
        setRunning(false);
      }
    }
  }, []);

  return { running, run, cancel };
}
