/** The engine's TenantControl over the Graph client: directory sync and the PHS features. */
import type { SyncFeatures, TenantControl, TenantSyncSettings } from '../engine/ports.ts';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import type { TenantDirectory } from '../tenant/tenant-directory.ts';
import type { TenantDomains } from './provisioning-sink.ts';

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

/** The tenant's verified domains and its initial (.onmicrosoft.com) one, from Graph's organization. */
export async function tenantDomainsOf(directory: TenantDirectory): Promise<TenantDomains> {
  const { verifiedDomains } = await directory.organization();
  const initial =
    verifiedDomains.find((d) => d.isInitial === true) ??
    verifiedDomains.find((d) => d.name.toLowerCase().endsWith('.onmicrosoft.com'));
  if (initial === undefined) {
    throw new AppError(
      ErrorCode.TenantRequestFailed,
      'The tenant lists no initial .onmicrosoft.com domain among its verified domains.',
      'Check the tenant in the Microsoft Entra admin center (Settings > Domain names); every tenant has one.',
    );
  }
  return {
    domains: verifiedDomains.map((d) => ({ name: d.name, isVerified: true })),
    initialDomain: initial.name,
  };
}
