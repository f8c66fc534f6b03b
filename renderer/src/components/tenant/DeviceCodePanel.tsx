/** The device code and where to enter it, both copyable, while the app waits for the sign-in. */
import { useEffect, useRef } from 'react';
import { Body1, Button, Caption1, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { Dismiss16Regular, Open16Regular } from '@fluentui/react-icons';
import type { DeviceCode } from '../../hooks/use-tenant-step.ts';
import { formatDuration } from '../../wizard/format.ts';
import { CopyButton } from '../wizard/CopyButton.tsx';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    letterSpacing: '0.12em',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  url: { overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface DeviceCodePanelProps {
  readonly code: DeviceCode;
  readonly onOpen: () => void;
  readonly onCancel: () => void;
}

export function DeviceCodePanel({ code, onOpen, onCancel }: DeviceCodePanelProps) {
  const styles = useStyles();
  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => panelRef.current?.querySelector('button')?.focus(), []);
  return (
    <div className={styles.panel} ref={panelRef} data-testid="device-code">
      <Body1>
        On this or another device, open the page below and enter the code. The code expires in about{' '}
        {formatDuration(code.expiresInSeconds)}.
      </Body1>
      <div className={styles.row}>
        <Text size={600} weight="semibold" className={styles.code} data-testid="device-code-value">
          {code.userCode}
        </Text>
        <CopyButton text={code.userCode} label="Copy the code" />
      </div>
      <div className={styles.row}>
        <Body1 className={styles.url} data-testid="device-code-url">
          {code.verificationUri}
        </Body1>
        <CopyButton text={code.verificationUri} label="Copy the address of the page" />
        <Button size="small" icon={<Open16Regular />} onClick={onOpen}>
          Open the page
        </Button>
      </div>
      <div className={styles.row} role="status">
        <Spinner
          size="extra-tiny"
          label={<Caption1 className={styles.muted}>Waiting for you to sign in…</Caption1>}
        />
        <Button icon={<Dismiss16Regular />} onClick={onCancel}>
          Cancel sign-in
        </Button>
      </div>
    </div>
  );
}
