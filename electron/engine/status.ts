/** The engine's status: what the dashboard, `phs status` and the CLI's exit code read. */
import type { EventRecord, ResultCounts, RunRecord } from './records.ts';
import type { SyncState } from './records.ts';
import type { EngineState, Progress } from './events.ts';
import type { TenantSyncSettings } from './ports.ts';

export interface UserCounts extends ResultCounts {
  readonly total: number;
  /** Users the engine will try again on its own (failed with a retry time, or queued for a re-check). */
  readonly retryScheduled: number;
}

export interface EngineStatus {
  readonly state: EngineState;
  readonly enabled: boolean;
  readonly stagingMode: boolean;
  readonly pollSeconds: number;
  /** none: never synced; full: a full pass is under way or unfinished; incremental: deltas. */
  readonly phase: 'none' | 'full' | 'incremental';
  readonly cursorUpdatedAt: string | null;
  readonly progress: Progress | null;
  readonly lastRun: RunRecord | null;
  readonly lastCompletedRun: RunRecord | null;
  readonly nextCycleAt: string | null;
  readonly consecutiveFailures: number;
  readonly users: UserCounts;
  /** The tenant's settings as last read (null before the first read). */
  readonly tenant: TenantSyncSettings | null;
  readonly recentEvents: readonly EventRecord[];
  /** Every in-scope user delivered (or staged, in staging mode) or explicitly filtered, nothing pending. */
  readonly upToDate: boolean;
}

export interface LiveStatus {
  readonly state: EngineState;
  readonly stagingMode: boolean;
  readonly pollMs: number;
  readonly cursorKey: string;
  readonly progress: Progress | null;
  readonly nextCycleAt: number | null;
  readonly consecutiveFailures: number;
  readonly tenant: TenantSyncSettings | null;
}

export function countUsers(state: SyncState): UserCounts {
  const counts = {
    total: 0,
    delivered: 0,
    failed: 0,
    staged: 0,
    noPassword: 0,
    filtered: 0,
    outOfScope: 0,
    retryScheduled: state.retries.size,
  };
  for (const user of state.users.values()) {
    counts.total++;
    counts[user.result]++;
  }
  return counts;
}

export function buildStatus(state: SyncState, live: LiveStatus): EngineStatus {
  const cursor = state.cursors.get(live.cursorKey);
  const users = countUsers(state);
  const phase = cursor === undefined ? 'none' : cursor.phase;
  const lastCompletedRun = state.runs.findLast((r) => r.outcome === 'completed') ?? null;
  const upToDate = phase === 'incremental' && users.failed === 0 && (live.stagingMode || users.staged === 0);
  return {
    state: live.state,
    enabled: state.settings.enabled,
    stagingMode: live.stagingMode,
    pollSeconds: live.pollMs / 1000,
    phase,
    cursorUpdatedAt: cursor?.updatedAt ?? null,
    progress: live.progress,
    lastRun: state.runs.at(-1) ?? null,
    lastCompletedRun,
    nextCycleAt: live.nextCycleAt === null ? null : new Date(live.nextCycleAt).toISOString(),
    consecutiveFailures: live.consecutiveFailures,
    users,
    tenant: live.tenant,
    recentEvents: state.events.slice(-20),
    upToDate,
  };
}
