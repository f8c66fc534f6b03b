/** Dashboard: the engine's status and switch, figures, recent cycles, the users and the event log. */
import {
  Card,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ConfigurationCard } from '../components/ConfigurationCard.tsx';
import { CyclesChart } from '../components/dashboard/CyclesChart.tsx';
import { DiagnosisDialog } from '../components/dashboard/DiagnosisDialog.tsx';
import { EventsCard } from '../components/dashboard/EventsCard.tsx';
import { StatusCard } from '../components/dashboard/StatusCard.tsx';
import { UsersTable } from '../components/dashboard/UsersTable.tsx';
import { Lead } from '../components/Lead.tsx';
import { SyncProgressCard } from '../components/ready/SyncProgressCard.tsx';
import { subscribe } from '../bridge.ts';
import type { EngineProgress } from '../../../shared/wizard-schemas.ts';
import { PoolStatusCard } from '../components/PoolStatusCard.tsx';
import type { PoolReport } from '../hooks/use-main-process.ts';
import { useEngine } from '../hooks/use-engine.ts';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalM },
  title: { margin: 0 },
});

function Panel({
  id,
  title,
  children,
}: {
  readonly id: string;
  readonly title: string;
  readonly children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <Card className={styles.card} appearance="outline" aria-labelledby={id}>
      <Subtitle2 as="h2" id={id} className={styles.title}>
        {title}
      </Subtitle2>
      {children}
    </Card>
  );
}

export function DashboardPage({ pool }: { readonly pool: PoolReport | undefined }) {
  const { status, cycles, error, act } = useEngine();
  const [diagnosed, setDiagnosed] = useState<string | null>(null);
  // A full sync (Full sync, or the first one) shows its progress here too.
  const [progress, setProgress] = useState<EngineProgress | null>(null);
  useEffect(() => subscribe('engine:progress', setProgress), []);
  // The dialog opens from a row, not from a trigger Fluent knows: focus goes back to that row.
  const opener = useRef<HTMLElement | null>(null);
  const openDiagnosis = (user: string): void => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDiagnosed(user);
  };
  const closeDiagnosis = (): void => {
    setDiagnosed(null);
    const back = opener.current;
    requestAnimationFrame(() => {
      if (back?.isConnected) back.focus();
    });
  };
  const configured = status !== undefined && status.state !== 'notConfigured';
  return (
    <>
      <Lead>
        How password hash sync is doing: whether it is on, the last and next cycle, how many users were
        synchronized, each user's result and the engine's events.
      </Lead>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            {error.message} {error.remediation}
          </MessageBarBody>
        </MessageBar>
      )}
      {status === undefined ? (
        <Spinner size="small" label="Reading the engine's status…" />
      ) : (
        <StatusCard status={status} act={act} />
      )}
      {configured && progress !== null && <SyncProgressCard progress={progress} first={false} />}
      {configured && (
        <>
          <Panel id="cycles-title" title="Recent cycles (hashes delivered)">
            <CyclesChart cycles={cycles} />
          </Panel>
          <Panel id="users-title" title="Users">
            <UsersTable onSelect={openDiagnosis} version={status} />
          </Panel>
          <Panel id="events-title" title="Events">
            <EventsCard version={status} />
          </Panel>
        </>
      )}
      <DiagnosisDialog user={diagnosed} onClose={closeDiagnosis} />
      <ConfigurationCard />
      <PoolStatusCard report={pool} />
    </>
  );
}
