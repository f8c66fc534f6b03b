/**
 * What "verify password hash sync from both ends" works on and answers, whoever delivers the
 * hashes (this app, Entra Connect or Cloud Sync): each in-scope user's on-premises password change
 * (AD `pwdLastSet`) beside the cloud's (Graph `lastPasswordChangeDateTime`), matched by source
 * anchor. Pure data: this folder imports only shared/ and itself; the LDAP and Graph readers that
 * fill these records are adapters (see ports.ts).
 */

export const VERIFY_STATUSES = [
  'inSync',
  'pending',
  'behind',
  'notInCloud',
  'noPassword',
  'disabled',
  'filtered',
] as const;
export type VerifyStatus = (typeof VERIFY_STATUSES)[number];

/** Statuses that make `phs verify` exit 1: a password change that did not arrive, or no cloud user. */
export const FAILING_STATUSES: readonly VerifyStatus[] = ['behind', 'notInCloud'];

/** What the sync rules (electron/engine/rules.ts) make of an in-scope account before any time is compared. */
export type OnPremRule = 'sync' | 'filtered' | 'noPassword';

/** One in-scope user as the domain controller sees it. */
export interface OnPremUser {
  readonly sAMAccountName: string;
  readonly userPrincipalName: string | null;
  /** The anchors this user may carry in the cloud, preferred first (e.g. mS-DS-ConsistencyGuid, then objectGUID). */
  readonly sourceAnchors: readonly string[];
  /** pwdLastSet as ISO 8601; null when it names no time (0: must change at next logon). */
  readonly passwordChangedAt: string | null;
  readonly enabled: boolean;
  readonly rule: OnPremRule;
}

/** One cloud user as Graph returns it with `$select` (see electron/tenant/password-times.ts). */
export interface CloudUser {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly onPremisesImmutableId: string | null;
  readonly onPremisesSyncEnabled: boolean | null;
  readonly accountEnabled: boolean | null;
  readonly lastPasswordChangeDateTime: string | null;
}

export interface VerifyPolicy {
  /** How long a change may take to arrive before it counts as behind (default 600 s). */
  readonly graceSeconds: number;
  /** Tolerated difference between the DC's and the cloud's clocks when comparing (default 120 s). */
  readonly skewSeconds: number;
}

export const DEFAULT_POLICY: VerifyPolicy = { graceSeconds: 600, skewSeconds: 120 };

/** One row of the answer (`--json`'s `users`). */
export interface UserVerdict {
  readonly sAMAccountName: string;
  readonly userPrincipalName: string | null;
  readonly sourceAnchor: string;
  readonly onPremisesChangedAt: string | null;
  readonly cloudChangedAt: string | null;
  /** inSync: how long the cloud took; pending/behind/notInCloud: how long the change has waited; else null. */
  readonly lagSeconds: number | null;
  readonly status: VerifyStatus;
}

/** The DC's clock beside this machine's (rootDSE `currentTime`). */
export interface DcClock {
  readonly dcTime: string;
  /** DC minus this machine, in seconds (positive: the DC is ahead). */
  readonly offsetSeconds: number;
  readonly withinSkew: boolean;
}

/** The tenant's own heartbeat (`organization`), when Graph gave it. */
export interface TenantHeartbeat {
  readonly onPremisesLastSyncDateTime: string | null;
  readonly onPremisesLastPasswordSyncDateTime: string | null;
}

export interface VerifySummary {
  readonly checkedAt: string;
  readonly graceSeconds: number;
  readonly skewSeconds: number;
  readonly total: number;
  readonly counts: Readonly<Record<VerifyStatus, number>>;
  /** null when the DC did not say what time it is. */
  readonly dcClock: DcClock | null;
  readonly heartbeat: TenantHeartbeat | null;
  /** The tenant's userForcePasswordChangeOnLogonEnabled; null when it could not be read (then taken as off). */
  readonly forceChangeFeature: boolean | null;
}

export interface VerifyReport {
  readonly summary: VerifySummary;
  readonly users: readonly UserVerdict[];
}
