/**
 * The steps of a cycle (cycle.ts): the page context for a pass, running one pass with its
 * start and cursor records, finishing a full pass, and retrying the users that are due.
 */
import { AppError, ErrorCode, toShape } from '../../shared/errors.ts';
import { ZERO_COUNTS, type EventData, type RunCounts, type SyncOp } from './records.ts';
import { cursorRecord, FULL_REASON_TEXT, type PassMode } from './cursor-plan.ts';
import type { CycleDeps } from './cycle.ts';
import { EventId } from './event-ids.ts';
import { runPass, type PassResult } from './pass.ts';
import { processPage, type PageContext } from './page.ts';
import type { ReplicationPage } from './ports.ts';
import type { ProgressTracker } from './progress.ts';
import { readDueRetries } from './retries.ts';
import { isCursorInvalid } from './transient.ts';

export { isCursorInvalid };

export function pageContext(deps: CycleDeps, mode: PassMode, forceChangeFeature: boolean): PageContext {
  const { recorder, clock, settings } = deps;
  const note = (id: EventId, message: string, data: EventData): void =>
    void recorder.note(id, message, data).catch(() => undefined);
  return {
    kind: mode.kind,
    staging: settings.stagingMode,
    rules: { scope: deps.scope, forceChangeFeature },
    passId: mode.kind === 'full' ? mode.passId : null,
    recorder,
    hasher: deps.hasher,
    clock,
    settings,
    delivery: {
      sink: deps.sink,
      batchSize: settings.batchSize,
      policy: settings.delivery,
      clock,
      hooks: {
        onRetry: (id, count, delayMs) =>
          note(
            id,
            `${count} credentials ${id === EventId.Throttled ? 'throttled' : 'not accepted (unavailable)'}; sending again in ${Math.round(delayMs / 100) / 10} s.`,
            { count, delayMs },
          ),
        onRejected: (error) =>
          note(EventId.TenantRejected, `The tenant refused a credential request: ${toShape(error).message}`, {
            code: toShape(error).code,
          }),
      },
    },
  };
}

export async function passOnce(
  mode: PassMode,
  key: string,
  deps: CycleDeps,
  ctx: PageContext,
  progress: ProgressTracker,
  startOps: () => SyncOp[],
  signal: AbortSignal,
): Promise<PassResult> {
  const { recorder, clock, scope } = deps;
  if (mode.kind === 'full' && mode.fresh !== null) {
    await recorder.commit([
      ...startOps(),
      { op: 'cursor', key, cursor: cursorRecord(mode, null, scope.key, clock.now()) },
      recorder.event(
        EventId.FullSyncRequired,
        `A full password sync starts: ${FULL_REASON_TEXT[mode.fresh]}.`,
        { reason: mode.fresh },
      ),
    ]);
  } else if (mode.kind === 'full') {
    await recorder.commit(startOps());
  }
  const open = (s: AbortSignal): AsyncIterable<ReplicationPage> =>
    mode.kind === 'full' ? deps.source.fullPass(mode.from, s) : deps.source.incremental(mode.from, s);
  return runPass(
    open,
    {
      page: ctx,
      progress,
      pageOps: (page, outcome) => {
        const unchanged = mode.kind === 'delta' && page.cursor === recorder.state.cursors.get(key)?.cursor;
        const cursor = unchanged
          ? []
          : [{ op: 'cursor', key, cursor: cursorRecord(mode, page.cursor, scope.key, clock.now()) } as const];
        return [...(outcome.ops.length > 0 ? startOps() : []), ...cursor];
      },
      onSourceError: (error) => {
        if (isCursorInvalid(error)) return;
        void recorder
          .note(EventId.ReplicationFailed, `Reading the directory failed: ${toShape(error).message}`, {
            code: toShape(error).code,
          })
          .catch(() => undefined);
      },
    },
    signal,
  );
}

/** A finished full pass: incremental from its last cursor; users it did not see are gone. */
export function finishFull(
  mode: Extract<PassMode, { kind: 'full' }>,
  lastCursor: string | null,
  key: string,
  deps: CycleDeps,
): SyncOp[] {
  const cursor = lastCursor ?? mode.from;
  if (cursor === null)
    throw new AppError(
      ErrorCode.Internal,
      'The directory source ended a full pass without a cursor.',
      'Report this with the log file.',
    );
  const ops: SyncOp[] = [
    {
      op: 'cursor',
      key,
      cursor: cursorRecord(mode, cursor, deps.scope.key, deps.clock.now(), 'incremental'),
    },
  ];
  for (const user of deps.recorder.state.users.values()) {
    if (user.fullPass !== mode.passId) ops.push({ op: 'forget', objectGuid: user.objectGuid });
  }
  return ops;
}

export async function retryDue(
  deps: CycleDeps,
  ctx: PageContext,
  id: number,
  startOps: () => SyncOp[],
  signal: AbortSignal,
): Promise<RunCounts> {
  const due = await readDueRetries(deps, signal);
  if (due.users.length === 0 && due.forget.length === 0) return ZERO_COUNTS;
  const outcome = await processPage(due.users, { ...ctx, kind: 'retry' }, signal);
  await deps.recorder.commit([...startOps(), ...due.forget, ...outcome.ops]);
  deps.log.debug('retried due users', { run: id, users: due.users.length });
  return outcome.counts;
}
