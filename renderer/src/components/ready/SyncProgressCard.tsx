/**
 * A full sync as the engine reports it: done of total, rate, time left, and (on Ready, for the
 * first one) Cancel. The dashboard shows the same card for any full sync that runs.
 */
import { Body1, Button, Field, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { ArrowSync20Regular, Dismiss16Regular } from '@fluentui/react-icons';
import type { EngineProgress } from '../../../../shared/wizard-schemas.ts';
import { formatCount, formatDuration } from '../../wizard/format.ts';
import { StepCard } from '../wizard/StepCard.tsx';

const useStyles = makeStyles({
  icon: { color: tokens.colorBrandForeground1 },
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

function phases(what: string, where: string): Readonly<Record<EngineProgress['phase'], string>> {
  const What = what.charAt(0).toUpperCase() + what.slice(1);
  return {
    reading: 'Reading users from the domain controller…',
    syncing: 'Synchronizing password hashes…',
    finishing: 'Finishing the last deliveries…',
    completed: `${What} is complete.`,
    cancelled: `${What} was cancelled.`,
    failed: `${What} stopped with an error: ${where}.`,
  };
}

const RUNNING = new Set<EngineProgress['phase']>(['reading', 'syncing', 'finishing']);

export function SyncProgressCard({
  progress,
  first = true,
  cancelling = false,
  onCancel,
}: {
  readonly progress: EngineProgress;
  /** The first full sync (Ready), or any full sync (the dashboard). */
  readonly first?: boolean;
  readonly cancelling?: boolean;
  /** Offers Cancel while the sync runs. */
  readonly onCancel?: () => void;
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
    ...(running
      ? [`${progress.ratePerSecond.toLocaleString(undefined, { maximumFractionDigits: 1 })} per second`]
      : []),
    ...(running && progress.etaSeconds !== null ? [`about ${formatDuration(progress.etaSeconds)} left`] : []),
  ].join(' · ');
  return (
    <StepCard
      id={first ? 'first-sync' : 'full-sync'}
      title={first ? 'First full sync' : 'Full sync'}
      icon={<ArrowSync20Regular className={styles.icon} aria-hidden />}
    >
      <Field
        label={
          (first
            ? phases('the first full sync', 'see the Dashboard')
            : phases('the full sync', 'the status above says why'))[progress.phase]
        }
        validationState={progress.phase === 'failed' ? 'error' : 'none'}
      >
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
        {running && onCancel !== undefined && (
          <Button icon={<Dismiss16Regular />} onClick={onCancel} disabled={cancelling}>
            {cancelling ? 'Cancelling…' : 'Cancel sync'}
          </Button>
        )}
      </div>
    </StepCard>
  );
}
