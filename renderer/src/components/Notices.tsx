/** Notices pushed by main (`app:notice`) and a failure to reach main, above the page. */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import type { AppErrorShape } from '../../../shared/errors.ts';
import type { Notice } from '../hooks/use-main-process.ts';
import { ErrorBar } from './ErrorBar.tsx';

const useStyles = makeStyles({
  stack: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBlockStart: tokens.spacingVerticalL,
    paddingInline: tokens.spacingHorizontalXXXL,
    maxWidth: '760px',
  },
  remediation: { display: 'block', marginTop: tokens.spacingVerticalXS },
});

export interface NoticesProps {
  readonly notices: readonly Notice[];
  readonly failure: AppErrorShape | undefined;
  readonly onDismiss: (id: number) => void;
}

export function Notices({ notices, failure, onDismiss }: NoticesProps) {
  const styles = useStyles();
  const empty = notices.length === 0 && failure === undefined;
  // The live region stays in the page even when empty, so what is added later is announced.
  return (
    <div className={empty ? undefined : styles.stack} aria-live="polite">
      {failure && <ErrorBar title="Could not connect to the app's main process" error={failure} />}
      {notices.map((notice) => (
        <MessageBar key={notice.id} intent={notice.level} layout="multiline">
          <MessageBarBody>
            {notice.message}
            {notice.remediation !== undefined && (
              <span className={styles.remediation}>{notice.remediation}</span>
            )}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label="Dismiss"
                icon={<Dismiss20Regular />}
                onClick={() => onDismiss(notice.id)}
              />
            }
          />
        </MessageBar>
      ))}
    </div>
  );
}
