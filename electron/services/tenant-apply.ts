/**
 * What Configure changes in the tenant: directory synchronization on (onPremisesSyncEnabled),
 * then the password hash sync features as chosen. Only what differs is written, and each change
 * is returned in words for the Ready page. A staging server changes nothing in the tenant.
 */
import type { PhsOptions } from '../../shared/wizard-schemas.ts';
import type { TenantPort } from './tenant-step.ts';

type FeaturePatch = {
  passwordSyncEnabled?: boolean;
  cloudPasswordPolicyForPasswordSyncedUsersEnabled?: boolean;
  userForcePasswordChangeOnLogonEnabled?: boolean;
};

const onOff = (value: boolean): string => (value ? 'on' : 'off');

export async function applyTenantFeatures(tenant: TenantPort, options: PhsOptions): Promise<string[]> {
  if (options.stagingMode || !options.enabled) return [];
  await tenant.directory.requireAdmin();
  const changes: string[] = [];
  const organization = await tenant.directory.organization();
  if (organization.onPremisesSyncEnabled !== true) {
    await tenant.directory.setOnPremisesSyncEnabled(true);
    changes.push('Turned on directory synchronization for the tenant.');
  }
  const { features } = await tenant.directory.syncSettings();
  const wanted = {
    passwordSyncEnabled: true,
    cloudPasswordPolicyForPasswordSyncedUsersEnabled: options.enforceCloudPasswordPolicy,
    userForcePasswordChangeOnLogonEnabled: options.syncTemporaryPasswords,
  };
  const patch: FeaturePatch = {};
  if (features.passwordSyncEnabled !== wanted.passwordSyncEnabled) {
    patch.passwordSyncEnabled = true;
    changes.push('Turned on password hash synchronization.');
  }
  if (
    features.cloudPasswordPolicyForPasswordSyncedUsersEnabled !==
    wanted.cloudPasswordPolicyForPasswordSyncedUsersEnabled
  ) {
    patch.cloudPasswordPolicyForPasswordSyncedUsersEnabled =
      wanted.cloudPasswordPolicyForPasswordSyncedUsersEnabled;
    changes.push(
      `Turned ${onOff(wanted.cloudPasswordPolicyForPasswordSyncedUsersEnabled)} the cloud password policy for synchronized users.`,
    );
  }
  if (features.userForcePasswordChangeOnLogonEnabled !== wanted.userForcePasswordChangeOnLogonEnabled) {
    patch.userForcePasswordChangeOnLogonEnabled = wanted.userForcePasswordChangeOnLogonEnabled;
    changes.push(
      `Turned ${onOff(wanted.userForcePasswordChangeOnLogonEnabled)} the sync of temporary passwords (change at next sign-in).`,
    );
  }
  if (Object.keys(patch).length > 0) await tenant.directory.setSyncFeatures(patch);
  return changes;
}
