/**
 * The emulator's info file: the tenant keys a client needs (the same keys a real tenant's file
 * has: authority, clientId, tenantId, caFile, graphBaseUrl, credentialsUrl) plus the test
 * accounts and the admin endpoint. Written with mode 0600: it holds passwords.
 */
import { writeFileSync } from 'node:fs';
import { INITIAL_DOMAIN, type TenantState } from './state.ts';

export interface Account {
  readonly username: string;
  readonly password: string;
}

export interface TenantEmulatorInfo {
  readonly authority: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly caFile: string;
  readonly graphBaseUrl: string;
  readonly credentialsUrl: string;
  readonly deviceLoginUrl: string;
  readonly admin: Account;
  readonly hybridAdmin: Account;
  readonly nonAdmin: Account;
  readonly adminUrl: string;
  readonly adminKey: string;
  /** base64 SHA-256 of the server certificate's public key (for Chromium's SPKI allow-list). */
  readonly tlsSpkiSha256: string;
}

function account(state: TenantState, name: string): Account {
  const user = state.users.find((u) => u.userPrincipalName === `${name}@${INITIAL_DOMAIN}`);
  return { username: user?.userPrincipalName ?? '', password: user?.cloudPassword ?? '' };
}

export function buildInfo(state: TenantState, baseUrl: string, caFile: string, adminKey: string, spki: string): TenantEmulatorInfo {
  return {
    authority: `${baseUrl}/${state.tenantId}`,
    tenantId: state.tenantId,
    clientId: state.clientId,
    caFile,
    graphBaseUrl: `${baseUrl}/graph`,
    credentialsUrl: `${baseUrl}/provisioning/${state.tenantId}/credentials`,
    deviceLoginUrl: `${baseUrl}/devicelogin`,
    admin: account(state, 'admin'),
    hybridAdmin: account(state, 'hybridadmin'),
    nonAdmin: account(state, 'user'),
    adminUrl: `${baseUrl}/_admin`,
    adminKey,
    tlsSpkiSha256: spki,
  };
}

export function writeInfo(file: string, info: TenantEmulatorInfo): void {
  writeFileSync(file, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
}
