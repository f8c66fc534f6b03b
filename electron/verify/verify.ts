/**
 * Verification over the two ports: read the DC's clock, every cloud user (indexed by source
 * anchor) and the tenant's heartbeat, then judge each in-scope user (classify.ts). "Now" is taken
 * on the DC's clock (this machine's time plus the measured offset), so a DC clock that is off does
 * not shift the grace period; the offset is reported (outside the skew tolerance: a warning).
 */
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { classify } from './classify.ts';
import type { CloudUser, OnPremUser, UserVerdict, VerifyPolicy, VerifyReport } from './model.ts';
import type { CloudEnd, OnPremisesEnd } from './ports.ts';
import { dcClockOf, summarize } from './report.ts';

export interface VerifyOptions extends VerifyPolicy {
  /** Only this user: sAMAccountName or userPrincipalName, any case. */
  readonly user?: string;
  /** The tenant's userForcePasswordChangeOnLogonEnabled as the on-premises end was judged with (null: unknown). */
  readonly forceChangeFeature: boolean | null;
  readonly now?: () => number;
}

function byAnchor(users: readonly CloudUser[]): Map<string, CloudUser> {
  const map = new Map<string, CloudUser>();
  for (const u of users) {
    if (u.onPremisesImmutableId !== null && !map.has(u.onPremisesImmutableId)) map.set(u.onPremisesImmutableId, u);
  }
  return map;
}

function isNamed(user: OnPremUser, name: string): boolean {
  const wanted = name.trim().toLowerCase();
  return user.sAMAccountName.toLowerCase() === wanted || user.userPrincipalName?.toLowerCase() === wanted;
}

export async function verify(onPrem: OnPremisesEnd, cloud: CloudEnd, options: VerifyOptions): Promise<VerifyReport> {
  const now = options.now ?? Date.now;
  const before = now();
  const [dcTime, cloudUsers, heartbeat] = await Promise.all([
    onPrem.dcTime().then((time) => ({ time, after: now() })),
    cloud.users(),
    cloud.heartbeat(),
  ]);
  const dcClock = dcClockOf(dcTime.time, { before, after: dcTime.after }, options.skewSeconds);
  const checkedAt = now();
  const at = { nowMs: checkedAt + (dcClock?.offsetSeconds ?? 0) * 1000 };
  const anchors = byAnchor(cloudUsers);
  const users: UserVerdict[] = [];
  for await (const user of onPrem.users()) {
    if (options.user !== undefined && !isNamed(user, options.user)) continue;
    const match = user.sourceAnchors.map((a) => anchors.get(a)).find((u) => u !== undefined);
    users.push(classify(user, match, options, at));
  }
  if (options.user !== undefined && users.length === 0) {
    throw new AppError(
      ErrorCode.UserNotFound,
      `No user named "${options.user}" is in scope.`,
      'Give the sAMAccountName or userPrincipalName of a user under the included OUs (phs ad users lists them).',
    );
  }
  users.sort((a, b) => a.sAMAccountName.localeCompare(b.sAMAccountName));
  return {
    summary: summarize(users, options, {
      checkedAt: new Date(checkedAt).toISOString(),
      dcClock,
      heartbeat,
      forceChangeFeature: options.forceChangeFeature,
    }),
    users,
  };
}
