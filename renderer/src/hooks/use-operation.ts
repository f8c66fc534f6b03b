/**
 * A cancellable call into main for a page (the logic is in operation-runner.ts): `running`, `run`
 * and `cancel`, as one object that stays the same until `running` changes, so callers' callbacks
 * and effects that depend on it are memoised. Leaving the page cancels what it started.
 */
import { useEffect, useMemo, useState } from 'react';
import { call } from '../bridge.ts';
import { logDroppedFailure } from '../log.ts';
import { createOperationRunner, type OperationRunner } from './operation-runner.ts';

export type { RunResult } from './operation-runner.ts';

export function newOpId(): string {
  return crypto.randomUUID();
}

export interface Operation extends OperationRunner {
  readonly running: boolean;
}

export function useOperation(): Operation {
  const [running, setRunning] = useState(false);
  const [runner] = useState(() =>
    createOperationRunner({
      newId: newOpId,
      cancelInMain: (opId) => call('op:cancel', { opId }),
      setRunning,
      logDropped: logDroppedFailure,
    }),
  );

  useEffect(() => runner.cancel, [runner]);

  return useMemo(() => ({ running, run: runner.run, cancel: runner.cancel }), [running, runner]);
}
