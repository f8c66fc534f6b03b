/** Password hash sync: whether to sync, and how synchronized passwords behave in the cloud. */
import { Field, Input, makeStyles, Switch, tokens } from '@fluentui/react-components';
import { ErrorBar } from '../components/ErrorBar.tsx';
import { ExternalLink } from '../components/ExternalLink.tsx';
import { Lead } from '../components/Lead.tsx';
import { Section } from '../components/Section.tsx';
import { usePhsStep, type PhsFlag } from '../hooks/use-phs-step.ts';
import { validation } from '../wizard/field.ts';
import { learn } from './links.ts';

const useStyles = makeStyles({
  options: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  interval: { maxWidth: '12rem', minWidth: 0 },
});

const FLAGS: readonly { readonly flag: PhsFlag; readonly label: string; readonly hint: string }[] = [
  {
    flag: 'enabled',
    label: 'Synchronize password hashes',
    hint: 'Users sign in to Microsoft 365 with the password they use on your network. Off: the configuration is saved, nothing is synchronized.',
  },
  {
    flag: 'enforceCloudPasswordPolicy',
    label: 'Enforce the cloud password policy for synchronized users',
    hint: 'Without it, synchronized users’ cloud passwords never expire. With it, the tenant’s expiry policy applies to them too.',
  },
  {
    flag: 'syncTemporaryPasswords',
    label: 'Synchronize temporary passwords (change at next sign-in)',
    hint: 'Users who must change their password at next logon are synchronized, and the cloud asks them to change it as well.',
  },
  {
    flag: 'stagingMode',
    label: 'Staging mode',
    hint: 'Read and hash everything but send nothing, and leave the tenant unchanged: to check a setup before it takes effect.',
  },
];

export function PhsPage() {
  const styles = useStyles();
  const step = usePhsStep();
  return (
    <>
      <Lead>
        Choose whether password hashes are synchronized, and how synchronized passwords behave in Microsoft
        Entra ID.
      </Lead>
      <Section title="Options">
        <div className={styles.options}>
          {FLAGS.map(({ flag, label, hint }) => (
            <Field key={flag} hint={hint}>
              <Switch
                label={label}
                checked={step.options[flag]}
                disabled={!step.loaded || (flag !== 'enabled' && !step.options.enabled)}
                onChange={(_e, d) => step.setFlag(flag, d.checked)}
              />
            </Field>
          ))}
          <Field
            label="Check for password changes every (seconds)"
            hint="From 1 to 86400. Changes are picked up from the domain controller at this interval."
            {...validation(step.intervalError)}
          >
            <Input
              className={styles.interval}
              inputMode="numeric"
              value={step.interval}
              disabled={!step.loaded}
              onChange={(_e, d) => step.setInterval(d.value)}
            />
          </Field>
        </div>
      </Section>
      {step.error !== null && <ErrorBar title="The options were not saved" error={step.error} />}
      <ExternalLink href={learn.howPhsWorks}>
        How password hash synchronization works (Microsoft Learn)
      </ExternalLink>
    </>
  );
}
