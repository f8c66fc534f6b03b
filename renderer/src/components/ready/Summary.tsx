/** Every choice of the wizard, step by step, as main reviewed it (passwords only as "saved"). */
import type { Review } from '../../../../shared/wizard-schemas.ts';
import { formatCount } from '../../wizard/format.ts';
import { SummaryCard } from './SummaryCard.tsx';

const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');

function trustText(review: Review): string {
  const trust = review.snapshot.directory?.trust;
  if (trust === undefined) return '—';
  if (trust.kind === 'system') return 'Certificate authorities this computer trusts';
  if (trust.kind === 'pem') return `CA file ${trust.file}`;
  return `This certificate only (SHA-256 ${trust.sha256})`;
}

const PASSWORD = {
  none: 'Not given',
  held: 'Given (kept in memory until you configure)',
  saved: 'Saved, encrypted',
} as const;

export function Summary({ review }: { readonly review: Review }) {
  const { snapshot, directory, tenant } = review;
  const draft = snapshot.directory;
  const scope = snapshot.scope;
  const phs = snapshot.phs;
  return (
    <>
      <SummaryCard
        step="directory"
        details={[
          {
            label: 'Domain controller',
            value:
              draft === null
                ? 'Not set'
                : `${draft.host}:${draft.port} (${draft.transport === 'ldaps' ? 'LDAPS' : 'StartTLS'})`,
          },
          { label: 'Certificate', value: trustText(review) },
          { label: 'Account', value: draft?.username ?? 'Not set' },
          { label: 'Password', value: PASSWORD[snapshot.passwordState] },
          {
            label: 'Domain',
            value:
              directory === null
                ? 'Not tested in this session'
                : `${directory.discovery.domainDnsName} (${directory.discovery.netbiosName})`,
          },
          {
            label: 'Replication rights',
            value: directory === null ? '—' : directory.rights.canSync ? 'Granted' : 'Missing',
          },
        ]}
      />
      <SummaryCard
        step="tenant"
        details={[
          {
            label: 'Tenant',
            value: tenant === null ? 'Not signed in' : `${tenant.tenantName} (${tenant.tenantId})`,
          },
          { label: 'Signed in as', value: tenant?.account.username ?? '—' },
          { label: 'Administrator', value: tenant === null ? '—' : yesNo(tenant.roles.isAdmin) },
          { label: 'Endpoint', value: snapshot.tenantEndpoint.authority },
        ]}
      />
      <SummaryCard
        step="scope"
        details={[
          {
            label: 'Included',
            value:
              scope === null || scope.includedOus.length === 0
                ? 'Nothing chosen'
                : scope.includedOus.join('; '),
          },
          {
            label: 'Excluded',
            value: scope === null || scope.excludedOus.length === 0 ? 'None' : scope.excludedOus.join('; '),
          },
          {
            label: 'Users in scope',
            value: review.usersInScope === null ? '—' : formatCount(review.usersInScope, 'user', 'users'),
          },
        ]}
      />
      <SummaryCard
        step="phs"
        details={[
          { label: 'Password hash sync', value: phs.enabled ? 'On' : 'Off' },
          {
            label: 'Cloud password policy for synchronized users',
            value: yesNo(phs.enforceCloudPasswordPolicy),
          },
          { label: 'Temporary passwords', value: yesNo(phs.syncTemporaryPasswords) },
          { label: 'Staging mode', value: yesNo(phs.stagingMode) },
          {
            label: 'Check for changes every',
            value: formatCount(phs.pollIntervalSeconds, 'second', 'seconds'),
          },
        ]}
      />
    </>
  );
}
