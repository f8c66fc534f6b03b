/**
 * The engine for the dashboard: its status (read once, then kept fresh by `engine:status` pushes),
 * the recent cycles, a full sync's progress (`engine:progress`), and the actions — on/off, Sync
 * now, Full sync. An action shows its failure, reads the status again and tells the dashboard's
 * other hooks to re-read theirs; a failed read is shown until a later read succeeds.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CycleView, EngineStatusView } from '../../../shared/engine-schemas.ts';
import { isCancelled, toShape, type AppErrorShape } from '../../../shared/errors.ts';
import type { EngineProgress } from '../../../shared/wizard-schemas.ts';
import { call, subscribe } from '../bridge.ts';
import { announceEngineChange } from './use-engine-revision.ts';

export interface EngineFailure {
  readonly title: string;
  readonly error: AppErrorShape;
}

export interface EngineView {
  readonly status: EngineStatusView | undefined;
  readonly cycles: readonly CycleView[];
  /** The last full sync's progress (Full sync, or the first one), once one has run. */
  readonly progress: EngineProgress | null;
  /** The status or the cycles could not be read (cleared by the next read that succeeds). */
  readonly readError: AppErrorShape | null;
  /** The last action failed (cleared when the next one starts). */
  readonly actionError: EngineFailure | null;
  /** Turning off is only asked after the user confirmed it. */
  readonly setEnabled: (enabled: boolean) => void;
  readonly syncNow: () => void;
  readonly fullSync: () => void;
}

const CYCLES = { limit: 30 } as const;

export function useEngine(): EngineView {
  const [status, setStatus] = useState<EngineStatusView>();
  const [cycles, setCycles] = useState<readonly CycleView[]>([]);
  const [progress, setProgress] = useState<EngineProgress | null>(null);
  const [readError, setReadError] = useState<AppErrorShape | null>(null);
  const [actionError, setActionError] = useState<EngineFailure | null>(null);

  useEffect(() => {
    let live = true;
    const failed = (error: unknown): void => {
      if (live) setReadError(toShape(error));
    };
    const offStatus = subscribe('engine:status', (next) => {
      setStatus(next);
      call('engine:recentCycles', CYCLES).then((recent) => {
        if (!live) return;
        setCycles(recent.cycles);
        setReadError(null);
      }, failed);
    });
    const offProgress = subscribe('engine:progress', setProgress);
    Promise.all([call('engine:getStatus', {}), call('engine:recentCycles', CYCLES)]).then(
      ([next, recent]) => {
        if (!live) return;
        setStatus(next);
        setCycles(recent.cycles);
        setReadError(null);
      },
      failed,
    );
    return () => {
      live = false;
      offStatus();
      offProgress();
    };
  }, []);

  const act = useCallback(async (title: string, action: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await action();
    } catch (error) {
      if (!isCancelled(error)) setActionError({ title, error: toShape(error) });
    }
    announceEngineChange();
    try {
      const [next, recent] = await Promise.all([
        call('engine:getStatus', {}),
        call('engine:recentCycles', CYCLES),
      ]);
      setStatus(next);
      setCycles(recent.cycles);
      setReadError(null);
    } catch (error) {
      setReadError(toShape(error));
    }
  }, []);

  const setEnabled = useCallback(
    (enabled: boolean) =>
      void act(
        enabled ? 'Password hash sync could not be turned on' : 'Password hash sync could not be turned off',
        () => call('engine:setEnabled', { enabled, confirmed: !enabled }),
      ),
    [act],
  );
  const syncNow = useCallback(
    () => void act('The sync could not start', () => call('engine:syncNow', {})),
    [act],
  );
  const fullSync = useCallback(
    () => void act('The full sync could not start', () => call('engine:fullSync', {})),
    [act],
  );

  return { status, cycles, progress, readError, actionError, setEnabled, syncNow, fullSync };
}
