/**
 * Dashboard: the engine's status and switch, figures, recent cycles, the users and the event log.
 * The data comes from hooks (useEngine, useDiagnosis, useConfiguredAt, and the panels' own); the
 * components only render it, failures included.
 */
import { Spinner } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { ConfigurationCard } from '../components/ConfigurationCard.tsx';
import { CyclesChart } from '../components/dashboard/CyclesChart.tsx';
import { DiagnosisDialog } from '../components/dashboard/DiagnosisDialog.tsx';
import { StatusCard } from '../components/dashboard/StatusCard.tsx';
import { ErrorBar } from '../components/ErrorBar.tsx';
import { Lead } from '../components/Lead.tsx';
import { PoolStatusCard } from '../components/PoolStatusCard.tsx';
import { SyncProgressCard } from '../components/ready/SyncProgressCard.tsx';
import { useConfiguredAt } from '../hooks/use-configured-at.ts';
import { useDiagnosis } from '../hooks/use-diagnosis.ts';
import { useEngine } from '../hooks/use-engine.ts';
import type { PoolReport } from '../hooks/use-main-process.ts';
import { EventsPanel, Panel, UsersPanel } from './DashboardPanels.tsx';

export function DashboardPage({ pool }: { readonly pool: PoolReport | undefined }) {
  const engine = useEngine();
  const { status, progress } = engine;
  const [diagnosed, setDiagnosed] = useState<string | null>(null);
  const diagnosis = useDiagnosis(diagnosed);
  const configuration = useConfiguredAt();
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
      {engine.readError && (
        <ErrorBar title="The engine's status could not be read" error={engine.readError} />
      )}
      {engine.actionError && <ErrorBar title={engine.actionError.title} error={engine.actionError.error} />}
      {status === undefined ? (
        <Spinner size="small" label="Reading the engine's status…" />
      ) : (
        <StatusCard
          status={status}
          onSetEnabled={engine.setEnabled}
          onSyncNow={engine.syncNow}
          onFullSync={engine.fullSync}
        />
      )}
      {/* A full sync (Full sync, or the first one) shows its progress here too. */}
      {configured && progress !== null && <SyncProgressCard progress={progress} first={false} />}
      {configured && (
        <>
          <Panel id="cycles-title" title="Recent cycles (hashes delivered)">
            <CyclesChart cycles={engine.cycles} />
          </Panel>
          <UsersPanel onSelect={openDiagnosis} />
          <EventsPanel />
        </>
      )}
      <DiagnosisDialog user={diagnosed} diagnosis={diagnosis} onClose={closeDiagnosis} />
      <ConfigurationCard {...configuration} />
      <PoolStatusCard report={pool} />
    </>
  );
}
