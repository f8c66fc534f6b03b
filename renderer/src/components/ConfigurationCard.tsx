/**
 * The Dashboard's link back into the wizard: when the configuration was applied, and "Change
 * configuration", which reopens the wizard filled in from the saved settings. When the saved
 * settings could not be read, it says so (with what to do) and still links to the setup.
 */
import { Body1, Link, makeStyles, tokens } from '@fluentui/react-components';
import { Settings20Regular } from '@fluentui/react-icons';
import { hrefOf } from '../hooks/use-hash-route.ts';
import type { ConfiguredAt } from '../hooks/use-configured-at.ts';
import { formatDateTime } from '../wizard/format.ts';
import { ErrorBar } from './ErrorBar.tsx';
import { StepCard } from './wizard/StepCard.tsx';

const useStyles = makeStyles({ icon: { color: tokens.colorBrandForeground1 } });

export function ConfigurationCard({ configuredAt, error }: ConfiguredAt) {
  const styles = useStyles();
  if (configuredAt === undefined && error === null) return null;
  const configured = typeof configuredAt === 'string';
  const said = configured
    ? `Configured on ${formatDateTime(configuredAt)}. `
    : error === null
      ? 'Password hash sync is not configured yet. '
      : '';
  const link = configured ? 'Change configuration' : error === null ? 'Start the setup' : 'Open the setup';
  return (
    <StepCard
      id="configuration"
      title="Configuration"
      icon={<Settings20Regular className={styles.icon} aria-hidden />}
    >
      {error !== null && <ErrorBar title="The saved configuration could not be read" error={error} />}
      <Body1>
        {said}
        <Link href={hrefOf('directory')}>{link}</Link>
      </Body1>
    </StepCard>
  );
}
