/**
 * The replication-rights check: both rights, granted or not, and when one is missing what a
 * domain administrator runs to grant it — PowerShell (dsacls) and Samba (samba-tool), copyable.
 */
import {
  Body1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircle16Filled, DismissCircle16Filled, PersonKey20Regular } from '@fluentui/react-icons';
import type { RightsView } from '../../../../shared/directory-schemas.ts';
import { CommandBlock } from '../wizard/CommandBlock.tsx';
import { StepCard } from '../wizard/StepCard.tsx';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  granted: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  missing: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  icon: { color: tokens.colorBrandForeground1 },
  grants: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function RightsCard({ rights }: { readonly rights: RightsView }) {
  const styles = useStyles();
  return (
    <StepCard
      id="rights"
      title="Replication rights"
      icon={<PersonKey20Regular className={styles.icon} aria-hidden />}
    >
      <Body1>
        {rights.account} ({rights.accountSid})
      </Body1>
      <ul className={styles.list}>
        {rights.rights.map((right) => (
          <li key={right.name} className={styles.item}>
            {right.granted ? (
              <CheckmarkCircle16Filled className={styles.granted} aria-hidden />
            ) : (
              <DismissCircle16Filled className={styles.missing} aria-hidden />
            )}
            <Body1>
              {right.name}: {right.granted ? 'granted' : right.denied ? 'denied' : 'missing'}
            </Body1>
          </li>
        ))}
      </ul>
      {rights.canSync ? (
        <MessageBar intent="success">
          <MessageBarBody>This account can read password hashes by directory replication.</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>This account cannot read password hashes</MessageBarTitle>A domain
              administrator grants the missing {rights.grants.length === 1 ? 'right' : 'rights'} on the domain
              root with the commands below, then you test the connection again.
              {rights.denyNote === null ? '' : ` ${rights.denyNote}`}
            </MessageBarBody>
          </MessageBar>
          <div className={styles.grants} data-testid="grant-commands">
            {rights.grants.map((grant) => (
              <div key={grant.right} className={styles.grants}>
                <CommandBlock title={`${grant.right} — PowerShell (dsacls)`} command={grant.dsacls} />
                <CommandBlock title={`${grant.right} — Samba (samba-tool)`} command={grant.sambaTool} />
              </div>
            ))}
          </div>
        </>
      )}
    </StepCard>
  );
}
