import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./electron-mock.ts'));
import { shell, type BrowserWindow, type FakeWebContents } from './electron-mock.ts';
import {
  createMainWindow,
  CONTENT_SECURITY_POLICY,
  onNewDocument,
} from '../../../electron/platform/window.ts';
import { memorySink, createLogger } from '../../../shared/logger.ts';

const APP_URL = 'file:///opt/phs/dist/renderer/index.html';
const isAppUrl = (url: string): boolean => url.split('#')[0] === APP_URL;

function make(devTools = false): { window: BrowserWindow; contents: FakeWebContents } {
  const log = createLogger({ process: 'test', sinks: [memorySink()] });
  const window = createMainWindow({
    preload: '/opt/phs/dist/main/preload.cjs',
    state: { bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: false },
    isAppUrl,
    log,
    devTools,
  }) as unknown as BrowserWindow;
  return { window, contents: window.webContents };
}

beforeEach(() => {
  shell.opened.length = 0;
});

describe('the main window', () => {
  it('is created with the hardened web preferences of the security checklist', () => {
    const { window } = make();
    expect(window.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      preload: '/opt/phs/dist/main/preload.cjs',
    });
    expect(make(true).window.options['webPreferences']).toMatchObject({ devTools: true });
    expect(window.options).toMatchObject({
      x: 1,
      y: 2,
      width: 1000,
      height: 700,
      minWidth: 960,
      minHeight: 640,
    });
  });

  /** As Electron 45 emits navigation events: a details object, then the deprecated positional arguments. */
  const navigation = (url: string, more: { isMainFrame?: boolean; isSameDocument?: boolean } = {}) => ({
    url,
    isMainFrame: more.isMainFrame ?? true,
    isSameDocument: more.isSameDocument ?? false,
    frame: null,
    preventDefault: vi.fn(),
  });

  it('blocks navigation and redirects away from the renderer (read from the details object) but allows moving between its pages', () => {
    const { contents } = make();
    for (const event of ['will-navigate', 'will-redirect']) {
      const away = navigation('https://evil.example/');
      // The deprecated positional URL says otherwise: only details.url counts.
      contents.emit(event, away, `${APP_URL}#/dashboard`, false, true);
      expect(away.preventDefault, event).toHaveBeenCalled();
      const inside = navigation(`${APP_URL}#/dashboard`);
      contents.emit(event, inside, 'https://evil.example/', false, true);
      expect(inside.preventDefault, event).not.toHaveBeenCalled();
    }
  });

  it('tells when the main frame starts another document, not on in-page moves or in subframes', () => {
    const { contents } = make();
    const seen: string[] = [];
    onNewDocument(contents as unknown as Parameters<typeof onNewDocument>[0], () => void seen.push('new'));
    contents.emit(
      'did-start-navigation',
      navigation(`${APP_URL}#/ready`, { isSameDocument: true }),
      '',
      false,
      true,
    );
    contents.emit('did-start-navigation', navigation(APP_URL, { isMainFrame: false }), '', false, true);
    expect(seen).toEqual([]);
    // A reload: the deprecated positional isInPlace/isMainFrame disagree, the details decide.
    contents.emit('did-start-navigation', navigation(APP_URL), APP_URL, true, false);
    expect(seen).toEqual(['new']);
  });

  it('refuses webviews', () => {
    const { contents } = make();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('never opens new windows and opens only allow-listed https links in the system browser', () => {
    const { contents } = make();
    const handler = contents.windowOpenHandler!;
    expect(
      handler({
        url: 'https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-password-hash-synchronization',
      }),
    ).toEqual({ action: 'deny' });
    expect(handler({ url: 'http://learn.microsoft.com/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual([
      'https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-password-hash-synchronization',
    ]);
  });

  it('has a strict content security policy', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
  });
});
