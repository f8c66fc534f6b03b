/** A failure the user can act on: what went wrong and, always, how to fix it. */
import type { ReactNode } from 'react';
import {
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import type { AppErrorShape } from '../../../shared/errors.ts';

const useStyles = makeStyles({
  remediation: { display: 'block', marginTop: tokens.spacingVerticalXS },
});

export interface ErrorBarProps {
  readonly title: string;
  readonly error: AppErrorShape;
  readonly intent?: 'error' | 'warning';
  /** Buttons shown beside the message (for example "Try again"). */
  readonly actions?: ReactNode;
}

export function ErrorBar({ title, error, intent = 'error', actions }: ErrorBarProps) {
  const styles = useStyles();
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {error.message}
        <span className={styles.remediation}>{error.remediation}</span>
      </MessageBarBody>
      {actions !== undefined && <MessageBarActions>{actions}</MessageBarActions>}
    </MessageBar>
  );
}
