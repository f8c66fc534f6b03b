/**
 * The app-wide link to main: listens for pushes first, then says `app:ready` (main flushes the
 * pushes it queued meanwhile) and asks for `app:info`. Pages read what arrived from here,
 * so a push that lands while another page is shown is not lost.
 */
import { useCallback, useEffect, useState } from 'react';
import type { EventOf, ResponseOf } from '../../../shared/contract.ts';
import { isCancelled, toShape, type AppErrorShape } from '../../../shared/errors.ts';
import { call, subscribe } from '../bridge.ts';

export type AppInfo = ResponseOf<'app:info'>;
export type PoolStatus = EventOf<'phs:poolStatus'>;
export type Notice = EventOf<'app:notice'> & { readonly id: number };

export interface PoolReport {
  readonly status: PoolStatus;
  readonly receivedAt: Date;
}

export interface MainProcess {
  readonly info: AppInfo | undefined;
  readonly pool: PoolReport | undefined;
  readonly notices: readonly Notice[];
  /** Set when the link to main could not be set up. */
  readonly failure: AppErrorShape | undefined;
  readonly dismissNotice: (id: number) => void;
}

const MAX_NOTICES = 5;

export function useMainProcess(): MainProcess {
  const [info, setInfo] = useState<AppInfo>();
  const [pool, setPool] = useState<PoolReport>();
  const [notices, setNotices] = useState<readonly Notice[]>([]);
  const [failure, setFailure] = useState<AppErrorShape>();

  useEffect(() => {
    let live = true;
    let nextNotice = 1;
    const unsubscribers: (() => void)[] = [];
    const connect = async (): Promise<void> => {
      unsubscribers.push(
        subscribe('phs:poolStatus', (status) => setPool({ status, receivedAt: new Date() })),
      );
      unsubscribers.push(
        subscribe('app:notice', (notice) =>
          setNotices((list) => [...list, { ...notice, id: nextNotice++ }].slice(-MAX_NOTICES)),
        ),
      );
      await call('app:ready', {});
      const appInfo = await call('app:info', {});
      if (live) setInfo(appInfo);
    };
    connect().catch((error: unknown) => {
      if (live && !isCancelled(error)) setFailure(toShape(error));
    });
    return () => {
      live = false;
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, []);

  const dismissNotice = useCallback(
    (id: number) => setNotices((list) => list.filter((n) => n.id !== id)),
    [],
  );

  return { info, pool, notices, failure, dismissNotice };
}
