/**
 * One user's diagnosis (what the engine knows and what to do), with "Sync this user now": it renders
 * what useDiagnosis read and did, failures included.
 */
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
import type { DiagnosisState } from '../../hooks/use-diagnosis.ts';
import { ErrorBar } from '../ErrorBar.tsx';

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
  diagnosis,
  onClose,
}: {
  readonly user: string | null;
  readonly diagnosis: DiagnosisState;
  readonly onClose: () => void;
}) {
  const styles = useStyles();
  const { view, note, readError, syncError, syncing } = diagnosis;
  const waiting = view === null && note === null && readError === null && syncError === null;
  return (
    <Dialog open={user !== null} onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Diagnosis: {view?.title ?? user}</DialogTitle>
          <DialogContent>
            {waiting && <Spinner size="small" label="Reading the user from the directory…" />}
            {note && (
              <Body1 role="status" className={styles.note}>
                {note}
              </Body1>
            )}
            {syncError && <ErrorBar title="The user could not be synced" error={syncError} />}
            {readError && <ErrorBar title="The diagnosis could not be read" error={readError} />}
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
              onClick={diagnosis.syncNow}
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
