/**
 * The Electron main process: a short, ordered bootstrap. Everything it wires is Electron-free
 * (services/, phs/, log/, directory/, tenant/) except the thin adapters in ipc.ts and platform/.
 */
import { app, clipboard, ipcMain, session, shell, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLogger } from '../shared/logger.ts';
import { rotatingFileSink } from './log/rotating-file.ts';
import { HashPool } from './phs/pool.ts';
import { CryptoSelfTest } from './self-test/crypto-self-test.ts';
import { createDispatcher } from './services/dispatcher.ts';
import { createHandlers, poolStatusOf } from './services/app-handlers.ts';
import { PushQueue } from './services/push-queue.ts';
import { createWizardServices } from './services/wizard-services.ts';
import { wireEngine } from './services/engine-wiring.ts';
import { pushSenderFor, registerIpc, type TrustedRenderer } from './ipc.ts';
import { chooseCaFile, chooseEventsExportFile } from './platform/dialogs.ts';
import { createSafeStorageBox } from './platform/safe-storage-box.ts';
import { createMainWindow, hardenSession, onNewDocument } from './platform/window.ts';
import { loadWindowState, trackWindowState } from './platform/window-state.ts';
import { installAppMenu } from './platform/menu.ts';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | null = null;
  const rendererIndex = join(app.getAppPath(), 'dist', 'renderer', 'index.html');
  const rendererUrl = pathToFileURL(rendererIndex).href;
  const isAppUrl = (url: string): boolean => url.split('#')[0] === rendererUrl;
  const trusted: TrustedRenderer = { webContents: () => window?.webContents ?? null, isAppUrl };

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(() => {
    const userData = app.getPath('userData');
    const log = createLogger({ process: 'main', sinks: [rotatingFileSink({ file: join(userData, 'logs', 'main.log') })] });
    log.info('starting', { version: app.getVersion(), platform: process.platform });
    hardenSession(session.defaultSession);
    installAppMenu(app);

    const pushes = new PushQueue(log.child('push'));
    // Workers start on first use and stop after a minute idle; the dashboard follows them.
    const pool: HashPool = new HashPool({ onWorkersChanged: () => pushes.push('phs:poolStatus', poolStatusOf(pool)) });
    // One self-test per process, run on first ask (the Welcome page, or the engine's first cycle).
    const selfTest = new CryptoSelfTest({ workers: pool });
    const sendPush = pushSenderFor(trusted);
    // The wizard: settings, sealed secrets and token cache under userData; sign-in in the system browser.
    const wizard = createWizardServices({
      userDataDir: userData,
      secretBox: createSafeStorageBox(),
      pushes,
      log,
      openBrowser: (url) => shell.openExternal(url),
      chooseCaFile: (purpose) => chooseCaFile(window, purpose),
      writeClipboard: async (text) => clipboard.writeText(text),
    });
    // The sync engine from the wizard's saved configuration (state under userData): Configure runs
    // its first full sync; on later starts it resumes when password hash sync is on.
    const engine = wireEngine({
      userDataDir: userData,
      wizard,
      hasher: pool,
      selfTest,
      pushes,
      log,
      chooseExportFile: () => chooseEventsExportFile(window),
    });
    void engine.service.resume();
    const handlers = {
      ...createHandlers({
        name: app.getName(),
        version: app.getVersion(),
        platform: process.platform,
        pool,
        selfTest,
        pushes,
        sendPush,
        openExternal: (url) => shell.openExternal(url),
      }),
      ...wizard.handlers,
      ...engine.handlers,
    };
    registerIpc(ipcMain, createDispatcher(handlers, log.child('ipc')), trusted, log.child('ipc'));

    const stateFile = join(userData, 'window-state.json');
    window = createMainWindow({ preload: join(import.meta.dirname, 'preload.cjs'), state: loadWindowState(stateFile), isAppUrl, log });
    trackWindowState(window, stateFile);
    // A reload or a crashed renderer must say "ready" again before it gets pushes.
    onNewDocument(window.webContents, () => pushes.notReady());
    window.on('closed', () => (window = null));
    void window.loadFile(rendererIndex);

    app.on('window-all-closed', () => app.quit());
    app.on('before-quit', () => {
      void engine.service.close().finally(() => void pool.close());
      void wizard.close();
    });
  });
}
