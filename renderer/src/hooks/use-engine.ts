/** The engine's status for the dashboard: read once, then kept fresh by `engine:status` pushes. */
import { useCallback, useEffect, useState } from 'react';
import type { CycleView, EngineStatusView } from '../../../shared/engine-schemas.ts';
import { toShape, type AppErrorShape } from '../../../shared/errors.ts';
import { call, subscribe } from '../bridge.ts';

export interface EngineView {
  readonly status: EngineStatusView | undefined;
  readonly cycles: readonly CycleView[];
  readonly error: AppErrorShape | undefined;
  /** Runs an action, shows its failure, and re-reads the status. */
  readonly act: (action: () => Promise<unknown>) => Promise<void>;
}

export function useEngine(): EngineView {
  const [status, setStatus] = useState<EngineStatusView>();
  const [cycles, setCycles] = useState<readonly CycleView[]>([]);
  const [error, setError] = useState<AppErrorShape>();

  const refresh = useCallback(async () => {
    const [next, recent] = await Promise.all([
      call('engine:getStatus', {}),
      call('engine:recentCycles', { limit: 30 }),
    ]);
    setStatus(next);
    setCycles(recent.cycles);
  }, []);

  useEffect(() => {
    const off = subscribe('engine:status', (next) => {
      setStatus(next);
      void call('engine:recentCycles', { limit: 30 }).then(
        (r) => setCycles(r.cycles),
        () => undefined,
      );
    });
    let live = true;
    Promise.all([call('engine:getStatus', {}), call('engine:recentCycles', { limit: 30 })]).then(
      ([next, recent]) => {
        if (!live) return;
        setStatus(next);
        setCycles(recent.cycles);
      },
      (e: unknown) => live && setError(toShape(e)),
    );
    return () => {
      live = false;
      off();
    };
  }, []);

  const act = useCallback(
    async (action: () => Promise<unknown>) => {
      setError(undefined);
      try {
        await action();
      } catch (e) {
        setError(toShape(e));
      }
      await refresh().catch(() => undefined);
    },
    [refresh],
  );
  return { status, cycles, error, act };
}
