/** How `phs tenant status` shows the tenant: readable lines, or one JSON object. */
import type { TenantStatus } from '../tenant/connection.ts';

export function statusJson(s: TenantStatus): Record<string, unknown> {
  return {
    signedIn: true,
    account: { username: s.account.username, tenantId: s.account.tenantId, objectId: s.account.objectId },
    tenant: {
      id: s.organization.id,
      displayName: s.organization.displayName,
      onPremisesSyncEnabled: s.organization.onPremisesSyncEnabled,
      onPremisesLastSyncDateTime: s.organization.onPremisesLastSyncDateTime,
      onPremisesLastPasswordSyncDateTime: s.organization.onPremisesLastPasswordSyncDateTime,
    },
    verifiedDomains: s.domains.map((d) => d.id),
    roles: {
      globalAdministrator: s.roles.globalAdministrator,
      hybridIdentityAdministrator: s.roles.hybridIdentityAdministrator,
    },
    isAdmin: s.roles.isAdmin,
    features: s.features ?? null,
  };
}

function onOff(v: boolean | null | undefined): string {
  return v === true ? 'on' : v === false ? 'off' : 'unknown';
}

export function rolesText(s: Pick<TenantStatus, 'roles'>): string {
  const names = [
    ...(s.roles.globalAdministrator ? ['Global Administrator'] : []),
    ...(s.roles.hybridIdentityAdministrator ? ['Hybrid Identity Administrator'] : []),
  ];
  return names.length > 0 ? names.join(', ') : 'none of Global Administrator, Hybrid Identity Administrator';
}

export function statusText(s: TenantStatus): string {
  const f = s.features;
  const rows: [string, string][] = [
    ['Signed in as', s.account.username],
    ['Tenant', `${s.organization.displayName ?? '(no name)'} (${s.organization.id})`],
    ['Verified domains', s.domains.map((d) => d.id).join(', ') || '(none)'],
    ['Admin roles', rolesText(s)],
    ['Directory sync', onOff(s.organization.onPremisesSyncEnabled)],
    ['Last sync', s.organization.onPremisesLastSyncDateTime ?? 'never'],
    ['Last password sync', s.organization.onPremisesLastPasswordSyncDateTime ?? 'never'],
    ...(f === undefined
      ? [['Sync features', '(not readable without an admin role)'] satisfies [string, string]]
      : ([
          ['Password hash sync', onOff(f.passwordSyncEnabled)],
          [
            'Cloud password policy for synced users',
            onOff(f.cloudPasswordPolicyForPasswordSyncedUsersEnabled),
          ],
          ['Forced password change synced', onOff(f.userForcePasswordChangeOnLogonEnabled)],
        ] satisfies [string, string][])),
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return rows.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`).join('\n');
}
