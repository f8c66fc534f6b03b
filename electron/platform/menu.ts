/**
 * The application menu. Users get no developer tools and no reload (Electron's default menu has
 * both); a development run (`!app.isPackaged`) keeps them in the View menu.
 */
import { Menu, type App, type MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  readonly appName: string;
  readonly platform: NodeJS.Platform;
  /** True in a development run: adds reload and the developer tools. */
  readonly development: boolean;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** The menu template: a pure function of the options, so it is testable without Electron. */
export function appMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const development: MenuItemConstructorOptions[] = options.development
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator]
    : [];
  return [
    ...(mac
      ? [{ label: options.appName, submenu: [{ role: 'about' }, separator, { role: 'services' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }] } satisfies MenuItemConstructorOptions]
      : []),
    { label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    // Cut, copy, paste and select all: their shortcuts work in text fields only through these items on macOS.
    { role: 'editMenu' },
    { label: 'View', submenu: [...development, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }] },
    { role: 'windowMenu' },
  ];
}

/** Installs the menu for this run: production unless the app runs unpackaged. */
export function installAppMenu(app: Pick<App, 'name' | 'isPackaged'>): void {
  const template = appMenuTemplate({ appName: app.name, platform: process.platform, development: !app.isPackaged });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
