/** The engine's tunables, with the defaults the app and the CLI use. */
import type { Backoff } from './clock.ts';
import type { ScopeConfig } from './scope.ts';

export interface EngineSettings {
  readonly scope: ScopeConfig;
  /** Staging mode: read and hash everything, deliver nothing, record what would have been sent. */
  readonly stagingMode: boolean;
  /** Between two delta cycles (measured from the end of one to the start of the next). */
  readonly pollMs: number;
  /** Credentials per delivery request (capped by the sink's maxBatchSize). */
  readonly batchSize: number;
  /** Replication pages being hashed or delivered at once: bounds memory and keeps the pool busy. */
  readonly pagesInFlight: number;
  /** Hash pool batches: a page is split into chunks of this many users. */
  readonly hashChunk: number;
  /** A heartbeat event when no cycle did any work for this long. */
  readonly heartbeatMs: number;
  /** How long the tenant's features (read at cycle start) are trusted before reading them again. */
  readonly tenantSettingsTtlMs: number;
  /** Resending throttled/unavailable credentials within a cycle. */
  readonly delivery: Backoff & { readonly maxAttempts: number };
  /** Waiting after a failed cycle before the next one. */
  readonly cycleBackoff: Backoff;
  /** How often a failed cycle is tried again within one syncNow()/fullSync() call. */
  readonly cycleAttempts: number;
  /** Retrying a user whose credential was rejected: backoff and how many tries before giving up. */
  readonly userRetry: Backoff & { readonly maxAttempts: number };
  /** Users retried (re-read from the directory) per cycle. */
  readonly retriesPerCycle: number;
}

export const DEFAULT_SETTINGS: EngineSettings = {
  scope: { includeOUs: [], excludeOUs: [] },
  stagingMode: false,
  pollMs: 3_000,
  batchSize: 500,
  pagesInFlight: 3,
  hashChunk: 64,
  heartbeatMs: 30 * 60_000,
  tenantSettingsTtlMs: 5 * 60_000,
  delivery: { baseDelayMs: 500, maxDelayMs: 60_000, maxAttempts: 8 },
  cycleBackoff: { baseDelayMs: 2_000, maxDelayMs: 5 * 60_000 },
  cycleAttempts: 5,
  userRetry: { baseDelayMs: 60_000, maxDelayMs: 6 * 3600_000, maxAttempts: 12 },
  retriesPerCycle: 100,
};

export function withDefaults(partial: Partial<EngineSettings>): EngineSettings {
  return { ...DEFAULT_SETTINGS, ...partial };
}
