import { describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./electron-mock.ts'));
import type { MenuItemConstructorOptions } from 'electron';
import { Menu } from './electron-mock.ts';
import { appMenuTemplate, installAppMenu } from '../../../electron/platform/menu.ts';

/** Every role in a template, submenus included. */
function roles(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

const DEV_ONLY = ['reload', 'forceReload', 'toggleDevTools'];

describe('the application menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('has no developer tools nor reload for users on %s', (platform) => {
    const found = roles(appMenuTemplate({ appName: 'PHS Sync', platform, development: false }));
    expect(found.filter((role) => DEV_ONLY.includes(role))).toEqual([]);
    expect(found).toEqual(expect.arrayContaining(['editMenu', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'windowMenu']));
  });

  it('keeps reload and the developer tools in development', () => {
    expect(roles(appMenuTemplate({ appName: 'PHS Sync', platform: 'linux', development: true }))).toEqual(expect.arrayContaining(DEV_ONLY));
  });

  it('has the macOS app menu (about, hide, quit) only on macOS', () => {
    const mac = appMenuTemplate({ appName: 'PHS Sync', platform: 'darwin', development: false });
    expect(mac[0]?.label).toBe('PHS Sync');
    expect(roles(mac)).toEqual(expect.arrayContaining(['about', 'hide', 'quit', 'close']));
    const linux = appMenuTemplate({ appName: 'PHS Sync', platform: 'linux', development: false });
    expect(linux.map((item) => item.label ?? item.role)).toEqual(['File', 'editMenu', 'View', 'windowMenu']);
    expect(roles(linux)).toContain('quit');
  });

  it('installs the production menu when packaged and the development one when not', () => {
    installAppMenu({ name: 'PHS Sync', isPackaged: true });
    expect(roles(Menu.application!.template as MenuItemConstructorOptions[])).not.toContain('toggleDevTools');
    installAppMenu({ name: 'PHS Sync', isPackaged: false });
    expect(roles(Menu.application!.template as MenuItemConstructorOptions[])).toContain('toggleDevTools');
  });
});
