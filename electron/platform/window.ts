/**
 * The one app window, hardened per Electron's security checklist: context isolation, sandbox,
 * no Node integration, no webviews, navigation and new windows locked to our own renderer,
 * permission requests denied, and external links only through the allow-list.
 */
import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import { checkExternalUrl } from '../services/external-url.ts';
import type { Logger } from '../../shared/logger.ts';
import { MIN_HEIGHT, MIN_WIDTH, type WindowState } from './window-state.ts';

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface WindowOptions {
  readonly preload: string;
  readonly state: WindowState;
  readonly isAppUrl: (url: string) => boolean;
  readonly log: Logger;
  /** Developer tools: in development only (the packaged app cannot open them, not even by code). */
  readonly devTools: boolean;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...options.state.bounds,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: 'PHS Sync',
    backgroundColor: '#00000000',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      devTools: options.devTools,
    },
  });
  if (options.state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  lockDownContents(window.webContents, options.isAppUrl, options.log);
  return window;
}

/** Navigation events are read from Electron's `details` object (the positional arguments are deprecated). */
export function lockDownContents(
  contents: WebContents,
  isAppUrl: (url: string) => boolean,
  log: Logger,
): void {
  contents.on('will-navigate', (details) => {
    if (isAppUrl(details.url)) return;
    details.preventDefault();
    log.warn('blocked a navigation away from the app', { url: safeOrigin(details.url) });
  });
  contents.on('will-redirect', (details) => {
    if (isAppUrl(details.url)) return;
    details.preventDefault();
    log.warn('blocked a redirect away from the app', { url: safeOrigin(details.url) });
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openAllowedExternal(url, log);
    return { action: 'deny' };
  });
}

/** Calls `onNew` when the main frame starts loading another document (a reload, a crashed renderer), not on in-page moves. */
export function onNewDocument(contents: WebContents, onNew: () => void): void {
  contents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) onNew();
  });
}

/** Deny every permission (camera, notifications, …) and add the CSP header to every response. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

export function openAllowedExternal(url: string, log: Logger): boolean {
  try {
    const allowed = checkExternalUrl(url);
    void shell.openExternal(allowed.toString());
    return true;
  } catch {
    log.warn('refused to open a link that is not allow-listed', { url: safeOrigin(url) });
    return false;
  }
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'invalid URL';
  }
}
