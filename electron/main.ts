/**
 * The Electron main process: a short, ordered bootstrap. Everything Electron-free is built by the
 * composition root (host/composition-root.ts); here only the thin adapters: ipc.ts and platform/.
 */
import { app, clipboard, ipcMain, session, shell, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLogger } from '../shared/logger.ts';
import { rotatingFileSink } from './log/rotating-file.ts';
import { composeApp } from './host/composition-root.ts';
import { pushSenderFor, registerIpc, type TrustedRenderer } from './ipc.ts';
import { chooseCaFile, chooseEventsExportFile } from './platform/dialogs.ts';
import { createSafeStorageBox } from './platform/safe-storage-box.ts';
import { createMainWindow, hardenSession, onNewDocument } from './platform/window.ts';
import { loadWindowState, trackWindowState } from './platform/window-state.ts';
import { installAppMenu } from './platform/menu.ts';

/** The longest the app waits for the engine and the workers to stop when it quits. */
const QUIT_BOUND_MS = 10_000;

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
    const log = createLogger({
      process: 'main',
      sinks: [rotatingFileSink({ file: join(userData, 'logs', 'main.log') })],
    });
    log.info('starting', { version: app.getVersion(), platform: process.platform });
    hardenSession(session.defaultSession);
    installAppMenu(app);

    // Everything Electron-free is built in one place, the same way the end-to-end harness builds it.
    const root = composeApp({
      app: { name: app.getName(), version: app.getVersion(), platform: process.platform },
      userDataDir: userData,
      log,
      secretBox: createSafeStorageBox(),
      sendPush: pushSenderFor(trusted),
      openBrowser: (url) => shell.openExternal(url),
      openExternal: (url) => shell.openExternal(url),
      chooseCaFile: (purpose) => chooseCaFile(window, purpose),
      chooseExportFile: () => chooseEventsExportFile(window),
      writeClipboard: async (text) => clipboard.writeText(text),
    });
    // On later starts the engine resumes when password hash sync is on.
    void root.engine.resume();
    registerIpc(ipcMain, root.dispatch, trusted, log.child('ipc'));

    const stateFile = join(userData, 'window-state.json');
    window = createMainWindow({
      preload: join(import.meta.dirname, 'preload.cjs'),
      state: loadWindowState(stateFile),
      devTools: !app.isPackaged,
      isAppUrl,
      log,
    });
    trackWindowState(window, stateFile);
    // A reload or a crashed renderer must say "ready" again before it gets pushes.
    onNewDocument(window.webContents, () => root.pushes.notReady());
    window.on('closed', () => (window = null));
    void window.loadFile(rendererIndex);

    app.on('window-all-closed', () => app.quit());
    // Quit waits for the engine (its journal consistent), the hash workers and the wizard to close
    // (bounded: a stuck connection cannot keep the app from quitting).
    let shutdown: 'running' | 'closing' | 'closed' = 'running';
    app.on('before-quit', (event) => {
      if (shutdown === 'closed') return;
      event.preventDefault();
      if (shutdown === 'closing') return;
      shutdown = 'closing';
      const bound = new Promise<void>((resolve) => setTimeout(resolve, QUIT_BOUND_MS).unref());
      void Promise.race([root.close(), bound]).finally(() => {
        shutdown = 'closed';
        app.quit();
      });
    });
  });
}
