/**
 * The engine's ports: all it needs from the directory, the tenant and the hash pool. The engine
 * imports none of those modules; small adapters over electron/directory (drsr, ldap),
 * electron/tenant and electron/phs implement these interfaces, and tests use in-memory fakes.
 *
 * Errors: implementations throw AppError. Transient failures (see transient.ts: throttled,
 * unavailable, timeouts, lost connections, or any error carrying `retryAfterMs`) are retried
 * with jittered backoff; anything else fails the cycle, which is retried on the next poll from
 * the last committed cursor. Every method takes an AbortSignal and must stop promptly on abort.
 */
import type { SyncOp, SyncState } from './records.ts';

/** An opaque, serialisable replication position (e.g. invocationId + usnvecTo + up-to-date vector). */
export type SourceCursor = string;

export interface SourceUser {
  /** The objectGUID, lower case with dashes: the key of the engine's per-user state. */
  readonly objectGuid: string;
  /** The user's immutable id in the tenant (base64 objectGUID or mS-DS-ConsistencyGuid). */
  readonly sourceAnchor: string;
  readonly dn: string;
  readonly samAccountName: string;
  readonly userPrincipalName: string | null;
  /** objectClass values as lDAPDisplayNames, e.g. top, person, organizationalPerson, user. */
  readonly objectClasses: readonly string[];
  readonly userAccountControl: number;
  /** pwdLastSet as a FILETIME (100 ns ticks since 1601); 0n = must change at next logon; null = absent. */
  readonly pwdLastSet: bigint | null;
  /** When unicodePwd last changed (ISO 8601, from its replication metadata), when the source knows. */
  readonly passwordChangedAt?: string;
  readonly isCriticalSystemObject?: boolean;
  /** A tombstone (the object was deleted). */
  readonly isDeleted?: boolean;
  /** The 16-byte NT hash, or null when the account has no password. The engine takes ownership and zeroes it. */
  readonly ntHash: Buffer | null;
}

export interface ReplicationPage {
  /** Objects of any class (computers, contacts, …): the engine keeps only user accounts. */
  readonly users: readonly SourceUser[];
  /** Where to resume after this page. The engine commits it once every credential of this and
   *  every earlier page is acknowledged by the tenant or recorded as a per-user failure. */
  readonly cursor: SourceCursor;
  /** The source's estimate of the objects in this pass, for progress; absent when unknown. */
  readonly estimatedTotal?: number;
}

/** Which object to read: by objectGUID (with the DN last seen: the object may have moved since) or by name. */
export type UserRef =
  | { readonly by: 'objectGuid'; readonly value: string; readonly lastKnownDn: string }
  | { readonly by: 'name'; readonly value: string };

export interface ReplicationSource {
  /** Names the directory (e.g. "drsr:DC=lab,DC=example,DC=test"): cursors are kept per id. */
  readonly id: string;
  /** Every object, from the start (from = null) or resuming a full pass after the page whose cursor
   *  is given. Yields at least one page; the last page's cursor is where incremental passes start. */
  fullPass(from: SourceCursor | null, signal: AbortSignal): AsyncIterable<ReplicationPage>;
  /** The objects changed since `from` (any cursor of a full or incremental pass); may yield only
   *  empty pages. A cursor the source cannot use (another DC, expired) → throw AppError
   *  CURSOR_INVALID (DRSR_CURSOR_INVALID and DIRECTORY_RESYNC_REQUIRED are accepted too): a fresh
   *  full pass runs. Deleted objects may come as tombstones (isDeleted) or not at all (then the
   *  next full pass forgets them). */
  incremental(from: SourceCursor, signal: AbortSignal): AsyncIterable<ReplicationPage>;
  /** One object with its NT hash, by objectGUID or by name (DN, UPN, sAMAccountName, DOMAIN\name); null when none. */
  readUser(ref: UserRef, signal: AbortSignal): Promise<SourceUser | null>;
}

export interface SyncFeatures {
  readonly passwordSyncEnabled: boolean;
  readonly cloudPasswordPolicyForPasswordSyncedUsersEnabled: boolean;
  readonly userForcePasswordChangeOnLogonEnabled: boolean;
}

export interface TenantSyncSettings {
  /** The organisation's onPremisesSyncEnabled. */
  readonly directorySyncEnabled: boolean;
  readonly features: SyncFeatures;
}

export interface TenantControl {
  readSettings(signal: AbortSignal): Promise<TenantSyncSettings>;
  setDirectorySync(enabled: boolean, signal: AbortSignal): Promise<void>;
  setFeatures(patch: Partial<SyncFeatures>, signal: AbortSignal): Promise<void>;
}

/** One credential, with the semantics of Entra's ProvisionCredentials. */
export interface CredentialItem {
  readonly sourceAnchor: string;
  /** The PHS wire string. */
  readonly credentialData: string;
  readonly forceChangePasswordOnLogon: boolean;
  /** When the password changed on premises (ISO 8601); the service keeps the latest change. */
  readonly changeDate: string;
}

export const CREDENTIAL_OUTCOMES = [
  'success',
  'staleIgnored',
  'unknownUser',
  'rejectedFormat',
  'throttled',
  'unavailable',
  'invalidItem',
  'failed',
] as const;
export type CredentialOutcome = (typeof CREDENTIAL_OUTCOMES)[number];

/** Outcomes worth sending again (after a wait). */
export const RETRYABLE_OUTCOMES: ReadonlySet<CredentialOutcome> = new Set(['throttled', 'unavailable']);
/** Outcomes that mean the cloud holds this change (applied now, or a newer one already). */
export const DELIVERED_OUTCOMES: ReadonlySet<CredentialOutcome> = new Set(['success', 'staleIgnored']);

export interface CredentialResult {
  readonly sourceAnchor: string;
  readonly outcome: CredentialOutcome;
  /** The service's result code (0 = success). */
  readonly code: number;
  readonly message?: string;
  readonly retryAfterMs?: number;
}

export interface CredentialSink {
  /** One result per item, in item order. Whole-request failures are thrown (transient or not). */
  deliver(items: readonly CredentialItem[], signal?: AbortSignal): Promise<readonly CredentialResult[]>;
  readonly maxBatchSize: number;
}

/** The hash pool (electron/phs/pool.ts HashPool fits as is). Takes ownership of the NT hashes. */
export interface Hasher {
  readonly size: number;
  hash(items: readonly { readonly ntHash: Uint8Array }[], opts: { signal?: AbortSignal }): Promise<string[]>;
}

/**
 * The start-up self-test of the cryptographic primitives (electron/self-test): resolves when every
 * primitive passed its known answers, rejects with CRYPTO_SELF_TEST_FAILED otherwise. It runs
 * once and answers from its cache after that, so asking before every cycle costs nothing.
 */
export interface CryptoGate {
  ensurePassed(): Promise<void>;
}

/** Time, injectable so tests run without waiting. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with CancelledError on abort. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
}

/**
 * The engine's crash-safe state (electron/store/ implements it with a journal): `state` is the
 * committed state in memory; commit() applies the operations and resolves once they are durable.
 */
export interface StateStore {
  readonly state: SyncState;
  commit(ops: readonly SyncOp[]): Promise<void>;
  /** droppedTailBytes: a torn last write found and dropped when the state was opened (0 normally). */
  stats(): { readonly droppedTailBytes: number };
}
