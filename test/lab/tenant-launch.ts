/**
 * `npm run lab -- tenant [options]`: runs the tenant emulator (test/lab/tenant/main.ts) in the
 * foreground, with its certificates and info JSON under the lab folder (.lab/tenant/) unless
 * told otherwise. Signals are passed on so Ctrl-C stops it cleanly.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { labPaths } from './config.ts';

export function runTenantEmulator(args: readonly string[]): Promise<number> {
  const main = fileURLToPath(new URL('./tenant/main.ts', import.meta.url));
  const wantsHelp = args.includes('--help') || args.includes('-h');
  const defaults = wantsHelp || args.includes('--dir') ? [] : ['--dir', join(labPaths().labDir, 'tenant')];
  const child = spawn(process.execPath, [main, ...defaults, ...args], { stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals): void => void child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 0 : 1));
    });
  });
}
