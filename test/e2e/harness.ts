/**
 * The end-to-end harness: the built renderer in Debian Chromium, wired to the REAL main-side
 * services, built by the app's own composition root (electron/host/composition-root.ts) exactly
 * as electron/main.ts builds them. Only Electron is replaced: `exposeBinding`
 * stands in for ipcRenderer.invoke, `page.evaluate` for webContents.send, a 0600 key file for
 * safeStorage, and hooks for shell.openExternal (sign-in pages), the file dialog and the clipboard.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { EventChannel } from '../../shared/contract.ts';
import { ErrorCode } from '../../shared/errors.ts';
import type { Envelope } from '../../shared/ipc-envelope.ts';
import { createLogger, memorySink, type Logger } from '../../shared/logger.ts';
import { HashPool } from '../../electron/phs/pool.ts';
import type { CryptoDeps } from '../../electron/self-test/crypto-deps.ts';
import type { PushQueue } from '../../electron/services/push-queue.ts';
import type { WizardServices } from '../../electron/services/wizard-services.ts';
import { composeApp } from '../../electron/host/composition-root.ts';
import type { CryptoGate } from '../../electron/engine/ports.ts';
import type { AppEngine } from '../../electron/services/engine-service.ts';
import type { EngineService } from '../../electron/services/engine-service.ts';
import type { FirstSyncPort } from '../../electron/services/wizard.ts';
import { openKeyFileBox } from '../../electron/tenant/key-file-box.ts';
import type { SecretBox } from '../../electron/tenant/secret-box.ts';
import { emitInPage, installBridge } from './bridge-init.ts';
import { launchChromium } from './chromium.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));
const PAGE_TIMEOUT_MS = 10_000;

export interface OpenOptions {
  /** The hash route to load, e.g. 'scope'; omit for the bare index.html. */
  readonly route?: string;
  /** false: create the page and services but load nothing yet (to queue pushes first). */
  readonly load?: boolean;
  readonly viewport?: { readonly width: number; readonly height: number };
  readonly colorScheme?: 'light' | 'dark';
  /** main's user-data folder; pass the same one again to reopen the app as after a restart. */
  readonly userDataDir?: string;
  /** What the system browser does with a sign-in page (default: nothing, the URL is recorded). */
  readonly openBrowser?: (url: string) => Promise<void>;
  /** What the user picks in the file dialog (default: they cancel). */
  readonly chooseCaFile?: (purpose: 'directory' | 'tenant') => Promise<string | undefined>;
  readonly firstSync?: FirstSyncPort;
  /** Run the real sync engine (Configure's first full sync, the dashboard); resumes it when configured. */
  readonly engine?: boolean;
  /** Opens a stand-in engine instead of the one built from the saved configuration (given the session's self-test). */
  readonly openEngine?: (selfTest: CryptoGate) => Promise<AppEngine>;
  /** What the user picks in the events export dialog (default: they cancel). */
  readonly chooseExportFile?: () => Promise<string | undefined>;
  /** The primitives of main's crypto self-test: a stub breaks one (default: the real ones). */
  readonly cryptoDeps?: CryptoDeps;
  /** What seals secrets in place of safeStorage (default: a 0600 key file in the user-data folder). */
  readonly secretBox?: (userDataDir: string) => SecretBox;
}

export interface PushRecord {
  readonly channel: EventChannel;
  readonly payload: unknown;
}

export interface AppSession {
  readonly page: Page;
  readonly pushes: PushQueue;
  /** URLs main was asked to open in the system browser (the real shell cannot run here). */
  readonly openedUrls: readonly string[];
  /** Sign-in pages main opened in the "system browser". */
  readonly signInUrls: readonly string[];
  /** Every IPC call the page made, with its request and main's reply. */
  readonly calls: readonly {
    readonly channel: unknown;
    readonly request: unknown;
    readonly reply: Envelope<unknown>;
  }[];
  /** Every push main sent to the page. */
  readonly pushed: readonly PushRecord[];
  /** Texts the app put on the clipboard. */
  readonly copied: readonly string[];
  readonly userDataDir: string;
  readonly wizard: WizardServices;
  readonly engine: EngineService;
  /** Uncaught page errors and console errors: a healthy page has none. */
  readonly pageErrors: readonly string[];
  load(route?: string): Promise<void>;
  close(): Promise<void>;
}

