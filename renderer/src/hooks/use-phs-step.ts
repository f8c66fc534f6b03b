/**
 * The Password hash sync step's state: the options, each change saved in main at once; the
 * interval only when valid (the validator main uses too), its message shown until it is.
 */
import { useCallback, useEffect, useState } from 'react';
import { isCancelled, toShape, type AppErrorShape } from '../../../shared/errors.ts';
import { checkPollInterval } from '../../../shared/validators.ts';
import { DEFAULT_PHS_OPTIONS, type PhsOptions } from '../../../shared/wizard-schemas.ts';
import { call } from '../bridge.ts';

export type PhsFlag = Exclude<keyof PhsOptions, 'pollIntervalSeconds'>;

export function usePhsStep() {
  const [options, setOptions] = useState<PhsOptions>(DEFAULT_PHS_OPTIONS);
  const [interval, setIntervalText] = useState(String(DEFAULT_PHS_OPTIONS.pollIntervalSeconds));
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    let live = true;
    call('wizard:load', {}).then(
      (snapshot) => {
        if (!live) return;
        setOptions(snapshot.phs);
        setIntervalText(String(snapshot.phs.pollIntervalSeconds));
        setLoaded(true);
      },
      (failure: unknown) => live && !isCancelled(failure) && setError(toShape(failure)),
    );
    return () => {
      live = false;
    };
  }, []);

  const save = useCallback((next: PhsOptions) => {
    setOptions(next);
    call('wizard:save', { step: 'phs', options: next }).then(
      () => setError(null),
      (failure: unknown) => !isCancelled(failure) && setError(toShape(failure)),
    );
  }, []);

  const setFlag = useCallback(
    (flag: PhsFlag, value: boolean) => save({ ...options, [flag]: value }),
    [options, save],
  );

  const intervalError = checkPollInterval(interval);
  const setInterval = useCallback(
    (text: string) => {
      setIntervalText(text);
      if (checkPollInterval(text) === undefined)
        save({ ...options, pollIntervalSeconds: Number(text.trim()) });
    },
    [options, save],
  );

  return { loaded, options, interval, intervalError, error, setFlag, setInterval } as const;
}

export type PhsStepState = ReturnType<typeof usePhsStep>;
