/**
 * The Ready step's state: the review of every choice (read from main when the page opens),
 * Configure and its result, and the first full sync's progress as the engine pushes it
 * (`engine:progress`), with cancel.
 */
import { useCallback, useEffect, useState } from 'react';
import { isCancelled, toShape, type AppErrorShape } from '../../../shared/errors.ts';
import type { ConfigureResult, EngineProgress, Review } from '../../../shared/wizard-schemas.ts';
import { call, subscribe } from '../bridge.ts';

export type ReadyPhase = 'loading' | 'ready' | 'configuring' | 'configured';

export function useReadyStep() {
  const [phase, setPhase] = useState<ReadyPhase>('loading');
  const [review, setReview] = useState<Review | null>(null);
  const [result, setResult] = useState<ConfigureResult | null>(null);
  const [progress, setProgress] = useState<EngineProgress | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [cancelling, setCancelling] = useState(false);

  useEffect(() => {
    let live = true;
    call('wizard:review', {}).then(
      (value) => {
        if (!live) return;
        setReview(value);
        setPhase('ready');
      },
      (failure: unknown) => {
        if (!live || isCancelled(failure)) return;
        setError(toShape(failure));
        setPhase('ready');
      },
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => subscribe('engine:progress', setProgress), []);

  const configure = useCallback(async () => {
    setError(null);
    setPhase('configuring');
    try {
      setResult(await call('wizard:configure', {}));
      setPhase('configured');
      // The summary now says what was saved (the password, among others).
      setReview(await call('wizard:review', {}));
    } catch (failure) {
      if (!isCancelled(failure)) setError(toShape(failure));
      setPhase('ready');
    }
  }, []);

  const cancelSync = useCallback(async () => {
    setCancelling(true);
    try {
      await call('wizard:cancelFirstSync', {});
    } catch (failure) {
      if (!isCancelled(failure)) setError(toShape(failure));
    } finally {
      setCancelling(false);
    }
  }, []);

  return {
    phase,
    review,
    result,
    progress,
    error,
    cancelling,
    configure: () => void configure(),
    cancelSync: () => void cancelSync(),
  } as const;
}

export type ReadyStepState = ReturnType<typeof useReadyStep>;
