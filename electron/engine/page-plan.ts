/**
 * The first step of a page: the account rules and the engine's records decide, per user,
 * whether to send its credential now; the others get their record (out of scope, filtered,
 * no password, unchanged) and their NT hash is zeroed at once.
 */
import type { RunCounts, SyncOp, UserRecord } from './records.ts';
import type { PageContext } from './page.ts';
import type { SourceUser } from './ports.ts';
import { judge, passwordStamp } from './rules.ts';
import { refreshedRecord, sameRecord, skippedRecord, type RecordContext } from './user-records.ts';

export interface ToSend {
  readonly user: SourceUser;
  readonly prev: UserRecord | undefined;
  readonly stamp: string | null;
  readonly forceChange: boolean;
}

export type Counter = { -readonly [K in keyof RunCounts]: number };

/** In a delta, only what the tenant does not hold yet: a new change, a new anchor, or an earlier miss. */
function needsSending(
  user: SourceUser,
  prev: UserRecord | undefined,
  stamp: string | null,
  forceChange: boolean,
  ctx: PageContext,
): boolean {
  if (!prev || ctx.kind !== 'delta' || prev.sourceAnchor !== user.sourceAnchor) return true;
  if (ctx.staging) return prev.result !== 'staged' || prev.changeSeen !== stamp;
  return prev.result !== 'delivered' || prev.changeDelivered !== stamp || prev.forceChange !== forceChange;
}

/** Rules and store lookups: which users to send; records for the others. */
export function plan(
  users: readonly SourceUser[],
  ctx: PageContext,
  rc: RecordContext,
  ops: SyncOp[],
  counts: Counter,
): ToSend[] {
  const byGuid = new Map<string, ToSend>();
  const records = ctx.recorder.state.users;
  for (const user of users) {
    const verdict = judge(user, ctx.rules);
    const prev = records.get(user.objectGuid);
    const stamp = passwordStamp(user);
    if (verdict.kind === 'sync' && needsSending(user, prev, stamp, verdict.forceChange, ctx)) {
      byGuid.get(user.objectGuid)?.user.ntHash?.fill(0); // the same object twice in a page: the last wins
      byGuid.set(user.objectGuid, { user, prev, stamp, forceChange: verdict.forceChange });
      continue;
    }
    user.ntHash?.fill(0);
    const earlier = byGuid.get(user.objectGuid);
    if (earlier) {
      earlier.user.ntHash?.fill(0);
      byGuid.delete(user.objectGuid);
    }
    if (verdict.kind === 'ignore') continue;
    counts.seen++;
    if (verdict.kind === 'gone') {
      if (prev) ops.push({ op: 'forget', objectGuid: user.objectGuid });
      continue;
    }
    let record: UserRecord | undefined;
    if (verdict.kind === 'sync') {
      counts.unchanged++;
      record = prev ? refreshedRecord(user, prev, rc) : undefined;
    } else {
      const reason =
        verdict.kind === 'outOfScope'
          ? verdict.scope.reason
          : verdict.kind === 'filtered'
            ? verdict.reason
            : null;
      counts[verdict.kind]++;
      const next = skippedRecord(user, prev, stamp, verdict.kind, reason, rc);
      record = sameRecord(prev, next) ? undefined : next;
    }
    if (record) ops.push({ op: 'user', user: record });
  }
  counts.seen += byGuid.size;
  return [...byGuid.values()];
}
