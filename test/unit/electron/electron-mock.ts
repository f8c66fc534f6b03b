/**
 * A stand-in for the `electron` module (whose binary cannot be downloaded here): records what
 * the adapters ask of it so tests can check window hardening, IPC registration and the preload.
 */
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: { channel: string; payload: unknown }[] = [];
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  maximized = false;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    BrowserWindow.created.push(this);
  }
  maximize(): void {
    this.maximized = true;
  }
  show(): void {}
}

export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    shell.opened.push(url);
    return Promise.resolve();
  },
};

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle(channel: string, listener: Listener): void {
    ipcMain.handlers.set(channel, listener);
  },
};

export const ipcRenderer = {
  invoked: [] as { channel: string; request: unknown }[],
  listeners: new Map<string, Set<Listener>>(),
  invoke(channel: string, request: unknown): Promise<unknown> {
    ipcRenderer.invoked.push({ channel, request });
    return Promise.resolve({ ok: true, value: { echoed: channel } });
  },
  on(channel: string, listener: Listener): void {
    if (!ipcRenderer.listeners.has(channel)) ipcRenderer.listeners.set(channel, new Set());
    ipcRenderer.listeners.get(channel)!.add(listener);
  },
  removeListener(channel: string, listener: Listener): void {
    ipcRenderer.listeners.get(channel)?.delete(listener);
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    contextBridge.exposed.set(key, api);
  },
};

export const screen = {
  getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
};

/** Menus are kept as their templates; the last one set as the application menu is recorded. */
export const Menu = {
  application: null as { readonly template: readonly unknown[] } | null,
  buildFromTemplate(template: readonly unknown[]): { readonly template: readonly unknown[] } {
    return { template };
  },
  setApplicationMenu(menu: { readonly template: readonly unknown[] } | null): void {
    Menu.application = menu;
  },
};

/**
 * safeStorage as os_crypt behaves: sealed data carries the key version it was sealed under
 * ("v10:…"); after a key rotation (`keyVersion` moved on) older data still opens, with
 * shouldReEncrypt. On Linux without a keyring the backend is "basic_text".
 */
export const safeStorage = {
  backend: 'gnome_libsecret' as string,
  available: true,
  keyVersion: 10,
  reset(): void {
    safeStorage.backend = 'gnome_libsecret';
    safeStorage.available = true;
    safeStorage.keyVersion = 10;
  },
  getSelectedStorageBackend: (): string => safeStorage.backend,
  isAsyncEncryptionAvailable: (): Promise<boolean> => Promise.resolve(safeStorage.available),
  encryptStringAsync(text: string): Promise<Buffer> {
    return Promise.resolve(Buffer.from(`v${safeStorage.keyVersion}:${Buffer.from(text).toString('hex')}`));
  },
  decryptStringAsync(sealed: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    const match = /^v(\d+):([0-9a-f]*)$/.exec(sealed.toString());
    if (match === null) return Promise.reject(new Error('Error while decrypting the ciphertext provided'));
    const result = Buffer.from(match[2]!, 'hex').toString();
    return Promise.resolve({ result, shouldReEncrypt: Number(match[1]) !== safeStorage.keyVersion });
  },
};

export default { BrowserWindow, shell, ipcMain, ipcRenderer, contextBridge, screen, Menu, safeStorage };
