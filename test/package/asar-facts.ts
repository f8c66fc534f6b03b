/** What the packaged app.asar holds: its size, its entries, and whether the hash worker is unpacked. */
import { listPackage, statFile } from '@electron/asar';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const MAX_ASAR_BYTES = 25 * 1024 * 1024;

export interface AsarFacts {
  readonly bytes: number;
  readonly entries: number;
  readonly nodeModulesEntries: number;
  readonly failures: readonly string[];
}

export function inspectAsar(resourcesDir: string, workerInApp: string): AsarFacts {
  const archive = join(resourcesDir, 'app.asar');
  const bytes = statSync(archive).size;
  const entries = listPackage(archive, { isPack: false });
  const nodeModulesEntries = entries.filter((entry) => entry.split(/[\\/]/).includes('node_modules')).length;
  const failures: string[] = [];
  if (bytes > MAX_ASAR_BYTES) failures.push(`app.asar is ${bytes} bytes, over ${MAX_ASAR_BYTES}`);
  if (nodeModulesEntries > 0) failures.push(`app.asar has ${nodeModulesEntries} node_modules entries`);
  const worker = statFile(archive, workerInApp) as { unpacked?: boolean };
  if (worker.unpacked !== true)
    failures.push(`${workerInApp} is packed inside app.asar: worker threads cannot load it there`);
  if (!existsSync(join(resourcesDir, 'app.asar.unpacked', workerInApp)))
    failures.push(`${workerInApp} is missing from app.asar.unpacked`);
  return { bytes, entries: entries.length, nodeModulesEntries, failures };
}
