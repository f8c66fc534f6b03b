/**
 * The Welcome page's live check: every cryptographic primitive the engine needs, against published
 * known answers, in the main process and in a hash worker (`phs:selfTest`, run once per app start).
 * A failure blocks sync: it shows main's named error with its remediation, and which primitive failed.
 */
import {
  Body1,
  Button,
  Caption1,
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
import { SelfTestTable } from './SelfTestTable.tsx';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalM },
  title: { margin: 0 },
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '32px' },
  again: { whiteSpace: 'nowrap' },
  passed: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  description: { color: tokens.colorNeutralForeground2 },
  runtime: { color: tokens.colorNeutralForeground2 },
});

function formatMillis(millis: number): string {
  return millis < 10 ? millis.toFixed(1) : String(Math.round(millis));
}

const primitivesOf = (result: SelfTestResult): number => new Set(result.results.map((r) => r.name)).size;

export function describePass(result: SelfTestResult): string {
  return `Self-test passed — all ${primitivesOf(result)} primitives, in the main process and in a hash worker, in ${formatMillis(result.millis)} ms`;
}

/** "node 24.x / OpenSSL 3.x", or each place's runtime when they differ. */
export function describeRuntime(result: SelfTestResult): string {
  const of = (where: 'main' | 'worker') =>
    [...new Set(result.results.filter((r) => r.where === where).map((r) => r.runtime))].join(', ');
  const main = of('main');
  const worker = of('worker');
  return main === worker ? `Runtime: ${main}` : `Runtime: ${main} (main process), ${worker} (hash worker)`;
}

const unexplained = {
  code: 'CRYPTO_SELF_TEST_FAILED',
  message: 'The cryptographic self-test failed.',
  remediation: 'Do not synchronize with this installation: reinstall the app and run the self-test again.',
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
            Cryptography self-test
          </Subtitle2>
        }
        description={
          <Body1 className={styles.description}>
            Before anything touches your directory, the app checks every cryptographic primitive it uses — in
            the main process and in a hash worker — against published known answers.
          </Body1>
        }
        action={state.phase === 'running' ? null : again}
      />
      {state.phase === 'running' && (
        <div className={styles.status} role="status">
          <Spinner size="tiny" label="Running the cryptography self-test…" />
        </div>
      )}
      {state.phase === 'done' && state.result.passed && (
        <div className={styles.status} role="status">
          <CheckmarkCircle20Filled className={styles.passed} aria-hidden />
          <Body1>{describePass(state.result)}</Body1>
        </div>
      )}
      {state.phase === 'done' && !state.result.passed && (
        <ErrorBar
          title="Cryptography self-test failed: sync is blocked"
          error={state.result.failure ?? unexplained}
        />
      )}
      {state.phase === 'done' && (
        <>
          <Caption1 className={styles.runtime}>{describeRuntime(state.result)}</Caption1>
          <SelfTestTable results={state.result.results} />
        </>
      )}
      {state.phase === 'error' && (
        <ErrorBar title="The cryptography self-test could not run" error={state.error} />
      )}
    </Card>
  );
}
