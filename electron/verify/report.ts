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

/** The DC's clock beside this machine's: `localMs` is when the DC answered, by this machine's clock. */
export function dcClockOf(dcTime: string | null, localMs: number, skewSeconds: number): DcClock | null {
  const dcMs = dcTime === null ? Number.NaN : Date.parse(dcTime);
  if (!Number.isFinite(dcMs)) return null;
  const offsetSeconds = Math.round((dcMs - localMs) / 1000);
  return { dcTime: new Date(dcMs).toISOString(), offsetSeconds, withinSkew: Math.abs(offsetSeconds) <= skewSeconds };
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
