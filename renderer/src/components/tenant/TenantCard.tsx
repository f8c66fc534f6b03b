/** Who is signed in to which tenant, whether that role suffices, and the tenant's sync settings. */
import { Badge, Button, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { Building20Regular, SignOut20Regular } from '@fluentui/react-icons';
import type { TenantView } from '../../../../shared/tenant-schemas.ts';
import { DetailsList } from '../wizard/DetailsList.tsx';
import { StepCard } from '../wizard/StepCard.tsx';

const useStyles = makeStyles({
  icon: { color: tokens.colorBrandForeground1 },
  role: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

function roleName(view: TenantView): string {
  if (view.roles.globalAdministrator) return 'Global Administrator';
  if (view.roles.hybridIdentityAdministrator) return 'Hybrid Identity Administrator';
  return 'No administrator role';
}

const onOff = (value: boolean | null | undefined): string =>
  value === true ? 'On' : value === false ? 'Off' : 'Unknown (needs an administrator)';

export function TenantCard({
  view,
  onSignOut,
  focusOnMount,
}: {
  readonly view: TenantView;
  readonly onSignOut: () => void;
  readonly focusOnMount: boolean;
}) {
  const styles = useStyles();
  const name =
    view.account.name === null ? view.account.username : `${view.account.name} (${view.account.username})`;
  return (
    <StepCard
      id="tenant"
      title={`Signed in to ${view.tenantName}`}
      icon={<Building20Regular className={styles.icon} aria-hidden />}
      focusOnMount={focusOnMount}
      aside={
        <Button size="small" icon={<SignOut20Regular />} onClick={onSignOut}>
          Sign out
        </Button>
      }
    >
      <DetailsList
        testId="tenant-details"
        details={[
          { label: 'Tenant', value: `${view.tenantName} (${view.tenantId})` },
          { label: 'Signed in as', value: name },
          {
            label: 'Role',
            value: (
              <span className={styles.role}>
                {roleName(view)}
                <Badge appearance="tint" color={view.roles.isAdmin ? 'success' : 'danger'}>
                  {view.roles.isAdmin ? 'Sufficient' : 'Not sufficient'}
                </Badge>
              </span>
            ),
          },
          { label: 'Directory synchronization', value: onOff(view.directorySyncEnabled) },
          { label: 'Password hash sync', value: onOff(view.features?.passwordSyncEnabled) },
        ]}
      />
      {!view.roles.isAdmin && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            This account may not turn on password hash sync. Sign out and sign in as a Global Administrator or
            Hybrid Identity Administrator (Entra admin center → Roles and administrators).
          </MessageBarBody>
        </MessageBar>
      )}
    </StepCard>
  );
}
