/**
 * One user's verdict from the two ends, as a pure function.
 *
 * What the cloud's time means. Graph's user resource (v1.0, microsoft-graph-docs
 * api-reference/v1.0/resources/user.md) defines lastPasswordChangeDateTime as the time the user
 * last changed their password or the password was created, whichever is later, returned only on
 * `$select`. For synced users admins observe that it is the time the sync client wrote the
 * password into the cloud, not pwdLastSet, and that it is then never null
 * (microsoftgraph/microsoft-graph-docs issue #14522). So it is compared as a "not older than"
 * bound: the cloud holds the current on-premises password when its time is at or after the
 * on-premises change (less the clock-skew tolerance), and the difference is the delivery lag.
 *
 * Our decision for null: the cloud records no password time at all, so no password has reached
 * it; that is treated exactly like a cloud time older than the on-premises change — `pending`
 * while the change is younger than the grace period, `behind` after it.
 *
 * The order of the checks: the sync rules first (filtered, no password: nothing is to arrive),
 * then disabled accounts on either side (nobody signs in with that password now), then the cloud
 * user (none synced with this anchor → notInCloud), then the times.
 */
import type { CloudUser, OnPremUser, UserVerdict, VerifyPolicy, VerifyStatus } from './model.ts';

export interface Moment {
  /** "Now" on the DC's clock (this machine's time corrected by the measured DC offset), in ms. */
  readonly nowMs: number;
}

/** ISO 8601 → epoch ms, or null for null / unreadable. */
export function instant(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

function seconds(ms: number): number {
  return Math.max(0, Math.round(ms / 1000));
}

function row(
  user: OnPremUser,
  cloud: CloudUser | undefined,
  status: VerifyStatus,
  lagSeconds: number | null,
): UserVerdict {
  return {
    sAMAccountName: user.sAMAccountName,
    userPrincipalName: cloud?.userPrincipalName ?? user.userPrincipalName,
    sourceAnchor: cloud?.onPremisesImmutableId ?? user.sourceAnchors[0] ?? '',
    onPremisesChangedAt: user.passwordChangedAt,
    cloudChangedAt: cloud?.lastPasswordChangeDateTime ?? null,
    lagSeconds,
    status,
  };
}

/** The verdict for one in-scope user; `cloud` is the synced cloud user with one of its anchors, if any. */
export function classify(
  user: OnPremUser,
  cloud: CloudUser | undefined,
  policy: VerifyPolicy,
  at: Moment,
): UserVerdict {
  if (user.rule === 'filtered') return row(user, cloud, 'filtered', null);
  if (user.rule === 'noPassword') return row(user, cloud, 'noPassword', null);
  if (!user.enabled || cloud?.accountEnabled === false) return row(user, cloud, 'disabled', null);
  const onPrem = instant(user.passwordChangedAt);
  const waited = onPrem === null ? null : seconds(at.nowMs - onPrem);
  // A cloud user with our anchor whose sync is off was converted to cloud-only: no client delivers to it.
  if (cloud === undefined || cloud.onPremisesSyncEnabled === false)
    return row(user, undefined, 'notInCloud', waited);
  const inCloud = instant(cloud.lastPasswordChangeDateTime);
  if (onPrem === null) {
    // pwdLastSet = 0 with the tenant's forced-change feature on: delivered, but AD names no time to compare.
    return row(user, cloud, inCloud === null ? 'behind' : 'inSync', null);
  }
  if (inCloud !== null && inCloud >= onPrem - policy.skewSeconds * 1000)
    return row(user, cloud, 'inSync', seconds(inCloud - onPrem));
  // A change stamped after "now" (clocks a little apart) has just happened: age 0, behind at --grace 0.
  const age = Math.max(0, at.nowMs - onPrem);
  return row(user, cloud, age < policy.graceSeconds * 1000 ? 'pending' : 'behind', seconds(age));
}
