/**
 * The Welcome page's live check: the published PHS known answers run through the real hash
 * worker pool in main. A failure says what to do; a pass says how much was proved, how fast.
 */
import {
  Body1,
  Button,
  Card,
  CardHeader,
  makeStyles,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular, CheckmarkCircle20Filled } from '@fluentui/react-icons';
import { useSelfTest, type SelfTestResult } from '../hooks/use-self-test.ts';
import { ErrorBar } from './ErrorBar.tsx';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalM },
  title: { margin: 0 },
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '32px' },
  again: { whiteSpace: 'nowrap' },
  passed: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  description: { color: tokens.colorNeutralForeground2 },
});

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function formatMillis(millis: number): string {
  return millis < 10 ? millis.toFixed(1) : String(Math.round(millis));
}

export function describePass(result: SelfTestResult): string {
  const answers = plural(result.vectors, 'known answer', 'known answers');
  const workers = plural(result.workers, 'worker thread', 'worker threads');
  return `Hash engine self-test passed — ${answers} on ${workers} in ${formatMillis(result.millis)} ms`;
}

const mismatch = {
  code: 'INTERNAL',
  message: 'The hash worker pool produced results that differ from the published known answers.',
  remediation:
    'Do not synchronize with this installation: reinstall the app and run the self-test again; if it still fails, export the log file and report it.',
} as const;

export function SelfTestCard() {
  const styles = useStyles();
  const { state, rerun } = useSelfTest();
  const again = (
    <Button icon={<ArrowClockwise20Regular />} onClick={rerun} className={styles.again}>
      Run again
    </Button>
  );

  return (
    <Card className={styles.card} appearance="outline" aria-labelledby="self-test-title">
      <CardHeader
        header={
          <Subtitle2 as="h2" id="self-test-title" className={styles.title}>
            Hash engine self-test
          </Subtitle2>
        }
        description={
          <Body1 className={styles.description}>
            Before anything touches your directory, the app checks its hash engine against the published known
            answers.
          </Body1>
        }
        action={state.phase === 'running' ? null : again}
      />
      {state.phase === 'running' && (
        <div className={styles.status} role="status">
          <Spinner size="tiny" label="Running the hash engine self-test…" />
        </div>
      )}
      {state.phase === 'done' && state.result.passed && (
        <div className={styles.status} role="status">
          <CheckmarkCircle20Filled className={styles.passed} aria-hidden />
          <Body1>{describePass(state.result)}</Body1>
        </div>
      )}
      {state.phase === 'done' && !state.result.passed && (
        <ErrorBar title="Hash engine self-test failed" error={mismatch} />
      )}
      {state.phase === 'error' && (
        <ErrorBar title="Hash engine self-test could not run" error={state.error} />
      )}
    </Card>
  );
}
