/** Asks main for the crypto self-test (`phs:selfTest`: every primitive, main and worker) and tracks it. */
import { useCallback, useEffect, useState } from 'react';
import type { ResponseOf } from '../../../shared/contract.ts';
import { isCancelled, toShape, type AppErrorShape } from '../../../shared/errors.ts';
import { call } from '../bridge.ts';

export type SelfTestResult = ResponseOf<'phs:selfTest'>;

export type SelfTestState =
  | { readonly phase: 'running' }
  | { readonly phase: 'done'; readonly result: SelfTestResult }
  | { readonly phase: 'error'; readonly error: AppErrorShape };

export function useSelfTest(): { readonly state: SelfTestState; readonly rerun: () => void } {
  const [state, setState] = useState<SelfTestState>({ phase: 'running' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    call('phs:selfTest', {}).then(
      (result) => {
        if (live) setState({ phase: 'done', result });
      },
      (error: unknown) => {
        if (live && !isCancelled(error)) setState({ phase: 'error', error: toShape(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const rerun = useCallback(() => {
    setState({ phase: 'running' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, rerun };
}
