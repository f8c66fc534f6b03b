/**
 * The `electron` module the packaged main process sees when test/package/boot.ts runs it under Node:
 * the unit tests' Electron mock, plus what a whole boot needs (app, session, dialogs, clipboard,
 * safeStorage) — a packaged, ready app whose paths point into the extracted package.
 */
import { EventEmitter } from 'node:events';
import { BrowserWindow as MockWindow } from '../unit/electron/electron-mock.ts';

export { ipcMain, shell, screen, Menu, contextBridge, ipcRenderer } from '../unit/electron/electron-mock.ts';

export interface StubPaths {
  /** What app.getAppPath() answers: …/resources/app.asar in a packaged app. */
  readonly appPath: string;
  readonly userData: string;
  readonly version: string;
}

class StubApp extends EventEmitter {
  readonly isPackaged = true;
  readonly name = 'PHS Sync';
  /** Set once a quit went through (no 'before-quit' listener prevented it). */
  quitRequested = false;
  private paths: StubPaths | null = null;
  private markReady: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => (this.markReady = resolve));

  configure(paths: StubPaths): void {
    this.paths = paths;
  }
  /** Electron's 'ready': resolves whenReady(). */
  ready(): void {
    this.markReady();
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  /** As Electron does: 'before-quit' first, which a listener may prevent; then 'will-quit'. */
  quit(): void {
    const event = {
      defaultPrevented: false,
      preventDefault(): void {
        this.defaultPrevented = true;
      },
    };
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    this.quitRequested = true;
    this.emit('will-quit', event);
  }
  getAppPath(): string {
    return this.configured().appPath;
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`The boot stub knows no app path "${name}"`);
    return this.configured().userData;
  }
  getName(): string {
    return this.name;
  }
  getVersion(): string {
    return this.configured().version;
  }
  private configured(): StubPaths {
    if (!this.paths) throw new Error('The boot stub was not configured before the app used it');
    return this.paths;
  }
}

export const app = new StubApp();

export class BrowserWindow extends MockWindow {
  loadedFile: string | null = null;
  loadFile(file: string): Promise<void> {
    this.loadedFile = file;
    return Promise.resolve();
  }
  isMinimized(): boolean {
    return false;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isDestroyed(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 0, y: 0, width: 1200, height: 800 };
  }
}

export const session = {
  defaultSession: {
    setPermissionRequestHandler(): void {},
    setPermissionCheckHandler(): void {},
    webRequest: { onHeadersReceived(): void {} },
  },
};

export const clipboard = { writeText(): void {} };

export const dialog = {
  showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
  showSaveDialog: () => Promise.resolve({ canceled: true, filePath: '' }),
};

/** No OS secret store, as on a Linux session without a keyring. */
export const safeStorage = {
  isAsyncEncryptionAvailable: () => Promise.resolve(false),
  getSelectedStorageBackend: () => 'basic_text',
  encryptStringAsync: () => Promise.reject(new Error('no secret store in the boot check')),
  decryptStringAsync: () => Promise.reject(new Error('no secret store in the boot check')),
};
