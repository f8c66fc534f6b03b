/**
 * The two engine processes of bench:scale and what they print along the way: the sync child
 * (full sync, delta, close) with its RSS curve, then the reopen child (the state opened again, the
 * engine's first status), as after a restart.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { runChild, type ChildOptions, type ChildRun } from './child-run.ts';
import { kbToMb, type RssSampler } from './proc.ts';
import { describeMem, describeSpaces, type ChildMessage, type ChildTask } from './protocol.ts';

export interface ScaleRun {
  readonly delivered: number;
  readonly fullSeconds: number;
  /** The highest VmHWM of both engine processes, in MB. */
  readonly peakMb: number;
  readonly stateMb: number;
  readonly reopenSeconds: number;
}

const fmt = (n: number, digits = 1): string => n.toFixed(digits);
const int = (n: number): string => Math.round(n).toLocaleString('en');
const mb = (bytes: number): string => fmt(bytes / 1024 / 1024, 0);
const PRINT_EVERY_MS = 10_000;

function rssNow(s: RssSampler): string {
  const last = s.last;
  return last === null
    ? 'rss ?'
    : `RSS ${fmt(kbToMb(last.rssKb), 0)} MB (peak ${fmt(kbToMb(last.hwmKb), 0)} MB, ${last.threads} threads)`;
}

export async function runSyncChildren(
  base: Omit<ChildTask, 'mode'>,
  o: ChildOptions,
): Promise<ScaleRun | null> {
  let delivered = 0;
  let fullSeconds = 0;
  let stateBytes = 0;
  let printed = 0;
  let ok = true;
  const started = performance.now();
  const elapsed = (): string => `${fmt((performance.now() - started) / 1000, 0).padStart(5)} s`;
  console.log(
    `engine process (${o.bundle === null ? 'TypeScript sources' : 'esbuild bundle, as shipped'}, node ${o.nodeArgs.join(' ') || 'with default flags'}): full sync, then a delta of 1%`,
  );
  const onSync = (m: ChildMessage, s: RssSampler): void => {
    if (m.type === 'ready') console.log(`${elapsed()}  ready: ${describeMem(m.mem)}`);
    else if (m.type === 'progress' && performance.now() - printed >= PRINT_EVERY_MS) {
      printed = performance.now();
      console.log(
        `${elapsed()}  ${m.phase} ${int(m.done)}/${int(m.total)}: ${rssNow(s)}; heap ${mb(m.mem.heapUsed)}/${mb(m.mem.heapTotal)} MB, external ${mb(m.mem.external)} MB, ${m.mem.workers} workers`,
      );
    } else if (m.type === 'full') {
      delivered = m.run.delivered;
      fullSeconds = m.run.seconds;
      ok &&= m.run.outcome === 'completed';
      console.log(
        `${elapsed()}  full sync ${m.run.outcome}: ${int(m.run.delivered)} delivered, ${int(m.run.failed)} failed in ${fmt(m.run.seconds, 1)} s ` +
          `(${int(m.run.delivered / m.run.seconds)} users/s)${m.run.error ? `; ${m.run.error}` : ''}; ${rssNow(s)}`,
      );
      console.log(
        `         at its end: ${describeMem(m.mem)}; state ${fmt(m.stateBytes / 1024 / 1024, 1)} MB`,
      );
      console.log(`         ${describeSpaces(m.mem)}`);
    } else if (m.type === 'heapSnapshot') {
      console.log(`${elapsed()}  heap snapshot (${m.at}) ${m.file}: ${describeMem(m.mem)}`);
    } else if (m.type === 'delta') {
      ok &&= m.run.outcome === 'completed' && m.run.delivered === m.changed;
      console.log(
        `${elapsed()}  delta ${m.run.outcome}: ${int(m.changed)} passwords changed, ${int(m.run.delivered)} delivered in ${fmt(m.run.seconds, 2)} s${m.run.error ? `; ${m.run.error}` : ''}; ${rssNow(s)}`,
      );
    } else if (m.type === 'closed') {
      console.log(`${elapsed()}  before close: ${describeMem(m.mem)}`);
      console.log(`         hash pool closed: ${describeMem(m.poolClosedMem)}`);
    }
  };
  const sync = await runChild({ ...base, mode: 'sync' }, o, onSync);
  if (!report('sync', sync) || !ok) return null;
  console.log(
    `engine process peak: VmHWM ${fmt(kbToMb(sync.hwmKb), 0)} MB (highest VmRSS sampled ${fmt(kbToMb(sync.peakRssKb), 0)} MB, ${sync.samples} samples)`,
  );
  stateBytes = await stateSize(base.stateDir);

  let reopenSeconds = Number.NaN;
  const onReopen = (m: ChildMessage): void => {
    if (m.type !== 'reopen') return;
    reopenSeconds = m.openSeconds + m.statusSeconds;
    console.log(
      `reopen (a fresh process): openSyncStore ${fmt(m.openSeconds, 2)} s + engine and first status ${fmt(m.statusSeconds, 2)} s: ` +
        `${int(m.users)} users (${int(m.delivered)} delivered), phase ${m.phase}; ${describeMem(m.mem)}`,
    );
    console.log(`         ${describeSpaces(m.mem)}`);
  };
  const again = await runChild({ ...base, mode: 'reopen' }, o, onReopen);
  if (!report('reopen', again) || Number.isNaN(reopenSeconds)) return null;
  console.log(`reopen process peak: VmHWM ${fmt(kbToMb(again.hwmKb), 0)} MB`);
  return {
    delivered,
    fullSeconds,
    peakMb: kbToMb(Math.max(sync.hwmKb, again.hwmKb)),
    stateMb: stateBytes / 1024 / 1024,
    reopenSeconds,
  };
}

function report(name: string, run: ChildRun): boolean {
  if (run.code === 0 && run.failure === null) return true;
  console.error(
    `bench:scale: the ${name} process (pid ${run.pid}) failed: exit ${run.code ?? run.signal}${run.failure ? `\n${run.failure}` : ''}`,
  );
  return false;
}

async function stateSize(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(join(dir, name))).size;
  return total;
}
