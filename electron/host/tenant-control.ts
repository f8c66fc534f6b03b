/** The engine's TenantControl over the Graph client: directory sync and the PHS features. */
import type { SyncFeatures, TenantControl, TenantSyncSettings } from '../engine/ports.ts';
import type { TenantDirectory } from '../tenant/tenant-directory.ts';

export function tenantControl(directory: TenantDirectory): TenantControl {
  return {
    async readSettings(): Promise<TenantSyncSettings> {
      const [organization, sync] = await Promise.all([directory.organization(), directory.syncSettings()]);
      return {
        directorySyncEnabled: organization.onPremisesSyncEnabled === true,
        features: {
          passwordSyncEnabled: sync.features.passwordSyncEnabled === true,
          cloudPasswordPolicyForPasswordSyncedUsersEnabled:
            sync.features.cloudPasswordPolicyForPasswordSyncedUsersEnabled === true,
          userForcePasswordChangeOnLogonEnabled: sync.features.userForcePasswordChangeOnLogonEnabled === true,
        },
      };
    },
    setDirectorySync: (enabled) => directory.setOnPremisesSyncEnabled(enabled),
    setFeatures: (patch: Partial<SyncFeatures>) => directory.setSyncFeatures(patch),
  };
}
