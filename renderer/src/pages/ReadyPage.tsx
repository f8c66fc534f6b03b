/**
 * Ready to configure: every choice with a "Change" link, what still blocks Configure, then
 * Configure — it saves the configuration and applies the tenant features; the first full sync is
 * the engine's, and its progress shows here when the engine reports it.
 */
import { useRef } from 'react';
import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { Rocket20Regular } from '@fluentui/react-icons';
import { ErrorBar } from '../components/ErrorBar.tsx';
import { Lead } from '../components/Lead.tsx';
import { ConfigureResultCard } from '../components/ready/ConfigureResultCard.tsx';
import { Findings } from '../components/ready/Findings.tsx';
import { Summary } from '../components/ready/Summary.tsx';
import { SyncProgressCard } from '../components/ready/SyncProgressCard.tsx';
import { BusyRow } from '../components/wizard/BusyRow.tsx';
import { LiveRegion } from '../components/wizard/LiveRegion.tsx';
import { useFocusReturn } from '../hooks/use-focus-return.ts';
import { useReadyStep } from '../hooks/use-ready-step.ts';

const useStyles = makeStyles({
  actions: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    minHeight: '32px',
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

export function ReadyPage() {
  const styles = useStyles();
  const step = useReadyStep();
  const { review } = step;
  const blocked = review === null || review.blockers.length > 0;
  const actionsRef = useRef<HTMLDivElement>(null);
  useFocusReturn(step.phase === 'configuring', actionsRef);
  return (
    <>
      <Lead>
        Review your choices, then configure. Until you do, nothing changes in your directory or your tenant.
      </Lead>
      {step.phase === 'loading' && <BusyRow label="Reviewing your choices…" />}
      {review !== null && (
        <>
          <Findings review={review} />
          <Summary review={review} />
        </>
      )}
      <LiveRegion>
        {step.error !== null && <ErrorBar title="Configure did not complete" error={step.error} />}
      </LiveRegion>
      {step.phase !== 'loading' && step.phase !== 'configured' && (
        <div className={styles.actions} ref={actionsRef}>
          {step.phase === 'configuring' ? (
            <BusyRow label="Saving the configuration and applying it to the tenant…" />
          ) : (
            <Button
              appearance="primary"
              icon={<Rocket20Regular />}
              onClick={step.configure}
              disabled={blocked}
            >
              Configure
            </Button>
          )}
          {blocked && step.phase === 'ready' && (
            <Body1 className={styles.muted}>Fix the items above to configure.</Body1>
          )}
        </div>
      )}
      {step.result !== null && <ConfigureResultCard result={step.result} />}
      {step.progress !== null && (
        <SyncProgressCard progress={step.progress} cancelling={step.cancelling} onCancel={step.cancelSync} />
      )}
    </>
  );
}
