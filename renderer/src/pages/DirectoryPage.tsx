/**
 * Active Directory: which domain controller to read from, with which account; "Test connection"
 * connects (cancellable), offers the certificate for a trust decision when it does not verify,
 * then shows the discovered domain and the replication-rights check.
 */
import { useEffect, useRef } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { PlugConnected20Regular } from '@fluentui/react-icons';
import { ErrorBar } from '../components/ErrorBar.tsx';
import { ExternalLink } from '../components/ExternalLink.tsx';
import { Lead } from '../components/Lead.tsx';
import { Section } from '../components/Section.tsx';
import { CertificatePrompt } from '../components/directory/CertificatePrompt.tsx';
import { ConnectionForm } from '../components/directory/ConnectionForm.tsx';
import { DiscoveryCard } from '../components/directory/DiscoveryCard.tsx';
import { RightsCard } from '../components/directory/RightsCard.tsx';
import { TrustField } from '../components/directory/TrustField.tsx';
import { BusyRow } from '../components/wizard/BusyRow.tsx';
import { LiveRegion } from '../components/wizard/LiveRegion.tsx';
import { useDirectoryStep } from '../hooks/use-directory-step.ts';
import { useFocusReturn } from '../hooks/use-focus-return.ts';
import { learn } from './links.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, minHeight: '32px' },
});

export function DirectoryPage() {
  const styles = useStyles();
  const step = useDirectoryStep();
  const { outcome, refused } = step;
  const formRef = useRef<HTMLDivElement>(null);
  const actionsRef = useRef<HTMLDivElement>(null);
  useFocusReturn(step.testing, actionsRef);
  useEffect(() => {
    // A refused test: focus goes to the first field that says what is wrong.
    if (refused > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refused]);
  return (
    <>
      <Lead>
        Connect to a writable domain controller of your on-premises Active Directory, with the account that
        holds the two replication rights. Plain, unencrypted LDAP is never used.
      </Lead>
      <Section title="Domain controller and account">
        <div ref={formRef} className={styles.form}>
          <ConnectionForm step={step} />
          <TrustField step={step} />
        </div>
        <div className={styles.actions} ref={actionsRef}>
          {step.testing ? (
            <BusyRow label="Testing the connection…" onCancel={step.cancel} />
          ) : (
            <Button
              appearance="primary"
              icon={<PlugConnected20Regular />}
              onClick={step.test}
              disabled={!step.loaded}
            >
              Test connection
            </Button>
          )}
        </div>
      </Section>
      <LiveRegion testId="directory-result">
        {outcome.kind === 'failed' && !step.testing && (
          <ErrorBar title="The connection test failed" error={outcome.error} />
        )}
        {outcome.kind === 'untrusted' && !step.testing && (
          <CertificatePrompt
            certificate={outcome.certificate}
            error={outcome.error}
            onTrust={() => step.trustCertificate(outcome.certificate)}
            onChooseCaFile={() => void step.chooseCaFile()}
          />
        )}
        {outcome.kind === 'connected' && (
          <>
            <DiscoveryCard result={outcome.result} />
            <RightsCard rights={outcome.result.rights} />
          </>
        )}
      </LiveRegion>
      <ExternalLink href={learn.accountsAndPermissions}>
        Accounts and permissions for synchronization (Microsoft Learn)
      </ExternalLink>
    </>
  );
}