export interface Harness {
  readonly origin: string;
  readonly pool: HashPool;
  /** The Chromium the app runs in; a test opens its "system browser" pages in another context. */
  readonly browser: Browser;
  readonly logLines: readonly string[];
  openApp(options?: OpenOptions): Promise<AppSession>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(`${RENDERER_DIR}index.html`)) {
    throw new Error(
      `The renderer is not built (${RENDERER_DIR}index.html is missing): run npm run build first.`,
    );
  }
  const sink = memorySink();
  const log = createLogger({ process: 'e2e', sinks: [sink] });
  const server = await serveStatic(RENDERER_DIR);
  const pool = new HashPool({ size: 2 });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await Promise.all([pool.close(), server.close()]);
    throw error;
  }
  const sessions = new Set<AppSession>();
  return {
    origin: server.origin,
    pool,
    browser,
    logLines: sink.lines,
    openApp: async (options = {}) => {
      const session = await openSession(browser, server, pool, log, options);
      sessions.add(session);
      const close = async (): Promise<void> => {
        sessions.delete(session);
        await session.close();
      };
      return { ...session, close };
    },
    close: async () => {
      await Promise.allSettled([...sessions].map((s) => s.close()));
      await browser.close().catch(() => undefined);
      await Promise.allSettled([pool.close(), server.close()]);
    },
  };
}

async function openSession(
  browser: Browser,
  server: StaticServer,
  pool: HashPool,
  log: Logger,
  options: OpenOptions,
): Promise<AppSession> {
  const context: BrowserContext = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  page.setDefaultNavigationTimeout(PAGE_TIMEOUT_MS);
  const openedUrls: string[] = [];
  const signInUrls: string[] = [];
  const copied: string[] = [];
  const pushed: PushRecord[] = [];
  const calls: { channel: unknown; request: unknown; reply: Envelope<unknown> }[] = [];
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });

  const sessionLog = log.child('session');
  const sendPush = (channel: EventChannel, payload: unknown): void => {
    pushed.push({ channel, payload });
    page
      .evaluate(emitInPage, { channel, payload })
      .catch((error: unknown) =>
        sessionLog.warn('a push did not reach the page', { channel, error: String(error) }),
      );
  };
  const ownDataDir = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'phs-e2e-userdata-'));
  // The app's own composition root, with Chromium's stand-ins for Electron's adapters.
  const root = composeApp({
    app: { name: 'PHS Sync', version: '0.1.0-e2e', platform: process.platform },
    userDataDir,
    log: sessionLog,
    secretBox: options.secretBox?.(userDataDir) ?? openKeyFileBox(join(userDataDir, 'e2e-secret.key'), true)!,
    sendPush,
    openBrowser: async (url) => {
      signInUrls.push(url);
      await options.openBrowser?.(url);
    },
    openExternal: async (url) => void openedUrls.push(url),
    chooseCaFile: options.chooseCaFile ?? (async () => undefined),
    chooseExportFile: options.chooseExportFile ?? (async () => undefined),
    writeClipboard: async (text) => void copied.push(text),
    // One pool for the whole harness; one self-test per session, as main makes one per app start.
    pool,
    ...(options.cryptoDeps === undefined ? {} : { cryptoDeps: options.cryptoDeps }),
    ...(options.openEngine === undefined ? {} : { openEngine: options.openEngine }),
    // Without `engine`, Configure starts the test's stand-in first sync, or none.
    ...(options.engine === true ? {} : { firstSync: options.firstSync ?? null }),
  });
  const { pushes, wizard, engine, dispatch } = root;
  if (options.engine === true) await engine.resume();

  await page.exposeBinding('__phsInvoke', async (source, channel: unknown, request: unknown) => {
    // As main does for ipcMain: answer only the app's own page, in its top frame.
    const trusted =
      source.frame === source.page.mainFrame() && new URL(source.frame.url()).origin === server.origin;
    const reply: Envelope<unknown> = trusted
      ? await dispatch(channel, request)
      : {
          ok: false,
          error: {
            code: ErrorCode.UntrustedSender,
            message: 'This page may not call the app.',
            remediation: 'None: only the app window may.',
          },
        };
    calls.push({ channel, request, reply });
    return reply;
  });
  await page.addInitScript(installBridge);
  // A new document is a new renderer: it must say ready again before it gets pushes (main does
  // this on did-start-navigation). Hash changes are not document requests, so they keep it ready.
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) pushes.notReady();
  });

  const load = async (route?: string): Promise<void> => {
    await page.goto(`${server.origin}/${route === undefined ? '' : `#/${route}`}`);
  };
  if (options.load !== false) await load(options.route);

  return {
    page,
    pushes,
    openedUrls,
    signInUrls,
    calls,
    pushed,
    copied,
    userDataDir,
    wizard,
    engine,
    pageErrors,
    load,
    close: async () => {
      pushes.notReady();
      await context.close().catch(() => undefined);
      await root.close();
      if (ownDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
