/**
 * Coordination between several users of one lab folder (a developer's shell, and test runs
 * that may overlap): a lock file around up/down, and "leases" that test runs hold while they
 * use the DC, so one run's teardown never stops the DC under another run's feet.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import type { LabPaths } from './config.ts';
import { isAlive, waitFor } from './procs.ts';

const LOCK_TIMEOUT_MS = 10 * 60_000;

function readPid(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function tryLock(lockFile: string): boolean {
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = readPid(lockFile);
  if (holder === null || !isAlive(holder)) fs.rmSync(lockFile, { force: true }); // stale: its owner died
  return false;
}

/** Runs `work` holding the lab's lock; waits (bounded) while another lab command holds it. */
export async function withLabLock<T>(paths: LabPaths, work: () => Promise<T>): Promise<T> {
  fs.mkdirSync(paths.labDir, { recursive: true });
  const locked = await waitFor(() => tryLock(paths.lockFile), LOCK_TIMEOUT_MS, 200);
  if (!locked) {
    throw new AppError(
      ErrorCode.LabFailed,
      `Another lab command (pid ${String(readPid(paths.lockFile))}) has held ${paths.lockFile} for ${LOCK_TIMEOUT_MS / 60_000} minutes.`,
      'Wait for it to finish, or stop it; if that process is gone, delete the lock file.',
    );
  }
  try {
    return await work();
  } finally {
    if (readPid(paths.lockFile) === process.pid) fs.rmSync(paths.lockFile, { force: true });
  }
}

/** Who started the running DC: a developer (`cli`, keep it running) or a test run (`test`). */
export type LabOwner = 'cli' | 'test';

export function readOwner(paths: LabPaths): LabOwner {
  try {
    return fs.readFileSync(paths.ownerFile, 'utf8').trim() === 'test' ? 'test' : 'cli';
  } catch {
    return 'cli';
  }
}

export function writeOwner(paths: LabPaths, owner: LabOwner): void {
  fs.writeFileSync(paths.ownerFile, `${owner}\n`);
}

export function addLease(paths: LabPaths, pid: number): void {
  fs.mkdirSync(paths.leasesDir, { recursive: true });
  fs.writeFileSync(path.join(paths.leasesDir, String(pid)), '');
}

export function removeLease(paths: LabPaths, pid: number): void {
  fs.rmSync(path.join(paths.leasesDir, String(pid)), { force: true });
}

/** Pids of live processes holding a lease; leases of dead processes are swept away. */
export function liveLeases(paths: LabPaths): number[] {
  let names: string[];
  try {
    names = fs.readdirSync(paths.leasesDir);
  } catch {
    return [];
  }
  const live: number[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (Number.isSafeInteger(pid) && isAlive(pid)) live.push(pid);
    else fs.rmSync(path.join(paths.leasesDir, name), { force: true });
  }
  return live;
}
