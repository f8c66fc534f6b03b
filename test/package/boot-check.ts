/**
 * Boots the packaged main process under Node. Electron reads files inside app.asar as if it were a
 * folder; here the archive is extracted into a folder named app.asar beside the real
 * app.asar.unpacked, so every path the runtime computes is the one it computes in the app. The
 * worker's copy inside the extracted archive is deleted: like Electron's worker threads, the boot
 * can only find the unpacked one.
 */
import { extractAll } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BootReport } from './boot-report.ts';

export const WORKER_IN_APP = join('dist', 'main', 'hash-worker.mjs');

export interface BootRun {
  readonly report: BootReport;
  /** Where the worker must be loaded from in this layout. */
  readonly unpackedWorker: string;
}

export function bootPackagedMain(resourcesDir: string, workDir: string): BootRun {
  const resources = join(workDir, 'boot', 'resources');
  const appDir = join(resources, 'app.asar');
  mkdirSync(resources, { recursive: true });
  extractAll(join(resourcesDir, 'app.asar'), appDir);
  const unpacked = join(resourcesDir, 'app.asar.unpacked');
  if (existsSync(unpacked)) cpSync(unpacked, join(resources, 'app.asar.unpacked'), { recursive: true });
  rmSync(join(appDir, WORKER_IN_APP), { force: true });

  const resultFile = join(workDir, 'boot-report.json');
  const userData = join(workDir, 'user-data');
  const boot = fileURLToPath(new URL('./boot.ts', import.meta.url));
  const child = spawnSync(process.execPath, [boot, appDir, userData, resultFile], {
    cwd: workDir,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (child.status !== 0) {
    throw new Error(
      `The packaged main process did not boot under Node (exit ${child.status ?? child.signal}):\n${child.stderr}${child.stdout}`,
    );
  }
  const report = JSON.parse(readFileSync(resultFile, 'utf8')) as BootReport;
  return { report, unpackedWorker: join(resources, 'app.asar.unpacked', WORKER_IN_APP) };
}
