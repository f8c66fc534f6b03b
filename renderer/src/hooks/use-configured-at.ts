/** When the configuration was applied (`wizard:load`): undefined while read, null when never; a failed read is shown. */
import { useEffect, useState } from 'react';
import { isCancelled, toShape, type AppErrorShape } from '../../../shared/errors.ts';
import { call } from '../bridge.ts';

export interface ConfiguredAt {
  readonly configuredAt: string | null | undefined;
  readonly error: AppErrorShape | null;
}

export function useConfiguredAt(): ConfiguredAt {
  const [state, setState] = useState<ConfiguredAt>({ configuredAt: undefined, error: null });
  useEffect(() => {
    let live = true;
    call('wizard:load', {}).then(
      (snapshot) => live && setState({ configuredAt: snapshot.configuredAt, error: null }),
      (failure: unknown) =>
        live && !isCancelled(failure) && setState({ configuredAt: undefined, error: toShape(failure) }),
    );
    return () => void (live = false);
  }, []);
  return state;
}
