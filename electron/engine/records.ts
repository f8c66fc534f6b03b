/**
 * What the sync engine keeps between runs. No secret is ever part of a record: no NT hash, no
 * wire string, no password — only names, anchors, change stamps, results and error codes.
 */

/** The last result for a user ('staged' = staging mode: hashed, would have been sent). */
export { USER_RESULTS, type UserResult } from '../../shared/user-results.ts';
import type { UserResult } from '../../shared/user-results.ts';

export interface UserRecord {
  /** Key: the object's GUID (lower case, with dashes). */
  readonly objectGuid: string;
  /** The user's immutable id in the tenant. */
  readonly sourceAnchor: string;
  readonly dn: string;
  readonly samAccountName: string;
  readonly upn: string | null;
  readonly result: UserResult;
  /** Why: a filter or scope reason, or the tenant's outcome for a failure. */
  readonly reason: string | null;
  /** The last password change seen in the directory (see passwordStamp). */
  readonly changeSeen: string | null;
  /** The change the tenant last acknowledged, and when. */
  readonly changeDelivered: string | null;
  readonly deliveredAt: string | null;
  /** Whether that delivery asked the cloud to force a change at next logon. */
  readonly forceChange: boolean;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  /** Failed delivery attempts of the current change (0 after a success). */
  readonly attempts: number;
  /** When the engine tries this user again on its own; null when it does not. */
  readonly nextRetryAt: string | null;
  readonly updatedAt: string;
  /** The full pass that last saw this user: users missing from a finished full pass are gone. */
  readonly fullPass: string | null;
}

export interface CursorRecord {
  /** 'full': a full pass is under way and resumes from `cursor` (null = from the start). */
  readonly phase: 'full' | 'incremental';
  readonly cursor: string | null;
  /** The scope rules the cursor was earned under: other rules need a full pass. */
  readonly scopeKey: string;
  readonly passId: string;
  readonly updatedAt: string;
}

export interface SettingsRecord {
  /** Password hash sync switched on here (deliveries happen only when true). */
  readonly enabled: boolean;
  readonly changedAt: string | null;
  /** The tenant's userForcePasswordChangeOnLogonEnabled as last seen (a flip re-checks filtered users). */
  readonly forceChangeFeature: boolean | null;
}

export const RUN_KINDS = ['full', 'delta', 'retry'] as const;
export type RunKind = (typeof RUN_KINDS)[number];
export type RunOutcome = 'running' | 'completed' | 'failed' | 'cancelled';

/** How many users ended in each result: the shape both a run's figures and the status share. */
export type ResultCounts = { readonly [R in UserResult]: number };

export interface RunCounts extends ResultCounts {
  /** Users read from the directory in this run. */
  readonly seen: number;
  /** Users whose password had not changed since it was delivered. */
  readonly unchanged: number;
}

export const ZERO_COUNTS: RunCounts = {
  seen: 0,
  delivered: 0,
  failed: 0,
  staged: 0,
  noPassword: 0,
  filtered: 0,
  outOfScope: 0,
  unchanged: 0,
};

export interface ErrorRecord {
  readonly code: string;
  readonly message: string;
  readonly remediation: string;
}

export interface RunRecord {
  readonly id: number;
  readonly kind: RunKind;
  readonly staging: boolean;
  readonly startedAt: string;
  readonly endedAt: string | null;
  readonly outcome: RunOutcome;
  readonly counts: RunCounts;
  readonly error: ErrorRecord | null;
}

export type EventLevel = 'info' | 'warning' | 'error';
export type EventData = Readonly<Record<string, string | number | boolean | null>>;

export interface EventRecord {
  /** Position in the log (increasing). */
  readonly seq: number;
  /** The stable event id (see electron/engine/event-ids.ts). */
  readonly id: number;
  readonly at: string;
  readonly level: EventLevel;
  readonly message: string;
  readonly data: EventData;
}

export type SyncOp =
  | { readonly op: 'user'; readonly user: UserRecord }
  | { readonly op: 'forget'; readonly objectGuid: string }
  | { readonly op: 'cursor'; readonly key: string; readonly cursor: CursorRecord | null }
  | { readonly op: 'settings'; readonly settings: SettingsRecord }
  | { readonly op: 'run'; readonly run: RunRecord }
  | { readonly op: 'event'; readonly event: EventRecord };

/** The engine's whole state: per-user records, one cursor per source, settings, run history, events. */
export interface SyncState {
  readonly users: Map<string, UserRecord>;
  /** Users with a nextRetryAt, so finding due retries does not scan every user. */
  readonly retries: Set<string>;
  readonly cursors: Map<string, CursorRecord>;
  settings: SettingsRecord;
  readonly runs: RunRecord[];
  readonly events: EventRecord[];
}
