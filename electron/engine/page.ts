/**
 * One page of users: apply the account rules, hash what must be sent (spread over the pool),
 * deliver it (or, in staging mode, only record what would have been sent), and return the
 * operations that record every user's result. Nothing is committed here: the pass commits a
 * page's operations together with its cursor, in page order.
 * Every NT hash is zeroed: by the pool when hashed, here when not needed or on failure.
 */
import { redactText } from '../../shared/redact.ts';
import type { SyncOp } from './records.ts';
import { ZERO_COUNTS, type RunCounts, type RunKind } from './records.ts';
import { deliverAll, DELIVERED, type DeliveryOptions } from './delivery.ts';
import { EventId } from './event-ids.ts';
import type { Clock, Hasher, SourceUser } from './ports.ts';
import type { Recorder } from './recorder.ts';
import { plan, type Counter, type ToSend } from './page-plan.ts';
import { changeDateOf, type RuleContext } from './rules.ts';
import type { EngineSettings } from './settings.ts';
import { deliveredRecord, failedRecord, stagedRecord, type RecordContext } from './user-records.ts';

export interface PageContext {
  readonly kind: RunKind;
  readonly staging: boolean;
  readonly rules: RuleContext;
  readonly passId: string | null;
  readonly recorder: Recorder;
  readonly hasher: Hasher;
  readonly delivery: DeliveryOptions;
  readonly clock: Clock;
  readonly settings: EngineSettings;
}

export interface PageOutcome {
  readonly ops: SyncOp[];
  readonly counts: RunCounts;
}

async function hashAll(list: readonly ToSend[], ctx: PageContext, signal: AbortSignal): Promise<string[]> {
  const chunk = Math.max(1, ctx.settings.hashChunk);
  const jobs: Promise<string[]>[] = [];
  for (let i = 0; i < list.length; i += chunk) {
    jobs.push(
      ctx.hasher.hash(
        list.slice(i, i + chunk).map((s) => ({ ntHash: s.user.ntHash! })),
        { signal },
      ),
    );
  }
  const settled = await Promise.allSettled(jobs);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.flatMap((s) => (s.status === 'fulfilled' ? s.value : []));
}

export async function processPage(
  users: readonly SourceUser[],
  ctx: PageContext,
  signal: AbortSignal,
): Promise<PageOutcome> {
  const ops: SyncOp[] = [];
  const counts: Counter = { ...ZERO_COUNTS };
  const rc: RecordContext = { now: ctx.clock.now(), passId: ctx.passId };
  let toSend: ToSend[] = [];
  try {
    toSend = plan(users, ctx, rc, ops, counts);
    if (toSend.length === 0) return { ops, counts };
    const wires = await hashAll(toSend, ctx, signal);
    if (ctx.staging) {
      for (const s of toSend)
        ops.push({ op: 'user', user: stagedRecord(s.user, s.prev, s.stamp, s.forceChange, rc) });
      counts.staged += toSend.length;
      return { ops, counts };
    }
    const items = toSend.map((s, i) => ({
      sourceAnchor: s.user.sourceAnchor,
      credentialData: wires[i]!,
      forceChangePasswordOnLogon: s.forceChange,
      changeDate: changeDateOf(s.user, rc.now),
    }));
    const results = await deliverAll(ctx.delivery, items, signal);
    const done: RecordContext = { now: ctx.clock.now(), passId: ctx.passId };
    toSend.forEach((s, i) => recordResult(s, results[i]!, ctx, done, ops, counts));
    return { ops, counts };
  } finally {
    for (const s of toSend) s.user.ntHash?.fill(0);
  }
}

function recordResult(
  s: ToSend,
  r: { readonly outcome: string; readonly message?: string; readonly code: number },
  ctx: PageContext,
  rc: RecordContext,
  ops: SyncOp[],
  counts: Counter,
): void {
  const name = s.user.userPrincipalName ?? s.user.samAccountName;
  if (DELIVERED.has(r.outcome)) {
    counts.delivered++;
    ops.push({
      op: 'user',
      user: deliveredRecord(
        s.user,
        s.prev,
        s.stamp,
        s.forceChange,
        r.outcome === 'success' ? null : r.outcome,
        rc,
      ),
    });
    if (s.prev?.result === 'failed')
      ops.push(
        ctx.recorder.event(
          EventId.UserRecovered,
          `Delivered the password of ${name} after earlier failures.`,
          { user: name },
        ),
      );
    return;
  }
  counts.failed++;
  // The service's text is stored and shown: redacted like a log line, and kept short.
  const message = redactText(r.message ?? `The tenant answered ${r.outcome} (code ${r.code}).`).slice(0, 300);
  const record = failedRecord(
    s.user,
    s.prev,
    s.stamp,
    { code: r.outcome, message },
    ctx.settings.userRetry,
    ctx.clock.random,
    rc,
  );
  ops.push({ op: 'user', user: record });
  const gaveUp = record.nextRetryAt === null;
  ops.push(
    ctx.recorder.event(
      gaveUp ? EventId.UserRetryGaveUp : EventId.UserFailed,
      gaveUp
        ? `Gave up delivering the password of ${name} after ${record.attempts} attempts: ${r.outcome}.`
        : `The tenant refused the password of ${name}: ${r.outcome}; retry ${record.attempts} at ${record.nextRetryAt}.`,
      { user: name, outcome: r.outcome, code: r.code, attempts: record.attempts },
    ),
  );
}
