/** Opens a link in the system browser through main (`shell:openExternal`); `error` when main refused or failed. */
import { useCallback, useState } from 'react';
import { isCancelled, toShape, type AppErrorShape } from '../../../shared/errors.ts';
import { call } from '../bridge.ts';

export function useOpenExternal(href: string) {
  const [error, setError] = useState<AppErrorShape | null>(null);
  const open = useCallback(() => {
    setError(null);
    call('shell:openExternal', { url: href }).catch((failure: unknown) => {
      if (!isCancelled(failure)) setError(toShape(failure));
    });
  }, [href]);
  return { error, open } as const;
}
