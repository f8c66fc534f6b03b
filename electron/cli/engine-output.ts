/** How the engine's CLI commands print: one line per run, a readable status, progress lines. */
import type { RunRecord } from '../engine/records.ts';
import { summary } from '../engine/cycle.ts';
import type { Progress } from '../engine/events.ts';
import type { EngineStatus } from '../engine/status.ts';

export function formatRun(run: RunRecord): string {
  if (run.outcome === 'completed') return summary(run);
  if (run.outcome === 'cancelled') return `Sync cycle ${run.id} was cancelled.`;
  if (run.outcome === 'running') return `Sync cycle ${run.id} is running.`;
  return `Sync cycle ${run.id} failed: ${run.error?.message ?? 'unknown error'} ${run.error?.remediation ?? ''}`.trim();
}

export function formatProgress(p: Progress): string {
  const eta = p.etaSeconds === null ? '' : `, about ${p.etaSeconds} s left`;
  return `${p.kind} sync: ${p.done}/${p.total} (${p.ratePerSecond}/s${eta})`;
}

export function formatStatus(s: EngineStatus): string {
  const u = s.users;
  const lines = [
    `Password hash sync: ${s.enabled ? 'enabled' : 'not enabled'}${s.stagingMode ? ' (staging mode: nothing is delivered)' : ''}`,
    `Engine: ${s.state}; ${s.phase === 'none' ? 'nothing synchronised yet' : s.phase === 'full' ? 'a full sync is unfinished' : 'incremental (delta cycles)'}, every ${s.pollSeconds} s`,
    `Users: ${u.delivered} delivered, ${u.failed} failed (${u.retryScheduled} to retry), ${u.staged} staged, ${u.noPassword} without password, ${u.filtered} filtered, ${u.outOfScope} out of scope`,
    `Up to date: ${s.upToDate ? 'yes' : 'no'}`,
  ];
  if (s.lastRun)
    lines.push(`Last cycle: ${formatRun(s.lastRun)} (${s.lastRun.endedAt ?? s.lastRun.startedAt})`);
  if (s.lastCompletedRun && s.lastCompletedRun !== s.lastRun)
    lines.push(`Last completed: ${formatRun(s.lastCompletedRun)}`);
  if (s.recentEvents.length > 0) {
    lines.push('Recent events:');
    for (const e of s.recentEvents.slice(-10))
      lines.push(`  ${e.at} ${String(e.id).padStart(3)} ${e.level.padEnd(7)} ${e.message}`);
  }
  return lines.join('\n');
}
