/**
 * A running operation: a spinner that says what is happening and a Cancel button, which takes
 * focus when it appears (the button that started the work is gone meanwhile).
 */
import { useEffect, useRef } from 'react';
import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    minHeight: '32px',
  },
});

export interface BusyRowProps {
  readonly label: string;
  readonly onCancel?: () => void;
  readonly cancelLabel?: string;
}

export function BusyRow({ label, onCancel, cancelLabel = 'Cancel' }: BusyRowProps) {
  const styles = useStyles();
  const rowRef = useRef<HTMLDivElement>(null);
  useEffect(() => rowRef.current?.querySelector('button')?.focus(), []);
  return (
    <div className={styles.row} role="status" ref={rowRef}>
      <Spinner size="tiny" label={label} />
      {onCancel !== undefined && (
        <Button icon={<Dismiss16Regular />} onClick={onCancel}>
          {cancelLabel}
        </Button>
      )}
    </div>
  );
}
