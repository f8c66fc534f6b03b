/** One user's diagnosis (what the engine knows and what to do), with "Sync this user now". */
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { DiagnosisView } from '../../../../shared/engine-schemas.ts';
import { toShape } from '../../../../shared/errors.ts';
import { call } from '../../bridge.ts';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    marginTop: tokens.spacingVerticalM,
    margin: 0,
  },
  dd: { margin: 0, overflowWrap: 'anywhere' },
  note: { display: 'block', marginBottom: tokens.spacingVerticalS, fontWeight: tokens.fontWeightSemibold },
});

const INTENT = { ok: 'success', info: 'info', warning: 'warning', error: 'error' } as const;

export function DiagnosisDialog({
  user,
  onClose,
}: {
  readonly user: string | null;
  readonly onClose: () => void;
}) {
  const styles = useStyles();
  const [state, setState] = useState<{
    readonly for: string | null;
    readonly view: DiagnosisView | null;
    readonly note: string | null;
  }>({ for: null, view: null, note: null });
  const [syncing, setSyncing] = useState(false);
  // Bumped after "Sync this user now": the diagnosis is read again, with the note kept.
  const [reads, setReads] = useState(0);
  const view = state.for === user ? state.view : null;
  const note = state.for === user ? state.note : null;
  useEffect(() => {
    if (user === null) return;
    let live = true;
    call('engine:diagnose', { user }).then(
      (v) => live && setState((s) => ({ for: user, view: v, note: s.for === user ? s.note : null })),
      (e: unknown) => live && setState({ for: user, view: null, note: toShape(e).message }),
    );
    return () => void (live = false);
  }, [user, reads]);
  const syncNow = async (who: string): Promise<void> => {
    setSyncing(true);
    try {
      const r = await call('engine:syncUser', { user: who });
      setState((s) => ({ ...s, for: who, note: r.message }));
    } catch (e) {
      const shape = toShape(e);
      setState((s) => ({ ...s, for: who, note: `${shape.message} ${shape.remediation}` }));
    } finally {
      setSyncing(false);
      setReads((n) => n + 1);
    }
  };
  return (
    <Dialog open={user !== null} onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Diagnosis: {view?.title ?? user}</DialogTitle>
          <DialogContent>
            {view === null && note === null && (
              <Spinner size="small" label="Reading the user from the directory…" />
            )}
            {note && (
              <Body1 role="status" className={styles.note}>
                {note}
              </Body1>
            )}
            {view && (
              <>
                <MessageBar intent={INTENT[view.severity]}>
                  <MessageBarBody>
                    {view.summary} {view.remediation}
                  </MessageBarBody>
                </MessageBar>
                <dl className={styles.facts}>
                  {view.facts.map((f) => (
                    <div key={f.label} style={{ display: 'contents' }}>
                      <dt>{f.label}</dt>
                      <dd className={styles.dd}>{f.value}</dd>
                    </div>
                  ))}
                </dl>
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={user === null}
              disabledFocusable={syncing}
              onClick={() => user && void syncNow(user)}
            >
              {syncing ? 'Syncing…' : 'Sync this user now'}
            </Button>
            <Button onClick={onClose}>Close</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
