/** The first full sync as the engine reports it: done of total, rate, time left, and Cancel. */
import { Body1, Button, Field, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { ArrowSync20Regular, Dismiss16Regular } from '@fluentui/react-icons';
import type { EngineProgress } from '../../../../shared/wizard-schemas.ts';
import { formatCount, formatDuration } from '../../wizard/format.ts';
import { StepCard } from '../wizard/StepCard.tsx';

const useStyles = makeStyles({
  icon: { color: tokens.colorBrandForeground1 },
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

const PHASES: Readonly<Record<EngineProgress['phase'], string>> = {
  reading: 'Reading users from the domain controller…',
  syncing: 'Synchronizing password hashes…',
  finishing: 'Finishing the last deliveries…',
  completed: 'The first full sync is complete.',
  cancelled: 'The first full sync was cancelled.',
  failed: 'The first full sync stopped with an error: see the Dashboard.',
};

const RUNNING = new Set<EngineProgress['phase']>(['reading', 'syncing', 'finishing']);

export function SyncProgressCard({
  progress,
  cancelling,
  onCancel,
}: {
  readonly progress: EngineProgress;
  readonly cancelling: boolean;
  readonly onCancel: () => void;
}) {
  const styles = useStyles();
  const running = RUNNING.has(progress.phase);
  // Without a total told in advance (a first full sync), the bar runs without a value and no time is guessed.
  const value =
    progress.total === 0 || (running && !progress.totalKnown)
      ? running
        ? undefined
        : 1
      : Math.min(1, progress.done / progress.total);
  const read =
    running && !progress.totalKnown
      ? `${formatCount(progress.done, 'directory user', 'directory users')} read so far`
      : `${progress.done.toLocaleString()} of ${formatCount(progress.total, 'directory user', 'directory users')} read`;
  const figures = [
    read,
    `${progress.ratePerSecond.toLocaleString(undefined, { maximumFractionDigits: 1 })} per second`,
    ...(running && progress.etaSeconds !== null ? [`about ${formatDuration(progress.etaSeconds)} left`] : []),
  ].join(' · ');
  return (
    <StepCard
      id="first-sync"
      title="First full sync"
      icon={<ArrowSync20Regular className={styles.icon} aria-hidden />}
    >
      <Field label={PHASES[progress.phase]} validationState={progress.phase === 'failed' ? 'error' : 'none'}>
        <ProgressBar
          {...(value === undefined ? {} : { value })}
          max={1}
          thickness="large"
          aria-valuetext={figures}
        />
      </Field>
      <div className={styles.row}>
        <Body1 aria-live="polite" data-testid="sync-figures">
          {figures}
        </Body1>
        {running && (
          <Button icon={<Dismiss16Regular />} onClick={onCancel} disabled={cancelling}>
            {cancelling ? 'Cancelling…' : 'Cancel sync'}
          </Button>
        )}
      </div>
    </StepCard>
  );
}
