/**
 * The Active Directory step's state: the form (validated with the validators main uses too), the
 * password (sent to main once per test, cleared after a success: main holds it), the connection
 * test (cancellable) and its outcome: connected, an untrusted certificate to decide on, or a
 * failure with its remediation. It loads the saved draft and the session's last result on open.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  DEFAULT_DIRECTORY_DRAFT,
  type CertificateView,
  type DirectoryConnected,
  type DirectoryDraft,
  type DirectoryTransport,
  type TrustChoice,
} from '../../../shared/directory-schemas.ts';
import { sameDirectoryTarget } from '../../../shared/directory-target.ts';
import { isCancelled, toShape, type AppErrorShape } from '../../../shared/errors.ts';
import type { PasswordState } from '../../../shared/wizard-schemas.ts';
import { call } from '../bridge.ts';
import { directoryErrors, hasErrors, type DirectoryForm, type FieldName } from '../wizard/directory-form.ts';
import { useOperation } from './use-operation.ts';

export type DirectoryOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'connected'; readonly result: DirectoryConnected }
  | { readonly kind: 'untrusted'; readonly certificate: CertificateView; readonly error: AppErrorShape }
  | { readonly kind: 'failed'; readonly error: AppErrorShape };

const PORTS: Readonly<Record<DirectoryTransport, string>> = { ldaps: '636', starttls: '389' };

function formOf(draft: DirectoryDraft): DirectoryForm {
  return { ...draft, port: String(draft.port), password: '' };
}

/** Main reuses a password only for the same account and target: otherwise the form asks for it. */
function passwordReusable(form: DirectoryForm, saved: DirectoryDraft): boolean {
  const port = Number(form.port);
  return (
    form.username.trim() === saved.username.trim() &&
    Number.isInteger(port) &&
    sameDirectoryTarget({ ...form, port }, saved)
  );
}

export function useDirectoryStep() {
  const [form, setForm] = useState<DirectoryForm>(() => formOf(DEFAULT_DIRECTORY_DRAFT));
  const [loaded, setLoaded] = useState(false);
  const [passwordState, setPasswordState] = useState<PasswordState>('none');
  /** The draft main holds or saved the password for: it reuses it only for that account and target. */
  const [savedDraft, setSavedDraft] = useState<DirectoryDraft | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<FieldName>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [outcome, setOutcome] = useState<DirectoryOutcome>({ kind: 'none' });
  /** Counts refused attempts: the page moves focus to the first invalid field after each. */
  const [refused, setRefused] = useState(0);
  const operation = useOperation();

  useEffect(() => {
    let live = true;
    Promise.all([call('wizard:load', {}), call('directory:status', {})]).then(
      ([snapshot, status]) => {
        if (!live) return;
        if (snapshot.directory !== null) {
          setForm(formOf(snapshot.directory));
          setSavedDraft(snapshot.directory);
        }
        setPasswordState(snapshot.passwordState);
        if (status.result !== null) setOutcome({ kind: 'connected', result: status.result });
        setLoaded(true);
      },
      (error: unknown) => {
        if (live && !isCancelled(error)) setOutcome({ kind: 'failed', error: toShape(error) });
        if (live) setLoaded(true);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const passwordKnown = passwordState !== 'none' && savedDraft !== null && passwordReusable(form, savedDraft);
  const allErrors = directoryErrors(form, passwordKnown);
  const errors = Object.fromEntries(
    Object.entries(allErrors).filter(([name]) => submitted || touched.has(name as FieldName)),
  ) as Partial<Record<FieldName, string>>;

  const setField = useCallback((name: Exclude<FieldName, 'transport'>, value: string) => {
    setForm((f) => ({ ...f, [name]: value }));
  }, []);
  const blur = useCallback((name: FieldName) => setTouched((t) => new Set(t).add(name)), []);
  const setTransport = useCallback((transport: DirectoryTransport) => {
    setForm((f) => ({ ...f, transport, port: f.port === PORTS[f.transport] ? PORTS[transport] : f.port }));
  }, []);
  const setTrust = useCallback((trust: TrustChoice) => setForm((f) => ({ ...f, trust })), []);

  const test = useCallback(
    async (trust?: TrustChoice) => {
      const next = trust === undefined ? form : { ...form, trust };
      setSubmitted(true);
      const known = passwordState !== 'none' && savedDraft !== null && passwordReusable(next, savedDraft);
      if (hasErrors(directoryErrors(next, known))) {
        setRefused((n) => n + 1);
        return;
      }
      const draft: DirectoryDraft = {
        host: next.host.trim(),
        port: Number(next.port),
        transport: next.transport,
        serverName: next.serverName.trim(),
        username: next.username.trim(),
        trust: next.trust,
      };
      const password = next.password === '' ? {} : { password: next.password };
      const result = await operation.run((opId) => call('directory:test', { opId, draft, ...password }));
      if (!result.ok) {
        if (result.error !== null) setOutcome({ kind: 'failed', error: result.error });
        return;
      }
      if (result.value.status === 'untrusted') {
        setOutcome({ kind: 'untrusted', certificate: result.value.certificate, error: result.value.error });
        return;
      }
      setOutcome({ kind: 'connected', result: result.value });
      setForm((f) => ({ ...f, password: '' }));
      setPasswordState('held');
      setSavedDraft(draft);
    },
    [form, operation, passwordState, savedDraft],
  );

  const chooseCaFile = useCallback(async (): Promise<boolean> => {
    try {
      const { path } = await call('dialog:chooseCaFile', { purpose: 'directory' });
      if (path !== null) setTrust({ kind: 'pem', file: path });
      return path !== null;
    } catch (error) {
      if (!isCancelled(error)) setOutcome({ kind: 'failed', error: toShape(error) });
      return false;
    }
  }, [setTrust]);

  /** "Trust this certificate": pin the fingerprint the admin was shown, and test again. */
  const trustCertificate = useCallback(
    (certificate: CertificateView) => {
      const trust: TrustChoice = { kind: 'pinned', sha256: certificate.sha256 };
      setTrust(trust);
      void test(trust);
    },
    [setTrust, test],
  );

  return {
    loaded,
    form,
    errors,
    passwordState: passwordKnown ? passwordState : 'none',
    outcome,
    testing: operation.running,
    refused,
    setField,
    blur,
    setTransport,
    setTrust,
    chooseCaFile,
    test: () => void test(),
    cancel: operation.cancel,
    trustCertificate,
  } as const;
}

export type DirectoryStepState = ReturnType<typeof useDirectoryStep>;
