/**
 * electron-builder's Linux `dir` target with electron-builder.yml, against a stand-in Electron
 * distribution, into a temporary folder. Nothing may be downloaded: the binary download is
 * skipped, every HTTP(S) proxy points at a closed port, and a log line saying "downloading" fails.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NO_NETWORK = 'http://127.0.0.1:9';

export interface DirBuild {
  readonly resourcesDir: string;
  readonly executable: string;
  readonly millis: number;
}

export function buildLinuxDir(
  root: string,
  electronDist: string,
  outDir: string,
  executableName: string,
): DirBuild {
  const started = performance.now();
  const cli = fileURLToPath(import.meta.resolve('electron-builder/cli.js'));
  const args = [
    cli,
    '--config',
    'electron-builder.yml',
    '--linux',
    'dir',
    '--publish',
    'never',
    `-c.electronDist=${electronDist}`,
    `-c.directories.output=${outDir}`,
  ];
  const env = {
    ...process.env,
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    ELECTRON_GET_USE_PROXY: '1',
    HTTP_PROXY: NO_NETWORK,
    HTTPS_PROXY: NO_NETWORK,
    http_proxy: NO_NETWORK,
    https_proxy: NO_NETWORK,
    NO_PROXY: '',
    no_proxy: '',
  };
  const run = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8', timeout: 110_000 });
  const log = `${run.stdout}${run.stderr}`;
  if (run.status !== 0)
    throw new Error(`electron-builder failed (exit ${run.status ?? run.signal}):\n${log}`);
  if (/\bdownloading\b/i.test(log)) throw new Error(`electron-builder tried to download something:\n${log}`);
  const appOutDir = join(outDir, 'linux-unpacked');
  return {
    resourcesDir: join(appOutDir, 'resources'),
    executable: join(appOutDir, executableName),
    millis: performance.now() - started,
  };
}
