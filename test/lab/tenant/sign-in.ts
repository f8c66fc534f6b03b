/**
 * The emulator's sign-in decisions. A cloud user's password is compared as given; a synced
 * user's password is checked the way Entra checks a PHS credential: PBKDF2-HMAC-SHA256 over
 * UTF-16LE(uppercase hex MD4(password)) with the stored salt and iterations must equal the
 * stored key (verifyPassword from the product's own PHS module).
 */
import { timingSafeEqual } from 'node:crypto';
import { formatWire } from '../../../electron/phs/orgid.ts';
import { verifyPassword } from '../../../electron/phs/wire.ts';
import { AAD, type AadError } from './aad-errors.ts';
import type { EmulatorUser } from './state.ts';
import type { TenantStore } from './store.ts';
import { GRAPH_RESOURCE } from './tokens.ts';

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

function passwordMatches(user: EmulatorUser, password: string): boolean {
  if (user.credential !== null) {
    const c = user.credential;
    return verifyPassword(
      formatWire(Buffer.from(c.saltHex, 'hex'), c.iterations, Buffer.from(c.keyHex, 'hex')),
      password,
    );
  }
  return user.cloudPassword !== null && sameText(user.cloudPassword, password);
}

/** The user when `password` is theirs, else the Entra error (unknown user, bad password, disabled). */
export function checkCredentials(
  store: TenantStore,
  username: string,
  password: string,
): EmulatorUser | AadError {
  const user = store.userByUpn(username);
  if (user === undefined) return AAD.unknownUser(store.state.tenantId);
  if (!passwordMatches(user, password)) return AAD.badPassword();
  if (!user.accountEnabled) return AAD.disabled();
  return user;
}

export interface PolicyContext {
  /** Interactive sign-ins satisfy MFA in the browser; password and refresh grants cannot. */
  readonly interactive: boolean;
  readonly permissions: readonly string[];
}

/** Conditional-access style checks after the password: consent, MFA, a forced password change. */
export function checkPolicies(
  store: TenantStore,
  user: EmulatorUser,
  ctx: PolicyContext,
): AadError | undefined {
  const needsConsent = ctx.permissions.some((p) => p !== 'User.Read');
  if (needsConsent && !store.state.consentGranted) return AAD.consentRequired(store.state.clientId);
  if (!ctx.interactive && user.mfaRequired) return AAD.mfaRequired(GRAPH_RESOURCE);
  const c = user.credential;
  if (
    !ctx.interactive &&
    c?.forceChangePasswordOnLogon &&
    store.state.features.userForcePasswordChangeOnLogonEnabled
  ) {
    return AAD.passwordExpired();
  }
  return undefined;
}

export function isAadError(value: object): value is AadError {
  return 'error' in value && 'code' in value && 'status' in value;
}
