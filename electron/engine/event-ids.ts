/**
 * Stable event ids of the engine's event log (like Entra Connect's 611/650/656…, but documented).
 * Ids never change meaning; new events get new ids. Hundreds group them:
 * 1xx cycle and settings, 2xx users, 3xx directory, 4xx tenant, 5xx health, 6xx state.
 */
import type { EventLevel } from './records.ts';

export const EventId = {
  CycleStarted: 100,
  CycleCompleted: 101,
  CycleFailed: 102,
  CycleCancelled: 103,
  FullSyncRequired: 104,
  Enabled: 110,
  Disabled: 111,
  TenantPasswordSyncCleared: 112,
  TenantDirectorySyncSet: 113,
  TenantPasswordSyncSet: 114,
  UserFailed: 200,
  UserRetryGaveUp: 201,
  UserRecovered: 202,
  UsersFilteredRecheck: 203,
  ReplicationFailed: 300,
  CursorReset: 301,
  TenantRejected: 400,
  Throttled: 401,
  TenantUnavailable: 402,
  PasswordSyncOffInTenant: 403,
  Heartbeat: 500,
  CryptoSelfTestFailed: 501,
  StateRecovered: 600,
} as const;

export type EventId = (typeof EventId)[keyof typeof EventId];

export interface EventInfo {
  readonly level: EventLevel;
  readonly summary: string;
}

/** What each id means: shown by the UI and `phs status`, and kept in the docs. */
export const EVENT_TABLE: Readonly<Record<EventId, EventInfo>> = {
  100: {
    level: 'info',
    summary: 'A sync cycle started (full cycles always; delta cycles only when they have work).',
  },
  101: { level: 'info', summary: 'A sync cycle completed, with its counts.' },
  102: { level: 'error', summary: 'A sync cycle failed; it is retried from the last committed cursor.' },
  103: { level: 'info', summary: 'A sync cycle was cancelled (stop or disable).' },
  104: {
    level: 'info',
    summary: 'A full password sync is required (asked for, first run, scope changed or cursor unusable).',
  },
  110: { level: 'info', summary: 'Password hash sync was enabled.' },
  111: { level: 'warning', summary: 'Password hash sync was disabled here: nothing is delivered.' },
  112: { level: 'warning', summary: 'passwordSyncEnabled was cleared in the tenant.' },
  113: { level: 'info', summary: 'Directory synchronization was switched on in the tenant.' },
  114: { level: 'info', summary: 'passwordSyncEnabled was set in the tenant.' },
  200: { level: 'error', summary: "A user's password could not be delivered; it is retried with backoff." },
  201: {
    level: 'error',
    summary: "The engine stopped retrying a user's password until it changes again or a full sync runs.",
  },
  202: { level: 'info', summary: "A user's password was delivered after earlier failures." },
  203: {
    level: 'info',
    summary: 'Users filtered for "must change password" are checked again (the tenant feature changed).',
  },
  300: { level: 'error', summary: 'Reading the directory (replication) failed.' },
  301: { level: 'warning', summary: 'The saved replication cursor could not be used; a full sync runs.' },
  400: { level: 'error', summary: 'The tenant rejected a credential request as a whole.' },
  401: { level: 'warning', summary: 'The tenant throttled credential delivery; it is retried after a wait.' },
  402: { level: 'warning', summary: 'The tenant was unavailable; delivery is retried after a wait.' },
  403: { level: 'error', summary: 'passwordSyncEnabled is off in the tenant: nothing can be delivered.' },
  500: { level: 'info', summary: 'Heartbeat: the engine is running and idle.' },
  501: {
    level: 'error',
    summary: 'The cryptographic self-test failed: the engine runs no cycle until it passes (see "phs doctor").',
  },
  600: {
    level: 'warning',
    summary: 'A torn last write was dropped from the state journal at start (after a crash).',
  },
};
