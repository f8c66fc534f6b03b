/**
 * Diagnosis of one user — the answer an admin needs instead of Entra Connect's opaque
 * troubleshooting: is it a user object, in scope (and why not), is its password readable,
 * the last change seen vs the last delivered, the last result with its remediation, attempts
 * and the next retry. Reads the directory live (one object) and the engine's records.
 */
import { toShape } from '../../shared/errors.ts';
import type { ErrorRecord, UserRecord } from './records.ts';
import type { SyncState } from './records.ts';
import { canonicalDn } from './dn.ts';
import type { ReplicationSource, SourceUser, SyncFeatures } from './ports.ts';
import { verdictOf, type Verdict } from './diagnosis-verdict.ts';
import {
  isDisabled,
  isSystemAccount,
  passwordStamp,
  userClassOf,
  type FilterReason,
  type NotAUserReason,
} from './rules.ts';
import type { Scope, ScopeReason } from './scope.ts';

export interface Diagnosis {
  readonly query: string;
  readonly identity: {
    readonly samAccountName: string;
    readonly upn: string | null;
    readonly dn: string;
    readonly objectGuid: string;
    readonly sourceAnchor: string;
  } | null;
  readonly directory: {
    readonly status: 'found' | 'notFound' | 'unreachable';
    readonly error: ErrorRecord | null;
  };
  readonly account: { readonly notAUser: NotAUserReason | null; readonly disabled: boolean } | null;
  readonly scope: {
    readonly inScope: boolean;
    readonly reason: ScopeReason;
    readonly ou: string | null;
  } | null;
  readonly password: {
    readonly readable: boolean;
    readonly mustChangeAtNextLogon: boolean;
    readonly currentChange: string | null;
  } | null;
  readonly filter: FilterReason | null;
  readonly record: UserRecord | null;
  /** The current password is the one the tenant acknowledged (null when unknown). */
  readonly upToDate: boolean | null;
  readonly engine: {
    readonly enabled: boolean;
    readonly stagingMode: boolean;
    readonly tenant: SyncFeatures | null;
  };
  readonly verdict: Verdict;
}

export interface DiagnoseDeps {
  readonly source: ReplicationSource;
  readonly state: SyncState;
  readonly scope: Scope;
  readonly stagingMode: boolean;
  readonly tenant: SyncFeatures | null;
}

/** The engine's record for a name: objectGUID, source anchor, sAMAccountName, DOMAIN\name, UPN or DN. */
export function findRecord(state: SyncState, query: string): UserRecord | undefined {
  const q = query.trim();
  const lower = q.toLowerCase().replace(/^\{(.*)\}$/, '$1');
  const byGuid = state.users.get(lower);
  if (byGuid) return byGuid;
  const sam = lower.includes('\\') ? lower.slice(lower.lastIndexOf('\\') + 1) : lower;
  const dn = q.includes('=') ? canonicalDn(q) : undefined;
  for (const user of state.users.values()) {
    if (
      user.sourceAnchor === q ||
      user.samAccountName.toLowerCase() === sam ||
      user.upn?.toLowerCase() === lower
    )
      return user;
    if (dn !== undefined && canonicalDn(user.dn) === dn) return user;
  }
  return undefined;
}

async function readLive(
  deps: DiagnoseDeps,
  query: string,
  record: UserRecord | undefined,
  signal: AbortSignal,
): Promise<{ user: SourceUser | null; error: ErrorRecord | null }> {
  try {
    const user = await deps.source.readUser(
      record
        ? { by: 'objectGuid', value: record.objectGuid, lastKnownDn: record.dn }
        : { by: 'name', value: query },
      signal,
    );
    return { user, error: null };
  } catch (error) {
    return { user: null, error: toShape(error) };
  }
}

export async function diagnose(query: string, deps: DiagnoseDeps, signal: AbortSignal): Promise<Diagnosis> {
  const known = findRecord(deps.state, query);
  const live = await readLive(deps, query, known, signal);
  const user = live.user;
  // Only whether a hash exists matters here: it is zeroed at once.
  const readable = user ? user.ntHash !== null : false;
  user?.ntHash?.fill(0);
  const record = known ?? (user ? deps.state.users.get(user.objectGuid) : undefined) ?? null;
  const identity = user
    ? {
        samAccountName: user.samAccountName,
        upn: user.userPrincipalName,
        dn: user.dn,
        objectGuid: user.objectGuid,
        sourceAnchor: user.sourceAnchor,
      }
    : record
      ? {
          samAccountName: record.samAccountName,
          upn: record.upn,
          dn: record.dn,
          objectGuid: record.objectGuid,
          sourceAnchor: record.sourceAnchor,
        }
      : null;
  const scopeDecision = identity ? deps.scope.decide(identity.dn) : null;
  const currentChange = user ? passwordStamp(user) : null;
  const mustChange = user?.pwdLastSet === 0n;
  const filter: FilterReason | null =
    user && isSystemAccount(user)
      ? 'systemAccount'
      : mustChange && !deps.tenant?.userForcePasswordChangeOnLogonEnabled
        ? 'mustChangePassword'
        : null;
  const partial: Omit<Diagnosis, 'verdict'> = {
    query,
    identity,
    directory: { status: live.error ? 'unreachable' : user ? 'found' : 'notFound', error: live.error },
    account: user ? { notAUser: userClassOf(user), disabled: isDisabled(user) } : null,
    scope: scopeDecision
      ? { inScope: scopeDecision.inScope, reason: scopeDecision.reason, ou: scopeDecision.ou ?? null }
      : null,
    password: user ? { readable, mustChangeAtNextLogon: mustChange, currentChange } : null,
    filter,
    record,
    upToDate:
      record && user ? record.result === 'delivered' && record.changeDelivered === currentChange : null,
    engine: { enabled: deps.state.settings.enabled, stagingMode: deps.stagingMode, tenant: deps.tenant },
  };
  return { ...partial, verdict: verdictOf(partial) };
}
