/**
 * The trust decision: the DC's certificate did not verify, so it is shown — issuer, subject,
 * validity, SHA-256 fingerprint — for the admin to check with the DC's administrator, then to
 * trust this one certificate, or to choose the CA file that issued it instead.
 */
import { useState } from 'react';
import { Body1, Button, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { Certificate20Regular, FolderOpen16Regular, ShieldCheckmark16Regular } from '@fluentui/react-icons';
import type { CertificateView } from '../../../../shared/directory-schemas.ts';
import type { AppErrorShape } from '../../../../shared/errors.ts';
import { DetailsList } from '../wizard/DetailsList.tsx';
import { StepCard } from '../wizard/StepCard.tsx';
import { formatDate } from '../../wizard/format.ts';

const useStyles = makeStyles({
  icon: { color: tokens.colorPaletteMarigoldForeground1 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface CertificatePromptProps {
  readonly certificate: CertificateView;
  readonly error: AppErrorShape;
  readonly onTrust: () => void;
  readonly onChooseCaFile: () => void;
}

export function CertificatePrompt({ certificate, error, onTrust, onChooseCaFile }: CertificatePromptProps) {
  const styles = useStyles();
  const [shownAt] = useState(() => Date.now());
  const expired = Date.parse(certificate.validTo) < shownAt;
  return (
    <StepCard
      id="certificate-prompt"
      title="Do you trust this certificate?"
      icon={<Certificate20Regular className={styles.icon} aria-hidden />}
      focusOnMount
    >
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{error.message}</MessageBarBody>
      </MessageBar>
      <DetailsList
        testId="certificate-details"
        details={[
          { label: 'Issued to (subject)', value: certificate.subject || '(empty)' },
          {
            label: 'Issued by (issuer)',
            value: `${certificate.issuer || '(empty)'}${certificate.selfSigned ? ' — self-signed' : ''}`,
          },
          {
            label: 'Valid',
            value: `${formatDate(certificate.validFrom)} to ${formatDate(certificate.validTo)}${expired ? ' (expired)' : ''}`,
          },
          ...(certificate.subjectAltNames.length > 0
            ? [{ label: 'Other names', value: certificate.subjectAltNames.join(', ') }]
            : []),
          { label: 'SHA-256 fingerprint', value: certificate.sha256, mono: true },
        ]}
      />
      <Body1 className={styles.muted}>
        Compare the fingerprint with the one your domain controller’s administrator reads on the DC (for
        example in the certificate’s details, or with openssl x509 -noout -fingerprint -sha256). Trust it only
        if they are the same. If your organization has its own certificate authority, choose its CA file
        instead.
      </Body1>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<ShieldCheckmark16Regular />} onClick={onTrust}>
          Trust this certificate
        </Button>
        <Button icon={<FolderOpen16Regular />} onClick={onChooseCaFile}>
          Choose a CA file instead…
        </Button>
      </div>
    </StepCard>
  );
}
