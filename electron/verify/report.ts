/** The summary of a verification and what it means for the exit code. */
import {
  FAILING_STATUSES,
  VERIFY_STATUSES,
  type DcClock,
  type UserVerdict,
  type VerifyPolicy,
  type VerifyStatus,
  type VerifySummary,
} from './model.ts';

export function countByStatus(users: readonly UserVerdict[]): Record<VerifyStatus, number> {
  const counts = Object.fromEntries(VERIFY_STATUSES.map((s) => [s, 0])) as Record<VerifyStatus, number>;
  for (const u of users) counts[u.status]++;
  return counts;
}

/**
 * The DC's clock beside this machine's. `currentTime` has one-second resolution, so the DC's true
 * time lies in [dcTime, dcTime + 1 s) while this machine read between `localBefore` and `localAfter`:
 * the offset is the one of that range closest to zero (0 when the clocks may agree), in whole seconds.
 */
export function dcClockOf(
  dcTime: string | null,
  local: { readonly before: number; readonly after: number },
  skewSeconds: number,
): DcClock | null {
  const dcMs = dcTime === null ? Number.NaN : Date.parse(dcTime);
  if (!Number.isFinite(dcMs)) return null;
  const lowest = dcMs - local.after;
  const highest = dcMs + 999 - local.before;
  const offsetMs = lowest > 0 ? lowest : highest < 0 ? highest : 0;
  const offsetSeconds = Math.trunc(offsetMs / 1000) || 0; // never -0
  return {
    dcTime: new Date(dcMs).toISOString(),
    offsetSeconds,
    withinSkew: Math.abs(offsetSeconds) <= skewSeconds,
  };
}

/** True when some user is behind or has no synced cloud user: `phs verify` exits 1. */
export function needsAttention(counts: Readonly<Record<VerifyStatus, number>>): boolean {
  return FAILING_STATUSES.some((s) => counts[s] > 0);
}

export function summarize(
  users: readonly UserVerdict[],
  policy: VerifyPolicy,
  context: Pick<VerifySummary, 'checkedAt' | 'dcClock' | 'heartbeat' | 'forceChangeFeature'>,
): VerifySummary {
  return {
    checkedAt: context.checkedAt,
    graceSeconds: policy.graceSeconds,
    skewSeconds: policy.skewSeconds,
    total: users.length,
    counts: countByStatus(users),
    dcClock: context.dcClock,
    heartbeat: context.heartbeat,
    forceChangeFeature: context.forceChangeFeature,
  };
}
