/**
 * The Dashboard's link back into the wizard: when the configuration was applied, and "Change
 * configuration", which reopens the wizard filled in from the saved settings.
 */
import { useEffect, useState } from 'react';
import { Body1, Link, makeStyles, tokens } from '@fluentui/react-components';
import { Settings20Regular } from '@fluentui/react-icons';
import { call } from '../bridge.ts';
import { hrefOf } from '../hooks/use-hash-route.ts';
import { formatDateTime } from '../wizard/format.ts';
import { StepCard } from './wizard/StepCard.tsx';

const useStyles = makeStyles({ icon: { color: tokens.colorBrandForeground1 } });

export function ConfigurationCard() {
  const styles = useStyles();
  const [configuredAt, setConfiguredAt] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    call('wizard:load', {}).then(
      (snapshot) => live && setConfiguredAt(snapshot.configuredAt),
      () => live && setConfiguredAt(null),
    );
    return () => {
      live = false;
    };
  }, []);
  if (configuredAt === undefined) return null;
  return (
    <StepCard
      id="configuration"
      title="Configuration"
      icon={<Settings20Regular className={styles.icon} aria-hidden />}
    >
      <Body1>
        {configuredAt === null
          ? 'Password hash sync is not configured yet. '
          : `Configured on ${formatDateTime(configuredAt)}. `}
        <Link href={hrefOf('directory')}>
          {configuredAt === null ? 'Start the setup' : 'Change configuration'}
        </Link>
      </Body1>
    </StepCard>
  );
}
