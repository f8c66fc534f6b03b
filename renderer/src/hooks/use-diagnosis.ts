/**
 * One user's diagnosis, for the dialog: read when a user is chosen (`engine:diagnose`), and "Sync
 * this user now" (`engine:syncUser`), after which the diagnosis is read again with the outcome
 * kept. What is shown belongs to the user asked about: another user starts from nothing.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DiagnosisView } from '../../../shared/engine-schemas.ts';
import { isCancelled, toShape, type AppErrorShape } from '../../../shared/errors.ts';
import { call } from '../bridge.ts';

interface Reading {
  readonly for: string | null;
  readonly view: DiagnosisView | null;
  readonly readError: AppErrorShape | null;
  /** What "Sync this user now" did, in words. */
  readonly note: string | null;
  readonly syncError: AppErrorShape | null;
}

export type DiagnosisState = Omit<Reading, 'for'> & {
  readonly syncing: boolean;
  readonly syncNow: () => void;
};

const NOTHING: Reading = { for: null, view: null, readError: null, note: null, syncError: null };

/** The sync outcome is kept across reads of the same user. */
const outcomeFor = (s: Reading, user: string) =>
  s.for === user ? { note: s.note, syncError: s.syncError } : { note: null, syncError: null };

export function useDiagnosis(user: string | null): DiagnosisState {
  const [state, setState] = useState<Reading>(NOTHING);
  const [syncing, setSyncing] = useState(false);
  // Bumped after "Sync this user now": the diagnosis is read again.
  const [reads, setReads] = useState(0);

  useEffect(() => {
    if (user === null) return;
    let live = true;
    call('engine:diagnose', { user }).then(
      (view) => live && setState((s) => ({ for: user, view, readError: null, ...outcomeFor(s, user) })),
      (failure: unknown) =>
        live &&
        setState((s) => ({ for: user, view: null, readError: toShape(failure), ...outcomeFor(s, user) })),
    );
    return () => void (live = false);
  }, [user, reads]);

  const syncNow = useCallback(async (who: string) => {
    setSyncing(true);
    try {
      const r = await call('engine:syncUser', { user: who });
      setState((s) => ({ ...s, for: who, note: r.message, syncError: null }));
    } catch (failure) {
      if (!isCancelled(failure))
        setState((s) => ({ ...s, for: who, note: null, syncError: toShape(failure) }));
    } finally {
      setSyncing(false);
      setReads((n) => n + 1);
    }
  }, []);

  const shown = state.for === user ? state : NOTHING;
  return {
    view: shown.view,
    readError: shown.readError,
    note: shown.note,
    syncError: shown.syncError,
    syncing,
    syncNow: () => {
      if (user !== null) void syncNow(user);
    },
  };
}
