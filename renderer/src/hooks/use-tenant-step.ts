/**
 * The Microsoft Entra step's state: who is signed in (read fresh from the tenant when the page
 * opens), a sign-in in the system browser or with a device code (the code arrives as a push),
 * cancellable, and sign-out. The "Advanced: tenant endpoint" form has its own hook.
 */
import { useCallback, useEffect, useState } from 'react';
import type { EventOf } from '../../../shared/contract.ts';
import { isCancelled, toShape, type AppErrorShape } from '../../../shared/errors.ts';
import type { SignInMethod, TenantView } from '../../../shared/tenant-schemas.ts';
import { call, subscribe } from '../bridge.ts';
import { useOperation } from './use-operation.ts';

export type DeviceCode = Omit<EventOf<'tenant:deviceCode'>, 'opId'> & { readonly opId: string };

export type TenantPhase = 'loading' | 'signedOut' | 'signingIn' | 'signedIn';

export function useTenantStep() {
  const [phase, setPhase] = useState<TenantPhase>('loading');
  const [view, setView] = useState<TenantView | null>(null);
  const [method, setMethod] = useState<SignInMethod>('browser');
  const [deviceCode, setDeviceCode] = useState<DeviceCode | null>(null);
  const [error, setError] = useState<{ readonly title: string; readonly error: AppErrorShape } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [justSignedIn, setJustSignedIn] = useState(false);
  const operation = useOperation();

  useEffect(() => {
    let live = true;
    call('tenant:status', {}).then(
      ({ view: current }) => {
        if (!live) return;
        setView(current);
        setPhase(current === null ? 'signedOut' : 'signedIn');
      },
      (failure: unknown) => {
        if (!live || isCancelled(failure)) return;
        setError({ title: 'The tenant could not be read', error: toShape(failure) });
        setPhase('signedOut');
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  useEffect(() => subscribe('tenant:deviceCode', (event) => setDeviceCode(event)), []);

  /** The endpoint changed: read who is signed in there. */
  const reload = useCallback(() => {
    setPhase('loading');
    setError(null);
    setAttempt((n) => n + 1);
  }, []);

  const signIn = useCallback(
    async (how: SignInMethod) => {
      setMethod(how);
      setError(null);
      setDeviceCode(null);
      setPhase('signingIn');
      const result = await operation.run((opId) => call('tenant:signIn', { opId, method: how }));
      setDeviceCode(null);
      if (result.ok) {
        setView(result.value.view);
        setJustSignedIn(true);
        setPhase('signedIn');
        return;
      }
      if (result.error !== null) setError({ title: 'Sign-in did not complete', error: result.error });
      setPhase(view === null ? 'signedOut' : 'signedIn');
    },
    [operation, view],
  );

  const openVerificationPage = useCallback(() => {
    if (deviceCode === null) return;
    call('tenant:openVerificationPage', { opId: deviceCode.opId }).catch((failure: unknown) => {
      if (!isCancelled(failure))
        setError({ title: 'The sign-in page could not be opened', error: toShape(failure) });
    });
  }, [deviceCode]);

  const signOut = useCallback(async () => {
    setError(null);
    try {
      await call('tenant:signOut', {});
      setView(null);
      setPhase('signedOut');
    } catch (failure) {
      if (!isCancelled(failure)) setError({ title: 'Sign-out did not complete', error: toShape(failure) });
    }
  }, []);

  return {
    phase,
    view,
    /** A sign-in just completed here: the result takes focus. */
    justSignedIn,
    method,
    deviceCode,
    error,
    signIn: (how: SignInMethod) => void signIn(how),
    cancel: operation.cancel,
    openVerificationPage,
    signOut: () => void signOut(),
    reload,
  } as const;
}

export type TenantStepState = ReturnType<typeof useTenantStep>;
