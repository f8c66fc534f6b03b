/** The engine's status: PHS on/off (off asks first and says what happens), staging, health, cycles, figures. */
import {
  Badge,
  Body1,
  Button,
  Card,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Subtitle2,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { EngineStatusView } from '../../../../shared/engine-schemas.ts';
import { STATE_TEXT, when } from './format.ts';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  grow: { flexGrow: 1 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  fact: { display: 'flex', flexDirection: 'column-reverse', margin: 0 },
  label: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0 },
  title: { margin: 0 },
});

const reach = (v: string): 'success' | 'danger' | 'informative' =>
  v === 'ok' ? 'success' : v === 'failed' ? 'danger' : 'informative';
const reachText = (v: string): string =>
  v === 'ok' ? 'reachable' : v === 'failed' ? 'not reachable' : 'unknown';

export const TURN_OFF_TEXT =
  'No password change will be sent to Microsoft Entra any more, and the tenant stops accepting synced password hashes. Users keep the password they last had in the cloud. The sync state is kept: turning it on again resumes where it stopped.';

export function StatusCard(props: {
  readonly status: EngineStatusView;
  /** Turning off is asked here first; the callback runs once the user confirmed. */
  readonly onSetEnabled: (enabled: boolean) => void;
  readonly onSyncNow: () => void;
  readonly onFullSync: () => void;
}) {
  const { status, onSetEnabled, onSyncNow, onFullSync } = props;
  const styles = useStyles();
  const [confirming, setConfirming] = useState(false);
  const configured = status.state !== 'notConfigured';
  const c = status.counts;
  const facts: [string, string][] = [
    ['Users in scope', c.inScope.toLocaleString()],
    [status.staging ? 'Staged' : 'Synced', (status.staging ? c.staged : c.synced).toLocaleString()],
    ['Filtered', c.filtered.toLocaleString()],
    ['Failed', c.failed.toLocaleString()],
    [
      'Last delta latency',
      status.lastDeltaLatencySeconds === null ? '—' : `${status.lastDeltaLatencySeconds.toFixed(1)} s`,
    ],
    [
      'Last cycle',
      status.lastCycle
        ? `${status.lastCycle.kind}, ${status.lastCycle.outcome}, ${when(status.lastCycle.startedAt)}`
        : '—',
    ],
    ['Next cycle', status.enabled ? when(status.nextCycleAt) : 'none while off'],
    [
      'Last heartbeat',
      status.health.lastHeartbeat === null
        ? 'none yet (logged when idle)'
        : when(status.health.lastHeartbeat),
    ],
  ];
  return (
    <Card className={styles.card} appearance="outline" aria-labelledby="engine-title">
      <div className={styles.row}>
        <Subtitle2 as="h2" id="engine-title" className={`${styles.title} ${styles.grow}`}>
          Password hash sync: {STATE_TEXT[status.state] ?? status.state}
        </Subtitle2>
        {status.staging && (
          <Badge appearance="filled" color="warning">
            Staging mode: nothing is delivered
          </Badge>
        )}
        <Badge appearance="tint" color={reach(status.health.directory)}>
          Domain controller {reachText(status.health.directory)}
        </Badge>
        <Badge appearance="tint" color={reach(status.health.tenant)}>
          Tenant {reachText(status.health.tenant)}
        </Badge>
      </div>
      {status.health.problem && (
        <Body1 role="alert">
          {status.health.problem.message} {status.health.problem.remediation}
        </Body1>
      )}
      <div className={styles.row}>
        <Switch
          label={status.enabled ? 'Password hash sync is on' : 'Password hash sync is off'}
          checked={status.enabled}
          disabled={!configured}
          onChange={(_e, data) => {
            if (data.checked) onSetEnabled(true);
            else setConfirming(true);
          }}
        />
        <span className={styles.grow} />
        <Button disabled={!status.enabled} onClick={onSyncNow}>
          Sync now
        </Button>
        <Button disabled={!status.enabled} onClick={onFullSync}>
          Full sync
        </Button>
      </div>
      <dl className={styles.facts} data-testid="engine-figures">
        {facts.map(([label, value]) => (
          <div key={label} className={styles.fact}>
            <dt className={styles.label}>{label}</dt>
            <dd className={styles.dd}>
              <Text weight="semibold">{value}</Text>
            </dd>
          </div>
        ))}
      </dl>
      <Dialog open={confirming} onOpenChange={(_e, data) => setConfirming(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Turn password hash sync off?</DialogTitle>
            <DialogContent>{TURN_OFF_TEXT}</DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirming(false)}>
                Keep it on
              </Button>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirming(false);
                  onSetEnabled(false);
                }}
              >
                Turn off
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </Card>
  );
}
