/**
 * The "Advanced: tenant endpoint" form: authority, client id, tenant id, Graph URL, credential
 * endpoint and CA file, Microsoft's public cloud by default; validated with the validators main
 * uses, saved to main's settings (which reconnects to the tenant).
 */
import { useCallback, useEffect, useState } from 'react';
import { isCancelled, toShape, type AppErrorShape } from '../../../shared/errors.ts';
import { PUBLIC_CLOUD_ENDPOINT, type TenantEndpoint } from '../../../shared/tenant-schemas.ts';
import { call } from '../bridge.ts';
import { endpointErrors } from '../../../shared/tenant-endpoint.ts';

export function useTenantEndpoint(onSaved: () => void) {
  const [endpoint, setEndpoint] = useState<TenantEndpoint>({ ...PUBLIC_CLOUD_ENDPOINT });
  const [saved, setSaved] = useState<TenantEndpoint>({ ...PUBLIC_CLOUD_ENDPOINT });
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [justSaved, setJustSaved] = useState(false);

  useEffect(() => {
    let live = true;
    call('wizard:load', {}).then(
      (snapshot) => {
        if (!live) return;
        setEndpoint(snapshot.tenantEndpoint);
        setSaved(snapshot.tenantEndpoint);
      },
      (failure: unknown) => live && !isCancelled(failure) && setError(toShape(failure)),
    );
    return () => {
      live = false;
    };
  }, []);

  const errors = submitted ? endpointErrors(endpoint) : {};
  const dirty = (Object.keys(endpoint) as (keyof TenantEndpoint)[]).some((k) => endpoint[k] !== saved[k]);
  const isPublicCloud = (Object.keys(PUBLIC_CLOUD_ENDPOINT) as (keyof TenantEndpoint)[]).every(
    (k) => saved[k] === PUBLIC_CLOUD_ENDPOINT[k],
  );

  const setField = useCallback((name: keyof TenantEndpoint, value: string) => {
    setJustSaved(false);
    setEndpoint((e) => ({ ...e, [name]: value }));
  }, []);

  const save = useCallback(
    async (next: TenantEndpoint = endpoint) => {
      setSubmitted(true);
      setError(null);
      if (Object.keys(endpointErrors(next)).length > 0) return;
      const trimmed = Object.fromEntries(
        Object.entries(next).map(([k, v]) => [k, v.trim()]),
      ) as TenantEndpoint;
      try {
        await call('wizard:save', { step: 'tenantEndpoint', endpoint: trimmed });
        setEndpoint(trimmed);
        setSaved(trimmed);
        setJustSaved(true);
        onSaved();
      } catch (failure) {
        if (!isCancelled(failure)) setError(toShape(failure));
      }
    },
    [endpoint, onSaved],
  );

  const chooseCaFile = useCallback(async () => {
    try {
      const { path } = await call('dialog:chooseCaFile', { purpose: 'tenant' });
      if (path !== null) setField('caFile', path);
    } catch (failure) {
      if (!isCancelled(failure)) setError(toShape(failure));
    }
  }, [setField]);

  return {
    endpoint,
    errors,
    error,
    dirty,
    justSaved,
    isPublicCloud,
    setField,
    save: () => void save(),
    resetToPublicCloud: () => void save({ ...PUBLIC_CLOUD_ENDPOINT }),
    chooseCaFile: () => void chooseCaFile(),
  } as const;
}

export type TenantEndpointState = ReturnType<typeof useTenantEndpoint>;
