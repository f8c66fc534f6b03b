/** How a cycle ends when it does not complete: recorded as failed (always) or cancelled, and announced. */
import { isCancelled, toShape } from '../../shared/errors.ts';
import type { RunRecord, SyncOp } from './records.ts';
import type { CycleDeps, CycleResult } from './cycle.ts';
import { EventId } from './event-ids.ts';

export async function fail(
  run: RunRecord,
  error: unknown,
  deps: CycleDeps,
  signal: AbortSignal,
  recorded: boolean,
  startOps: () => SyncOp[],
): Promise<CycleResult> {
  const cancelled = signal.aborted || isCancelled(error);
  const shape = toShape(error);
  const ended: RunRecord = {
    ...run,
    outcome: cancelled ? 'cancelled' : 'failed',
    endedAt: new Date(deps.clock.now()).toISOString(),
    error: cancelled ? null : shape,
  };
  const { recorder } = deps;
  // A cancelled cycle that recorded nothing leaves no trace; a failure is always recorded.
  if (!cancelled || recorded) {
    const end = cancelled
      ? recorder.event(EventId.CycleCancelled, `Sync cycle ${run.id} was cancelled.`, { run: run.id })
      : recorder.event(EventId.CycleFailed, `Sync cycle ${run.id} failed: ${shape.message}`, {
          run: run.id,
          code: shape.code,
        });
    try {
      await recorder.commit([...startOps(), { op: 'run', run: ended }, end]);
    } catch (storeError) {
      deps.log.error('could not record the end of a cycle', { error: storeError });
    }
  }
  recorder.hub.emit({ type: 'cycleCompleted', run: ended });
  return { run: ended, error };
}

export function summary(run: RunRecord): string {
  const c = run.counts;
  const parts = [
    `${c.delivered} delivered`,
    `${c.failed} failed`,
    `${c.noPassword} without password`,
    `${c.filtered} filtered`,
    `${c.outOfScope} out of scope`,
  ];
  if (run.staging) parts.unshift(`${c.staged} would have been sent (staging)`);
  return `${run.kind === 'full' ? 'Full' : 'Delta'} sync cycle ${run.id} completed: ${parts.join(', ')}.`;
}
