/**
 * Small /proc readers (Linux only) and a bounded wait. Samba rewrites its command line
 * ("samba: root process") and wipes its environment, so the lab recognises its own processes
 * by their executable and their working directory, which we set to the lab's dc folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const SAMBA_EXECUTABLES = new Set(['samba', 'smbd', 'nmbd', 'winbindd']);

export interface ProcInfo {
  readonly pid: number;
  /** Basename of /proc/<pid>/exe, or null when unreadable. */
  readonly exe: string | null;
  readonly cwd: string | null;
  readonly cmdline: string;
}

function readLinkOrNull(file: string): string | null {
  try {
    return fs.readlinkSync(file);
  } catch {
    return null;
  }
}

export function procInfo(pid: number): ProcInfo | null {
  let raw: string;
  try {
    raw = fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1');
  } catch {
    return null;
  }
  const exe = readLinkOrNull(`/proc/${pid}/exe`);
  return {
    pid,
    exe: exe === null ? null : path.basename(exe.replace(/ \(deleted\)$/, '')),
    cwd: readLinkOrNull(`/proc/${pid}/cwd`),
    cmdline: raw.split('\0').join(' ').trim(),
  };
}

/** True when the process exists and is not a zombie waiting to be reaped. */
export function isAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

export function allPids(): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/** True when `cwd` (as /proc shows it: symlinks resolved) is the folder `dir`. */
export function isSameDir(cwd: string | null, dir: string): boolean {
  if (cwd === null) return false;
  try {
    return cwd === fs.realpathSync(dir);
  } catch {
    return cwd === dir;
  }
}

/** Every live Samba process (samba, smbd, winbindd…) whose working directory is `dcDir`. */
export function sambaProcessesIn(dcDir: string): ProcInfo[] {
  const found: ProcInfo[] = [];
  for (const pid of allPids()) {
    const info = procInfo(pid);
    const isSamba = info?.exe != null && SAMBA_EXECUTABLES.has(info.exe);
    if (isSamba && isSameDir(info.cwd, dcDir) && isAlive(pid)) found.push(info);
  }
  return found;
}

export function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone: that is what we wanted.
  }
}

/** Polls `check` until it returns true or `timeoutMs` passes; bounded in time and in rounds. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  intervalMs = 250,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const maxRounds = Math.ceil(timeoutMs / intervalMs) + 1;
  for (let round = 0; round < maxRounds; round++) {
    if (await check()) return true;
    if (Date.now() >= deadline) break;
    await sleep(intervalMs);
  }
  return check();
}
