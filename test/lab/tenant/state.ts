/**
 * The emulator's tenant: organisation, sync settings, users (cloud and synced), refresh-token
 * grants and the token signing key. Kept in memory; when a file is given, loaded from it at start
 * and rewritten (atomically, mode 0600) after every change.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { exportPKCS8, generateKeyPair } from 'jose';

export const ROLE_GLOBAL_ADMIN = '62e90394-69f5-4237-9190-012177145e10';
export const ROLE_HYBRID_IDENTITY_ADMIN = '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2';
export const ROLE_NAMES: Readonly<Record<string, string>> = {
  [ROLE_GLOBAL_ADMIN]: 'Global Administrator',
  [ROLE_HYBRID_IDENTITY_ADMIN]: 'Hybrid Identity Administrator',
};

export interface StoredCredential {
  saltHex: string;
  iterations: number;
  keyHex: string;
  changeDate: string;
  forceChangePasswordOnLogon: boolean;
}

export interface EmulatorUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  roles: string[];
  /** Cloud-only users sign in with this; synced users with their delivered credential. */
  cloudPassword: string | null;
  onPremisesImmutableId: string | null;
  accountEnabled: boolean;
  mfaRequired: boolean;
  credential: StoredCredential | null;
  /** Graph's lastPasswordChangeDateTime (only on $select): creation for cloud users, each accepted credential's change date for synced ones. */
  lastPasswordChangeDateTime?: string | null;
}

export interface RefreshGrant {
  userId: string;
  scopes: string[];
  expiresAt: number;
  revoked: boolean;
}

export interface SyncFeatures {
  passwordSyncEnabled: boolean;
  cloudPasswordPolicyForPasswordSyncedUsersEnabled: boolean;
  userForcePasswordChangeOnLogonEnabled: boolean;
  passwordWritebackEnabled: boolean;
}

export interface TenantState {
  version: 1;
  tenantId: string;
  clientId: string;
  displayName: string;
  domains: { name: string; isVerified: boolean; isDefault: boolean; isInitial: boolean }[];
  onPremisesSyncEnabled: boolean;
  onPremisesLastSyncDateTime: string | null;
  onPremisesLastPasswordSyncDateTime: string | null;
  syncId: string;
  features: SyncFeatures;
  consentGranted: boolean;
  users: EmulatorUser[];
  /** Keyed by SHA-256 (hex) of the refresh token: the tokens themselves are never stored. */
  refreshGrants: Record<string, RefreshGrant>;
  signingKeyPkcs8: string;
  signingKid: string;
}

export interface SeedOptions {
  readonly tenantId?: string;
  readonly clientId?: string;
}

export const INITIAL_DOMAIN = 'phsemulator.onmicrosoft.com';
export const CUSTOM_DOMAIN = 'lab.example.test';

function newPassword(): string {
  return `Emu-${randomBytes(12).toString('base64url')}-7a`;
}

function cloudUser(name: string, displayName: string, roles: string[]): EmulatorUser {
  return {
    id: randomUUID(),
    userPrincipalName: `${name}@${INITIAL_DOMAIN}`,
    displayName,
    roles,
    cloudPassword: newPassword(),
    onPremisesImmutableId: null,
    accountEnabled: true,
    mfaRequired: false,
    credential: null,
    lastPasswordChangeDateTime: new Date().toISOString(),
  };
}

export async function seedState(options: SeedOptions): Promise<TenantState> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return {
    version: 1,
    tenantId: options.tenantId ?? randomUUID(),
    clientId: options.clientId ?? randomUUID(),
    displayName: 'PHS Emulator Tenant',
    domains: [
      { name: INITIAL_DOMAIN, isVerified: true, isDefault: false, isInitial: true },
      { name: CUSTOM_DOMAIN, isVerified: true, isDefault: true, isInitial: false },
      { name: 'unverified.example.test', isVerified: false, isDefault: false, isInitial: false },
    ],
    onPremisesSyncEnabled: false,
    onPremisesLastSyncDateTime: null,
    onPremisesLastPasswordSyncDateTime: null,
    syncId: randomUUID(),
    features: {
      passwordSyncEnabled: false,
      cloudPasswordPolicyForPasswordSyncedUsersEnabled: false,
      userForcePasswordChangeOnLogonEnabled: false,
      passwordWritebackEnabled: false,
    },
    consentGranted: true,
    users: [
      cloudUser('admin', 'Emulator Global Admin', [ROLE_GLOBAL_ADMIN]),
      cloudUser('hybridadmin', 'Emulator Hybrid Identity Admin', [ROLE_HYBRID_IDENTITY_ADMIN]),
      cloudUser('user', 'Emulator Plain User', []),
    ],
    refreshGrants: {},
    signingKeyPkcs8: await exportPKCS8(privateKey),
    signingKid: randomBytes(8).toString('hex'),
  };
}

/** Loads `file` when it exists (and is ours), else seeds a new tenant. */
export async function loadOrSeed(file: string | undefined, options: SeedOptions): Promise<TenantState> {
  if (file !== undefined && existsSync(file)) {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<TenantState>;
    if (raw.version !== 1 || typeof raw.tenantId !== 'string' || !Array.isArray(raw.users)) {
      throw new Error(`${file} is not a tenant emulator state file (version 1).`);
    }
    return raw as TenantState;
  }
  return seedState(options);
}

export function saveState(file: string, state: TenantState): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}
