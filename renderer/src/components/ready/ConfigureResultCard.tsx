/**
 * What Configure did: the configuration saved, each change made in the tenant, and who runs the
 * first full sync — the engine; its progress appears below as soon as it reports.
 */
import { Body1, Link, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled } from '@fluentui/react-icons';
import { assertNever } from '../../../../shared/assert-never.ts';
import type { ConfigureResult } from '../../../../shared/wizard-schemas.ts';
import { hrefOf } from '../../hooks/use-hash-route.ts';
import { formatDateTime } from '../../wizard/format.ts';
import { StepCard } from '../wizard/StepCard.tsx';

const useStyles = makeStyles({
  ok: { color: tokens.colorPaletteGreenForeground1 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

function firstSyncText(result: ConfigureResult): string {
  switch (result.firstSync) {
    case 'started':
      return result.staging
        ? 'The sync engine started the first full sync in staging mode: it reads and hashes every user in scope and sends nothing.'
        : 'The sync engine started the first full sync: the hash of every user in scope is sent once, then only changes.';
    case 'engineNotConnected':
      return 'The first full sync is run by the sync engine, which is not running in this version of the app yet. It starts from the saved configuration once the engine runs; follow it on the Dashboard.';
    case 'notRequested':
      return 'Password hash sync is off, so no sync runs. Turn it on in the Password hash sync step and configure again.';
    default:
      return assertNever(result.firstSync);
  }
}

export function ConfigureResultCard({ result }: { readonly result: ConfigureResult }) {
  const styles = useStyles();
  return (
    <StepCard
      id="configured"
      title="Configuration saved"
      icon={<CheckmarkCircle20Filled className={styles.ok} aria-hidden />}
      focusOnMount
    >
      <Body1>
        Saved on {formatDateTime(result.savedAt)}, with the account password encrypted by your operating
        system.
      </Body1>
      {result.tenantChanges.length > 0 ? (
        <ul className={styles.list} data-testid="tenant-changes">
          {result.tenantChanges.map((change) => (
            <li key={change}>
              <Body1>{change}</Body1>
            </li>
          ))}
        </ul>
      ) : (
        <Body1>
          {result.staging
            ? 'Staging mode: nothing was changed in the tenant.'
            : 'The tenant already had these settings: nothing needed changing.'}
        </Body1>
      )}
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{firstSyncText(result)}</MessageBarBody>
      </MessageBar>
      <Body1>
        <Link href={hrefOf('dashboard')}>Open the dashboard</Link> to watch the sync, its users and its
        events.
      </Body1>
    </StepCard>
  );
}
