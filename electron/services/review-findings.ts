/**
 * What the Ready page lists before Configure: blockers (Configure refuses until they are fixed)
 * and warnings (allowed, but worth knowing), each naming the step whose "Change" link fixes it —
 * or none, for what is fixed outside the wizard: no OS secret store (on Linux, no keyring) to seal
 * the password in, said here rather than as Configure's late failure.
 */
import type { DirectoryConnected } from '../../shared/directory-schemas.ts';
import type { AppErrorShape } from '../../shared/errors.ts';
import type { TenantView } from '../../shared/tenant-schemas.ts';
import type { Review, WizardSnapshot } from '../../shared/wizard-schemas.ts';

type Findings = Pick<Review, 'blockers' | 'warnings'>;

export function reviewFindings(
  snapshot: WizardSnapshot,
  directory: DirectoryConnected | null,
  tenant: TenantView | null,
  /** Why secrets cannot be sealed on this machine, or null when they can. */
  noSecretStore: AppErrorShape | null,
): Findings {
  const blockers: Findings['blockers'][number][] = [];
  const warnings: Findings['warnings'][number][] = [];
  if (noSecretStore !== null)
    blockers.push({ step: null, message: `${noSecretStore.message} ${noSecretStore.remediation}` });
  if (directory === null)
    blockers.push({ step: 'directory', message: 'Test the connection to Active Directory.' });
  else if (!directory.rights.canSync)
    blockers.push({
      step: 'directory',
      message: `The account ${directory.rights.account} lacks the replication rights: grant them and test the connection again.`,
    });
  if (tenant === null) blockers.push({ step: 'tenant', message: 'Sign in to Microsoft Entra.' });
  else if (!tenant.roles.isAdmin)
    blockers.push({
      step: 'tenant',
      message: `${tenant.account.username} is neither Global Administrator nor Hybrid Identity Administrator: sign in with an administrator.`,
    });
  if (snapshot.scope === null || snapshot.scope.includedOus.length === 0)
    blockers.push({ step: 'scope', message: 'Choose at least one organizational unit to synchronize.' });
  const unverified = tenant?.upnSuffixes?.filter((row) => row.status !== 'verified') ?? [];
  if (unverified.length > 0) {
    const names = unverified.map((row) => row.suffix).join(', ');
    warnings.push({
      step: 'tenant',
      message: `Not verified in the tenant: ${names}. Users with these UPN suffixes sign in with the tenant's .onmicrosoft.com name until you verify them.`,
    });
  }
  if (!snapshot.phs.enabled)
    warnings.push({
      step: 'phs',
      message: 'Password hash sync is off: Configure saves the settings and changes nothing in the tenant.',
    });
  else if (snapshot.phs.stagingMode)
    warnings.push({
      step: 'phs',
      message:
        'Staging mode is on: passwords are read and hashed but nothing is sent, and the tenant is not changed.',
    });
  return { blockers, warnings };
}
