/**
 * The hash worker pool as main last reported it (`phs:poolStatus`), or that it has not yet. Workers
 * start when there is hashing to do and stop after a minute idle, so 0 running is the normal idle state.
 */
import {
  Body1,
  Caption1,
  Card,
  CardHeader,
  makeStyles,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { PoolReport } from '../hooks/use-main-process.ts';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalM },
  stats: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  stat: {
    display: 'flex',
    flexDirection: 'column-reverse',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  title: { margin: 0 },
  label: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function PoolStatusCard({ report }: { readonly report: PoolReport | undefined }) {
  const styles = useStyles();
  const stats = report && [
    { label: 'Worker threads running', value: `${report.status.workers} of ${report.status.limit}` },
    { label: 'Busy', value: report.status.busy },
    { label: 'Batches queued', value: report.status.queued },
  ];
  return (
    <Card className={styles.card} appearance="outline" aria-labelledby="pool-title">
      <CardHeader
        header={
          <Subtitle2 as="h2" id="pool-title" className={styles.title}>
            Hash worker pool
          </Subtitle2>
        }
        description={
          <Caption1 className={styles.muted}>
            {report
              ? `Last reported at ${report.receivedAt.toLocaleTimeString()}. Workers start when there is hashing to do and stop when idle.`
              : 'Live status from the main process'}
          </Caption1>
        }
      />
      {stats ? (
        <dl className={styles.stats} data-testid="pool-status">
          {stats.map(({ label, value }) => (
            <div key={label} className={styles.stat}>
              <dt className={styles.label}>
                <Caption1>{label}</Caption1>
              </dt>
              <dd className={styles.value}>
                <Text size={600} weight="semibold">
                  {value}
                </Text>
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <Body1 className={styles.muted}>
          The pool has not reported its status in this session yet. Its workers start when there is hashing
          to do (a sync, or the self-test on the Welcome page) and stop after a minute without work.
        </Body1>
      )}
    </Card>
  );
}
