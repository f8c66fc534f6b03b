/**
 * Runs one engine child of bench:scale (engine-child.ts) with its RSS sampled from /proc every
 * 100 ms, bounded by a timeout (then SIGKILLed by pid), and its messages handed to `onMessage`.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ChildTask } from './protocol.ts';
import { RssSampler } from './proc.ts';

/** The engine child from its TypeScript source (Node's type stripping), unless a bundle is given. */
const SOURCE = fileURLToPath(new URL('./engine-child.ts', import.meta.url));

export interface ChildRun {
  readonly pid: number;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Highest VmRSS sampled, and the kernel's VmHWM (peak between samples too), in kB. */
  readonly peakRssKb: number;
  readonly hwmKb: number;
  readonly samples: number;
  readonly failure: string | null;
}

const live = new Set<number>();

export interface ChildOptions {
  readonly nodeArgs: readonly string[];
  readonly timeoutMs: number;
  /** engine-child.mjs built by bundle.ts; null: the TypeScript source. */
  readonly bundle: string | null;
}

export function runChild(
  task: ChildTask,
  o: ChildOptions,
  onMessage: (message: ChildMessage, sampler: RssSampler) => void,
): Promise<ChildRun> {
  const { nodeArgs, timeoutMs } = o;
  const child = fork(o.bundle ?? SOURCE, [JSON.stringify(task)], {
    execArgv: [...nodeArgs],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pid = child.pid;
  if (pid === undefined) return Promise.reject(new Error('bench:scale: could not start the engine child'));
  live.add(pid);
  const sampler = new RssSampler(pid, 100);
  let failure: string | null = null;
  const timer = setTimeout(() => {
    failure = `timed out after ${Math.round(timeoutMs / 1000)} s`;
    process.kill(pid, 'SIGKILL');
  }, timeoutMs);
  child.on('message', (raw) => {
    const message = raw as ChildMessage;
    sampler.sample(pid);
    if (message.type === 'failed') failure = message.message;
    onMessage(message, sampler);
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      sampler.stop();
      live.delete(pid);
      resolve({
        pid,
        code,
        signal,
        peakRssKb: sampler.peakRssKb,
        hwmKb: sampler.hwmKb,
        samples: sampler.samples,
        failure,
      });
    });
  });
}

/** SIGKILLs any engine child still running (by pid). */
export function killChildren(): void {
  for (const pid of live) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  live.clear();
}
