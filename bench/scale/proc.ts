/**
 * The engine process's memory as the OS sees it, from /proc/<pid>/status: VmRSS (resident now,
 * worker threads included: they share the process) and VmHWM (the kernel's own peak of VmRSS),
 * sampled on a timer so the bench can print the curve and the peak.
 */
import { readFileSync } from 'node:fs';

export interface ProcSample {
  readonly rssKb: number;
  readonly hwmKb: number;
  readonly threads: number;
}

export function readProc(pid: number): ProcSample | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string): number =>
      Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rssKb: field('VmRSS'), hwmKb: field('VmHWM'), threads: field('Threads') };
  } catch {
    return null; // it exited between two samples
  }
}

export class RssSampler {
  /** The largest VmRSS sampled and the last VmHWM read (the kernel's peak, between samples too). */
  peakRssKb = 0;
  hwmKb = 0;
  last: ProcSample | null = null;
  samples = 0;
  readonly #timer: NodeJS.Timeout;

  constructor(pid: number, everyMs = 100) {
    this.#timer = setInterval(() => this.sample(pid), everyMs);
    this.sample(pid);
  }

  sample(pid: number): void {
    const s = readProc(pid);
    if (s === null) return;
    this.samples++;
    this.last = s;
    this.peakRssKb = Math.max(this.peakRssKb, s.rssKb);
    this.hwmKb = Math.max(this.hwmKb, s.hwmKb);
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}

export const kbToMb = (kb: number): number => kb / 1024;
