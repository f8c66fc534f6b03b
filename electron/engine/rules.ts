/**
 * The account rules of password hash sync (shared/design/phs-algorithm.md), as pure functions:
 * - only plain `user` objects: not computers, not iNetOrgPerson, not trust accounts, not contacts;
 * - out of scope (OU filtering) → not synced, recorded as out of scope (a user moved out stops);
 * - system accounts Entra Connect never syncs (isCriticalSystemObject, krbtgt, MSOL_, AAD_) → filtered;
 * - no password (no unicodePwd) → reported as "no password", not as a failure;
 * - pwdLastSet = 0 ("must change password at next logon") → delivered with forceChangePasswordOnLogon
 *   only when the tenant's userForcePasswordChangeOnLogonEnabled is on, else filtered;
 * - disabled accounts still get their hash, as Entra Connect does: the account state travels with
 *   object sync, and the password is right the moment the account is enabled again.
 */
import type { SourceUser } from './ports.ts';
import type { Scope, ScopeDecision } from './scope.ts';

export const UAC_ACCOUNTDISABLE = 0x2;
const UAC_TRUST_ACCOUNTS = 0x800 | 0x1000 | 0x2000; // interdomain, workstation, server trust
const PLAIN_USER_CLASSES: ReadonlySet<string> = new Set(['top', 'person', 'organizationalperson', 'user']);
const SYSTEM_ACCOUNT = /^(krbtgt(_.*)?|MSOL_.*|AAD_.*|SUPPORT_388945a0)$/i;

export type NotAUserReason = 'computer' | 'inetOrgPerson' | 'trustAccount' | 'notAUser';
export type FilterReason = 'mustChangePassword' | 'systemAccount';

export type Verdict =
  /** Not a user account: never recorded. */
  | { readonly kind: 'ignore'; readonly reason: NotAUserReason }
  | { readonly kind: 'gone' }
  | { readonly kind: 'outOfScope'; readonly scope: ScopeDecision }
  | { readonly kind: 'filtered'; readonly reason: FilterReason }
  | { readonly kind: 'noPassword' }
  | { readonly kind: 'sync'; readonly forceChange: boolean };

export interface RuleContext {
  readonly scope: Scope;
  /** The tenant's userForcePasswordChangeOnLogonEnabled. */
  readonly forceChangeFeature: boolean;
}

export function userClassOf(
  user: Pick<SourceUser, 'objectClasses' | 'userAccountControl'>,
): NotAUserReason | null {
  const classes = user.objectClasses.map((c) => c.toLowerCase());
  if (classes.includes('computer')) return 'computer';
  if (classes.includes('inetorgperson')) return 'inetOrgPerson';
  if (!classes.includes('user') || classes.some((c) => !PLAIN_USER_CLASSES.has(c))) return 'notAUser';
  if ((user.userAccountControl & UAC_TRUST_ACCOUNTS) !== 0) return 'trustAccount';
  return null;
}

export function isSystemAccount(
  user: Pick<SourceUser, 'samAccountName' | 'isCriticalSystemObject'>,
): boolean {
  return user.isCriticalSystemObject === true || SYSTEM_ACCOUNT.test(user.samAccountName);
}

export function judge(user: SourceUser, context: RuleContext): Verdict {
  if (user.isDeleted === true) return { kind: 'gone' };
  const notAUser = userClassOf(user);
  if (notAUser) return { kind: 'ignore', reason: notAUser };
  const scope = context.scope.decide(user.dn);
  if (!scope.inScope) return { kind: 'outOfScope', scope };
  if (isSystemAccount(user)) return { kind: 'filtered', reason: 'systemAccount' };
  if (user.ntHash === null) return { kind: 'noPassword' };
  if (user.pwdLastSet === 0n) {
    return context.forceChangeFeature
      ? { kind: 'sync', forceChange: true }
      : { kind: 'filtered', reason: 'mustChangePassword' };
  }
  return { kind: 'sync', forceChange: false };
}

export function isDisabled(user: Pick<SourceUser, 'userAccountControl'>): boolean {
  return (user.userAccountControl & UAC_ACCOUNTDISABLE) !== 0;
}

const FILETIME_UNIX_EPOCH_MS = 11_644_473_600_000n;
/** Year 10000: AD writes 0x7FFF…FFFF for "never". */
const MAX_DATE_MS = 253_402_300_800_000n;

/** A FILETIME as ISO 8601, or null for 0 / never / out of range. */
export function filetimeToIso(filetime: bigint | null): string | null {
  if (filetime === null || filetime <= 0n) return null;
  const ms = filetime / 10_000n - FILETIME_UNIX_EPOCH_MS;
  return ms < 0n || ms >= MAX_DATE_MS ? null : new Date(Number(ms)).toISOString();
}

/** Identifies the current password: it changes whenever the password does. */
export function passwordStamp(user: Pick<SourceUser, 'passwordChangedAt' | 'pwdLastSet'>): string | null {
  if (user.passwordChangedAt !== undefined) return user.passwordChangedAt;
  if (user.pwdLastSet === null) return null;
  // Without replication metadata a reset that keeps "must change" looks the same; a full sync resends it.
  return filetimeToIso(user.pwdLastSet) ?? `pwdLastSet=${user.pwdLastSet}`;
}

/** The change date sent with a credential: the latest change wins in the tenant. */
export function changeDateOf(
  user: Pick<SourceUser, 'passwordChangedAt' | 'pwdLastSet'>,
  now: number,
): string {
  return user.passwordChangedAt ?? filetimeToIso(user.pwdLastSet) ?? new Date(now).toISOString();
}
