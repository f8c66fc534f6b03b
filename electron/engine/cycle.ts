/**
 * One sync cycle: check the tenant, pick the pass (cursor-plan.ts), retry the users that are
 * due, run the pass (pass.ts), finish a full pass (move to incremental, forget users it did not
 * see) and record the run. Returns the run record; failures are recorded, not thrown, except
 * "not enabled". Full cycles are always recorded; delta cycles only when they had work or failed.
 */
import { AppError, ErrorCode } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import { ZERO_COUNTS, type RunCounts, type RunRecord, type SyncOp } from './records.ts';
import { cursorKey, freshFull, planPass } from './cursor-plan.ts';
import { fail, summary } from './cycle-end.ts';
import { finishFull, isCursorInvalid, pageContext, passOnce, retryDue } from './cycle-steps.ts';
import { EventId } from './event-ids.ts';
import { addCounts, type PassResult } from './pass.ts';
import type { Clock, CredentialSink, Hasher, ReplicationSource } from './ports.ts';
import { ProgressTracker } from './progress.ts';
import type { Recorder } from './recorder.ts';
import type { Scope } from './scope.ts';
import type { EngineSettings } from './settings.ts';
import type { TenantSettingsCache } from './tenant-cache.ts';
import { checkTenant } from './tenant-check.ts';

export { summary };

export interface CycleDeps {
  readonly source: ReplicationSource;
  readonly sink: CredentialSink;
  readonly hasher: Hasher;
  readonly tenant: TenantSettingsCache;
  readonly recorder: Recorder;
  readonly clock: Clock;
  readonly settings: EngineSettings;
  readonly scope: Scope;
  readonly log: Logger;
}

export interface CycleResult {
  readonly run: RunRecord;
  /** The error that failed the cycle (to decide whether retrying soon can help). */
  readonly error?: unknown;
}

export function notEnabled(): AppError {
  return new AppError(
    ErrorCode.EngineNotConfigured,
    'Password hash sync is not enabled here.',
    'Enable it first (the Enable button, or "phs enable").',
  );
}

export async function runCycle(
  requested: 'full' | 'delta',
  deps: CycleDeps,
  signal: AbortSignal,
): Promise<CycleResult> {
  const { recorder, clock, settings } = deps;
  if (!recorder.state.settings.enabled) throw notEnabled();
  const staging = settings.stagingMode;
  const id = (recorder.state.runs.at(-1)?.id ?? 0) + 1;
  let run: RunRecord = {
    id,
    kind: requested,
    staging,
    startedAt: new Date(clock.now()).toISOString(),
    endedAt: null,
    outcome: 'running',
    counts: ZERO_COUNTS,
    error: null,
  };
  let recorded = false;
  const startOps = (): SyncOp[] => {
    if (recorded) return [];
    recorded = true;
    deps.recorder.hub.emit({ type: 'cycleStarted', run });
    return [
      { op: 'run', run },
      recorder.event(
        EventId.CycleStarted,
        `${run.kind === 'full' ? 'Full' : 'Delta'} sync cycle ${id} started${staging ? ' (staging mode)' : ''}.`,
        { run: id, kind: run.kind, staging },
      ),
    ];
  };
  let counts: RunCounts = ZERO_COUNTS;
  try {
    const features = await checkTenant(deps, signal);
    const key = cursorKey(deps.source.id, staging);
    let mode = planPass(
      requested,
      recorder.state.cursors.get(key),
      deps.scope.key,
      `${id}${staging ? 's' : ''}`,
    );
    run = { ...run, kind: mode.kind };
    const ctx = pageContext(deps, mode, features.userForcePasswordChangeOnLogonEnabled);
    if (mode.kind === 'delta') {
      const retried = await retryDue(deps, ctx, id, startOps, signal);
      counts = addCounts(counts, retried);
    }
    const progress = new ProgressTracker(
      id,
      mode.kind,
      mode.kind === 'full' ? recorder.state.users.size : 0,
      clock.now,
      (p) => recorder.hub.emit({ type: 'progress', progress: p }),
    );
    let pass: PassResult;
    try {
      pass = await passOnce(mode, key, deps, ctx, progress, startOps, signal);
    } catch (error) {
      // A cursor the source cannot use (another DC, expired): start over with a fresh full pass.
      if (!isCursorInvalid(error) || (mode.kind === 'full' && mode.from === null)) throw error;
      const full = freshFull(`${id}${staging ? 's' : ''}`, 'cursorInvalid');
      mode = full;
      run = { ...run, kind: 'full' };
      await recorder.note(
        EventId.CursorReset,
        'The saved replication cursor could not be used; running a full sync.',
        { source: deps.source.id },
      );
      pass = await passOnce(
        full,
        key,
        deps,
        { ...ctx, kind: 'full', passId: full.passId },
        progress,
        startOps,
        signal,
      );
    }
    counts = addCounts(counts, pass.counts);
    progress.flush();
    const finish: SyncOp[] = [];
    if (mode.kind === 'full') finish.push(...finishFull(mode, pass.lastCursor, key, deps));
    run = { ...run, counts, outcome: 'completed', endedAt: new Date(clock.now()).toISOString() };
    if (recorded || finish.length > 0 || mode.kind === 'full') {
      await recorder.commit([
        ...startOps(),
        ...finish,
        { op: 'run', run },
        recorder.event(EventId.CycleCompleted, summary(run), { run: id, kind: run.kind, ...counts }),
      ]);
    }
    deps.recorder.hub.emit({ type: 'cycleCompleted', run });
    return { run };
  } catch (error) {
    return fail({ ...run, counts }, error, deps, signal, recorded, startOps);
  }
}
