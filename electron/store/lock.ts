/**
 * One writer per state folder: a lock file holding the owner's pid, created exclusively.
 * A lock left by a process that no longer runs (killed, crashed) is taken over.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { stateUnavailable } from './files.ts';

export interface StateLock {
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

async function tryCreate(file: string): Promise<boolean> {
  try {
    await writeFile(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'EEXIST') return false;
    throw stateUnavailable('create', file, error);
  }
}

export async function acquireLock(file: string): Promise<StateLock> {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await tryCreate(file)) {
      return { release: () => rm(file, { force: true }) };
    }
    const owner = Number((await readFile(file, 'utf8').catch(() => '')).trim());
    if (alive(owner)) {
      throw new AppError(
        ErrorCode.EngineBusy,
        `Another sync engine (process ${owner}) is using this state folder.`,
        'Stop the other engine (the app or "phs run") first, or point this one at a different stateDir.',
      );
    }
    await rm(file, { force: true });
  }
  throw new AppError(
    ErrorCode.EngineBusy,
    'Could not lock the state folder: another process keeps taking it.',
    'Make sure only one engine uses this state folder.',
  );
}
