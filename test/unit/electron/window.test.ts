import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./electron-mock.ts'));
import { shell, type BrowserWindow, type FakeWebContents } from './electron-mock.ts';
import { createMainWindow, CONTENT_SECURITY_POLICY } from '../../../electron/platform/window.ts';
import { memorySink, createLogger } from '../../../electron/log/logger.ts';

const APP_URL = 'file:///opt/phs/dist/renderer/index.html';
const isAppUrl = (url: string): boolean => url.split('#')[0] === APP_URL;

function make(): { window: BrowserWindow; contents: FakeWebContents } {
  const log = createLogger({ process: 'test', sinks: [memorySink()] });
  const window = createMainWindow({ preload: '/opt/phs/dist/main/preload.cjs', state: { bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: false }, isAppUrl, log }) as unknown as BrowserWindow;
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
      preload: '/opt/phs/dist/main/preload.cjs',
    });
    expect(window.options).toMatchObject({ x: 1, y: 2, width: 1000, height: 700, minWidth: 960, minHeight: 640 });
  });

  it('blocks navigation away from the renderer but allows moving between its pages', () => {
    const { contents } = make();
    const away = { preventDefault: vi.fn() };
    contents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    contents.emit('will-navigate', inside, `${APP_URL}#/dashboard`);
    expect(inside.preventDefault).not.toHaveBeenCalled();
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
    expect(handler({ url: 'https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-password-hash-synchronization' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'http://learn.microsoft.com/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual(['https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-password-hash-synchronization']);
  });

  it('has a strict content security policy', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
  });
});
