/**
 * Sign-in: in the system browser (where the tenant's MFA and Conditional Access run), or with a
 * device code on any other device. While it waits it says where to finish, and can be cancelled.
 */
import { useRef } from 'react';
import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { Key20Regular, Open16Regular, PersonKey20Regular } from '@fluentui/react-icons';
import { useFocusReturn } from '../../hooks/use-focus-return.ts';
import type { TenantStepState } from '../../hooks/use-tenant-step.ts';
import { BusyRow } from '../wizard/BusyRow.tsx';
import { StepCard } from '../wizard/StepCard.tsx';
import { DeviceCodePanel } from './DeviceCodePanel.tsx';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
  icon: { color: tokens.colorBrandForeground1 },
});

export function SignInCard({ step }: { readonly step: TenantStepState }) {
  const styles = useStyles();
  const waiting = step.phase === 'signingIn';
  const cardRef = useRef<HTMLDivElement>(null);
  useFocusReturn(waiting, cardRef);
  return (
    <div ref={cardRef}>
      <StepCard
        id="sign-in"
        title="Sign in to your tenant"
        icon={<PersonKey20Regular className={styles.icon} aria-hidden />}
      >
        <Body1 className={styles.muted}>
          Sign in as a Global Administrator or Hybrid Identity Administrator. The sign-in page opens in your
          web browser, with the multifactor authentication your tenant requires; the app never sees that
          password.
        </Body1>
        {!waiting && (
          <div className={styles.actions}>
            <Button appearance="primary" icon={<Open16Regular />} onClick={() => step.signIn('browser')}>
              Sign in
            </Button>
            <Button icon={<Key20Regular />} onClick={() => step.signIn('deviceCode')}>
              Use a device code instead
            </Button>
          </div>
        )}
        {waiting && step.method === 'browser' && (
          <BusyRow
            label="Finish signing in in your browser…"
            onCancel={step.cancel}
            cancelLabel="Cancel sign-in"
          />
        )}
        {waiting && step.method === 'deviceCode' && (
          <>
            {step.deviceCode === null ? (
              <BusyRow
                label="Asking the tenant for a code…"
                onCancel={step.cancel}
                cancelLabel="Cancel sign-in"
              />
            ) : (
              <DeviceCodePanel
                code={step.deviceCode}
                onOpen={step.openVerificationPage}
                onCancel={step.cancel}
              />
            )}
          </>
        )}
      </StepCard>
    </div>
  );
}
