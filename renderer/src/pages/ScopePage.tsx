/** Scope: whose password hashes are synchronized — OUs checked in the tree, with the live count. */
import { Body1, Link, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { ErrorBar } from '../components/ErrorBar.tsx';
import { Lead } from '../components/Lead.tsx';
import { OuTree } from '../components/scope/OuTree.tsx';
import { BusyRow } from '../components/wizard/BusyRow.tsx';
import { DetailsList } from '../components/wizard/DetailsList.tsx';
import { StepCard } from '../components/wizard/StepCard.tsx';
import { hrefOf } from '../hooks/use-hash-route.ts';
import { useScopeStep } from '../hooks/use-scope-step.ts';
import { formatCount } from '../wizard/format.ts';

const useStyles = makeStyles({
  count: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '28px' },
  muted: { color: tokens.colorNeutralForeground2 },
});

const list = (dns: readonly string[]): string => (dns.length === 0 ? 'None' : dns.join('; '));

export function ScopePage() {
  const styles = useStyles();
  const step = useScopeStep();
  return (
    <>
      <Lead>
        Choose which users’ password hashes are synchronized. Check an organizational unit to include
        everything below it; uncheck one below to exclude it. Only user accounts are synchronized, never
        computers or contacts.
      </Lead>
      {step.phase === 'loading' && <BusyRow label="Reading the organizational units…" />}
      {step.phase === 'noConnection' && (
        <StepCard id="scope-needs-directory" title="Connect to Active Directory first">
          <Body1>
            The tree is read from your domain controller.{' '}
            <Link href={hrefOf('directory')}>Go to Active Directory</Link> and test the connection.
          </Body1>
        </StepCard>
      )}
      {step.phase === 'error' && step.error !== null && (
        <ErrorBar title="The organizational units could not be read" error={step.error} />
      )}
      {step.phase === 'ready' && (
        <>
          <div className={styles.count} aria-live="polite" data-testid="scope-count">
            {step.count === null ? (
              <Spinner size="extra-tiny" label="Counting the users in scope…" />
            ) : (
              <Text weight="semibold">{formatCount(step.count, 'user', 'users')} in scope</Text>
            )}
            {step.counting && step.count !== null && <Spinner size="extra-tiny" aria-label="Recounting" />}
          </div>
          <OuTree step={step} />
          <DetailsList
            testId="scope-rules"
            details={[
              { label: 'Included', value: list(step.selection.includedOus) },
              { label: 'Excluded', value: list(step.selection.excludedOus) },
            ]}
          />
          {step.error !== null && (
            <ErrorBar title="The scope could not be counted or saved" error={step.error} />
          )}
        </>
      )}
    </>
  );
}
