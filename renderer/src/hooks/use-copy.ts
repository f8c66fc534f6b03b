/**
 * Copies a text through main (`clipboard:writeText`: the sandboxed page has no clipboard
 * permission): `copied` for a few seconds after it worked, `error` when it did not.
 */
import { useCallback, useEffect, useState } from 'react';
import { isCancelled, toShape, type AppErrorShape } from '../../../shared/errors.ts';
import { call } from '../bridge.ts';

const SHOWN_MS = 2500;

export function useCopy(text: string) {
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = useCallback(() => {
    setError(null);
    call('clipboard:writeText', { text }).then(
      () => setCopied(true),
      (failure: unknown) => {
        setCopied(false);
        if (!isCancelled(failure)) setError(toShape(failure));
      },
    );
  }, [text]);
  return { copied, error, copy } as const;
}
