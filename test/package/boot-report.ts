/** What test/package/boot.ts saw while the packaged main process booted, and what it must be. */
import { invokeChannels } from '../../shared/contract.ts';

export interface BootReport {
  readonly channels: readonly string[];
  /** The `phs:selfTest` envelope from the window's trusted main frame. */
  readonly selfTest: unknown;
  /** The same call from an unknown sender. */
  readonly untrusted: unknown;
  readonly rendererFile: string;
  readonly rendererExists: boolean;
  readonly preload: string;
  readonly preloadExists: boolean;
  /** The application menu's template. */
  readonly menu: readonly unknown[] | null;
  readonly workerFiles: readonly string[];
  /** Whether the packaged window may open developer tools (it must not). */
  readonly devTools: boolean;
  /** app.quit(): whether main held it, and the hash workers alive before it and once it went through. */
  readonly quit: { readonly held: boolean; readonly workersBefore: number; readonly workersAfter: number };
}

interface SelfTestValue {
  readonly passed?: unknown;
}

function roles(items: readonly unknown[]): string[] {
  return items.flatMap((item) => {
    const { role, submenu } = (item ?? {}) as { role?: unknown; submenu?: unknown };
    return [...(typeof role === 'string' ? [role] : []), ...(Array.isArray(submenu) ? roles(submenu) : [])];
  });
}

/** Everything wrong with a boot; empty when it booted as a packaged app must. */
export function bootFailures(report: BootReport, unpackedWorker: string): string[] {
  const failures: string[] = [];
  const missing = invokeChannels.filter((channel) => !report.channels.includes(channel));
  if (missing.length > 0) failures.push(`IPC handlers missing for ${missing.join(', ')}`);
  const envelope = report.selfTest as { ok?: unknown; value?: SelfTestValue };
  if (envelope.ok !== true || envelope.value?.passed !== true)
    failures.push(`phs:selfTest did not pass: ${JSON.stringify(report.selfTest)}`);
  if ((report.untrusted as { ok?: unknown }).ok !== false)
    failures.push('phs:selfTest answered an untrusted sender');
  if (!report.rendererExists)
    failures.push(`the window loads ${report.rendererFile}, which is not in the package`);
  if (!report.preloadExists) failures.push(`the window's preload ${report.preload} is not in the package`);
  if (report.menu === null) failures.push('no application menu was set');
  else if (roles(report.menu).some((role) => ['toggleDevTools', 'reload', 'forceReload'].includes(role)))
    failures.push('the packaged menu has developer tools or reload');
  if (report.workerFiles.length === 0) failures.push('no hash worker was started');
  if (report.devTools) failures.push('the packaged window allows developer tools (webPreferences.devTools)');
  if (!report.quit.held)
    failures.push('app.quit() went through at once: main did not wait for the engine and the workers');
  if (report.quit.workersBefore === 0)
    failures.push('no hash worker was running before quit, so the quit check proves nothing');
  if (report.quit.workersAfter !== 0)
    failures.push(`${report.quit.workersAfter} hash worker(s) still ran when the app quit`);
  const elsewhere = report.workerFiles.filter((file) => file !== unpackedWorker);
  if (elsewhere.length > 0)
    failures.push(`hash workers started from ${elsewhere.join(', ')} instead of ${unpackedWorker}`);
  return failures;
}
