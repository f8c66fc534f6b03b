/**
 * Boots a packaged main process under Node with the Electron stub, as Electron would:
 *   node test/package/boot.ts <…/resources/app.asar folder> <userData folder> <result.json>
 * `electron` resolves to test/package/electron-stub.ts; app ready → IPC handlers → `phs:selfTest`
 * through the registered ipcMain handler, as the window would call it. Writes what it saw as JSON.
 */
import { registerHooks, syncBuiltinESMExports } from 'node:module';
import workerThreads from 'node:worker_threads';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BootReport } from './boot-report.ts';
import type * as ElectronStub from './electron-stub.ts';

const [appPath, userData, resultFile] = process.argv.slice(2);
if (!appPath || !userData || !resultFile)
  throw new Error('usage: boot.ts <app.asar folder> <userData> <result.json>');

const stubUrl = new URL('./electron-stub.ts', import.meta.url).href;
registerHooks({
  resolve: (specifier, context, next) =>
    specifier === 'electron' ? { url: stubUrl, shortCircuit: true } : next(specifier, context),
});

// Every script a worker thread is started from, to show where the hash worker was found.
const workerFiles: string[] = [];
let workersAlive = 0;
const OriginalWorker = workerThreads.Worker;
class RecordingWorker extends OriginalWorker {
  constructor(file: string | URL, options?: workerThreads.WorkerOptions) {
    workerFiles.push(file instanceof URL ? fileURLToPath(file) : file);
    super(file, options);
    workersAlive++;
    this.once('exit', () => workersAlive--);
  }
}
Object.defineProperty(workerThreads, 'Worker', { value: RecordingWorker });
syncBuiltinESMExports();

const stub = (await import(stubUrl)) as typeof ElectronStub;
const { version } = JSON.parse(readFileSync(join(appPath, 'package.json'), 'utf8')) as { version: string };
stub.app.configure({ appPath, userData, version });

await import(pathToFileURL(join(appPath, 'dist', 'main', 'main.mjs')).href);
stub.app.ready();

async function until(condition: () => boolean, what: string): Promise<void> {
  for (const started = Date.now(); !condition(); await new Promise((r) => setTimeout(r, 10))) {
    if (Date.now() - started > 15_000) throw new Error(`The packaged main process never ${what}`);
  }
}
await until(
  () => stub.ipcMain.handlers.has('phs:selfTest') && stub.BrowserWindow.created.length > 0,
  'registered its IPC handlers and window',
);

const window = stub.BrowserWindow.created[0] as InstanceType<typeof stub.BrowserWindow>;
const rendererFile = window.loadedFile ?? '';
const trusted = {
  sender: window.webContents,
  senderFrame: { parent: null, url: pathToFileURL(rendererFile).href },
};
const selfTest = stub.ipcMain.handlers.get('phs:selfTest')!;
const webPreferences = (window.options['webPreferences'] ?? {}) as { preload?: unknown; devTools?: unknown };
const preload = String(webPreferences.preload ?? '');

const channels = [...stub.ipcMain.handlers.keys()];
const selfTestReply = await selfTest(trusted, {});
const untrusted = await selfTest({ sender: {}, senderFrame: null }, {});
const workersBeforeQuit = workersAlive;
// Quit as the menu or the OS would: main must hold it until the engine and the workers are down.
stub.app.quit();
const quitHeld = !stub.app.quitRequested;
await until(() => stub.app.quitRequested, 'quit after closing the engine and the hash workers');

const report: BootReport = {
  channels,
  selfTest: selfTestReply,
  untrusted,
  rendererFile,
  rendererExists: existsSync(rendererFile),
  preload,
  preloadExists: existsSync(preload),
  menu: stub.Menu.application?.template ?? null,
  workerFiles,
  devTools: webPreferences.devTools === true,
  quit: { held: quitHeld, workersBefore: workersBeforeQuit, workersAfter: workersAlive },
};
writeFileSync(resultFile, JSON.stringify(report));
setTimeout(() => process.exit(0), 500).unref();
