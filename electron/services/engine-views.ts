/**
 * The dashboard's views of the engine's state: pure functions from the engine's status and its
 * records to the contract's shapes (shared/engine-schemas.ts). Names, counts and times only.
 */
import type {
  CycleView,
  EngineStatusView,
  EventView,
  UserFilter,
  UserRow,
  UsersPage,
  UsersQuery,
} from '../../shared/engine-schemas.ts';
import type { EngineStatus } from '../engine/status.ts';
import type { EventLevel, EventRecord, RunRecord, UserRecord } from '../engine/records.ts';

type Reach = EngineStatusView['health']['directory'];

/** Which side a failed cycle's error code points at. */
export function healthOf(run: RunRecord | null): { directory: Reach; tenant: Reach } {
  if (run === null || run.outcome === 'running' || run.outcome === 'cancelled')
    return { directory: 'unknown', tenant: 'unknown' };
  if (run.outcome === 'completed') return { directory: 'ok', tenant: 'ok' };
  const code = run.error?.code ?? '';
  if (/^(TENANT|TOKEN)_/.test(code)) return { directory: 'ok', tenant: 'failed' };
  if (/^(LDAP|NTLM|DRSR|DIRECTORY|MISSING_REPLICATION|CURSOR)/.test(code))
    return { directory: 'failed', tenant: 'unknown' };
  return { directory: 'unknown', tenant: 'unknown' };
}

/** The last settled cycle (a running one says nothing about reachability yet). */
function settled(status: EngineStatus): RunRecord | null {
  return status.lastRun?.outcome === 'running' ? status.lastCompletedRun : status.lastRun;
}

export function statusView(
  status: EngineStatus,
  extra: { lastHeartbeat: string | null; latencySeconds: number | null },
): EngineStatusView {
  const last = settled(status);
  const u = status.users;
  return {
    state: status.state,
    enabled: status.enabled,
    staging: status.stagingMode,
    pollSeconds: status.pollSeconds,
    health: {
      ...healthOf(last),
      problem: last?.outcome === 'failed' && last.error ? { ...last.error } : null,
      lastHeartbeat: extra.lastHeartbeat,
    },
    lastCycle: status.lastRun
      ? {
          kind: status.lastRun.kind,
          outcome: status.lastRun.outcome,
          startedAt: status.lastRun.startedAt,
          endedAt: status.lastRun.endedAt,
        }
      : null,
    nextCycleAt: status.nextCycleAt,
    counts: {
      inScope: u.total - u.outOfScope,
      synced: u.delivered,
      filtered: u.filtered + u.noPassword,
      failed: u.failed,
      staged: u.staged,
    },
    lastDeltaLatencySeconds: extra.latencySeconds,
    upToDate: status.upToDate,
  };
}

export function cycleViews(runs: readonly RunRecord[], limit: number): CycleView[] {
  return runs
    .filter((r) => r.outcome !== 'running')
    .slice(-limit)
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      startedAt: r.startedAt,
      outcome: r.outcome,
      delivered: r.counts.delivered + r.counts.staged,
      failed: r.counts.failed,
      durationSeconds:
        r.endedAt === null ? 0 : Math.max(0, (Date.parse(r.endedAt) - Date.parse(r.startedAt)) / 1000),
    }));
}

/** The OU (or container) a DN sits in: the DN without its first RDN. */
export function ouOf(dn: string): string {
  const match = /^(?:[^,\\]|\\.)*,(.*)$/.exec(dn);
  return match?.[1] ?? '';
}

const isoOrNull = (value: string | null): string | null =>
  value !== null && !Number.isNaN(Date.parse(value)) ? value : null;

export function userRow(u: UserRecord): UserRow {
  return {
    id: u.objectGuid,
    name: u.samAccountName,
    upn: u.upn,
    ou: ouOf(u.dn),
    lastChangeOnPrem: isoOrNull(u.changeSeen),
    lastDelivered: u.deliveredAt,
    result: u.result,
    reason: u.reason ?? u.errorMessage,
  };
}

function matchesFilter(u: UserRecord, filter: UserFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'filtered':
      return u.result === 'filtered' || u.result === 'noPassword';
    case 'other':
      return u.result === 'outOfScope';
    default:
      return u.result === filter;
  }
}

/** One page of the users, filtered and searched in main; `sorted` is the records sorted by name. */
export function usersPage(sorted: readonly UserRecord[], q: UsersQuery): UsersPage {
  const needle = q.query.trim().toLowerCase();
  const hits = sorted.filter(
    (u) =>
      matchesFilter(u, q.result) &&
      (needle === '' ||
        u.samAccountName.toLowerCase().includes(needle) ||
        (u.upn?.toLowerCase().includes(needle) ?? false) ||
        u.dn.toLowerCase().includes(needle)),
  );
  return {
    total: hits.length,
    offset: q.offset,
    rows: hits.slice(q.offset, q.offset + q.limit).map(userRow),
  };
}

export function eventViews(
  events: readonly EventRecord[],
  severity: EventLevel | undefined,
  limit: number,
): EventView[] {
  const picked = severity === undefined ? events : events.filter((e) => e.level === severity);
  return picked
    .slice(-limit)
    .reverse()
    .map((e) => ({ seq: e.seq, id: e.id, at: e.at, level: e.level, message: e.message }));
}

/** Seconds from the on-premises change to its delivery, for the most recent delivery that knows both. */
export function latencyOf(u: UserRecord): number | null {
  const changed = isoOrNull(u.changeDelivered);
  if (changed === null || u.deliveredAt === null) return null;
  return Math.max(0, (Date.parse(u.deliveredAt) - Date.parse(changed)) / 1000);
}
