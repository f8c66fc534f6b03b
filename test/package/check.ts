/**
 * `npm run package:check` (part of `npm test`, after the build): packages the built app with
 * electron-builder.yml for Linux (`dir` target) against a stand-in Electron, then checks what users
 * would get — app.asar small and free of node_modules, the hash worker unpacked, the fuses flipped —
 * and boots the packaged main process under Node until the hash self-test passes. Installer tooling
 * (AppImage, deb, NSIS, DMG) is downloaded by electron-builder and so is not part of this check.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspectAsar } from './asar-facts.ts';
import { bootPackagedMain, WORKER_IN_APP, type BootRun } from './boot-check.ts';
import { bootFailures } from './boot-report.ts';
import { buildLinuxDir } from './build-dir.ts';
import { checkFuses } from './fuses.ts';
import { createStandInElectron, projectElectronVersion } from './stand-in-electron.ts';
import { summaryLines } from './summary.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const started = performance.now();

if (
  !existsSync(join(root, 'dist', 'main', 'main.mjs')) ||
  !existsSync(join(root, 'dist', 'renderer', 'index.html'))
) {
  console.error('package:check: dist/ is not built. Run `npm run build` first.');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'phs-package-check-'));
try {
  const version = projectElectronVersion();
  const electronDist = join(work, 'electron-dist');
  createStandInElectron(electronDist, version);
  const { name } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string };
  const built = buildLinuxDir(root, electronDist, join(work, 'release'), name);

  const asar = inspectAsar(built.resourcesDir, WORKER_IN_APP);
  const fuses = await checkFuses(built.executable);
  const failures = [...asar.failures, ...fuses.failures];
  let boot: BootRun | null = null;
  try {
    boot = bootPackagedMain(built.resourcesDir, work);
    failures.push(...bootFailures(boot.report, boot.unpackedWorker));
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
  }

  const millis = performance.now() - started;
  for (const line of summaryLines({
    version,
    builderMillis: built.millis,
    asar,
    fuses: fuses.summary,
    boot,
    millis,
  }))
    console.log(line);
  for (const failure of failures) console.error(`package:check FAILED: ${failure}`);
  if (failures.length > 0) process.exitCode = 1;
  else console.log('package:check passed');
} finally {
  rmSync(work, { recursive: true, force: true });
}
