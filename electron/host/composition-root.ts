/**
 * The one composition root: where the real parts are built and joined, for every front end.
 * - composeApp: the desktop app's services (hash pool, self-test, wizard, engine service, the IPC
 *   dispatcher) from the platform's adapters — electron/main.ts passes Electron's, the end-to-end
 *   harness passes Chromium's stand-ins, and both get the same wiring.
 * - openCliEngine: the sync engine from a config file, for `phs enable|sync|run|status|…`.
 * - cliTenantConnection (cli-tenant.ts): the CLI's signed-in tenant (key-file box, bound cache).
 * - openVerify (open-verify.ts): the two ends `phs verify` compares, never the engine's state.
 * - directoryService, hashPool: what the `phs ad` and `phs doctor` commands run on.
 * The engine itself is put together in assemble-engine.ts, the same way for the app and the CLI.
 */
import { writeFile } from 'node:fs/promises';
import type { Logger } from '../../shared/logger.ts';
import { silentLogger } from '../../shared/logger.ts';
import { DrsrClient } from '../directory/drsr/index.ts';
import { ntlmAccount } from '../directory/drsr/ntlm/account.ts';
import { createDirectoryService, type DirectoryService } from '../directory/ldap/index.ts';
import type { SyncEngine } from '../engine/engine.ts';
import type { CryptoGate } from '../engine/ports.ts';
import { HashPool, type HashPoolOptions } from '../phs/pool.ts';
import { CryptoSelfTest } from '../self-test/crypto-self-test.ts';
import type { CryptoDeps } from '../self-test/crypto-deps.ts';
import { createHandlers, poolStatusOf } from '../services/app-handlers.ts';
import { createDispatcher, type Dispatch } from '../services/dispatcher.ts';
import { createEngineHandlers } from '../services/engine-handlers.ts';
import { EngineService, type AppEngine } from '../services/engine-service.ts';
import { savedFor } from '../services/password-reuse.ts';
import { PushQueue, type PushSender } from '../services/push-queue.ts';
import { createWizardServices, type WizardServices } from '../services/wizard-services.ts';
import type { FirstSyncPort } from '../services/wizard.ts';
import { openSyncStore } from '../store/sync-state.ts';
import type { SecretBox } from '../tenant/secret-box.ts';
import { openAppEngine } from './app-engine.ts';
import { assembleEngine } from './assemble-engine.ts';
import { cliTenantConnection, tenantOfConfig } from './cli-tenant.ts';
import { settingsFromConfig, type EngineConfig } from './config.ts';

export { loadEngineConfig, type EngineConfig } from './config.ts';
export { cliTenantConnection, tenantOfConfig, type CliTenantOptions } from './cli-tenant.ts';
export { openVerify, type OpenVerifyOptions, type VerifyEnds } from './open-verify.ts';

/** What the desktop platform (Electron, or the test harness standing in for it) provides. */
export interface AppPlatform {
  readonly app: { readonly name: string; readonly version: string; readonly platform: string };
  readonly userDataDir: string;
  readonly log: Logger;
  /** Seals the AD password and the token cache (Electron safeStorage in the app). */
  readonly secretBox: SecretBox;
  /** How pushes reach the renderer once it said it is ready. */
  readonly sendPush: PushSender;
  /** A sign-in page in the system browser. */
  readonly openBrowser: (url: string) => Promise<void>;
  /** A documentation link (checked against the allow-list first). */
  readonly openExternal: (url: string) => Promise<void>;
  readonly chooseCaFile: (purpose: 'directory' | 'tenant') => Promise<string | undefined>;
  readonly chooseExportFile: () => Promise<string | undefined>;
  readonly writeClipboard: (text: string) => Promise<void>;
  /** A pool shared with others (tests); by default the app makes its own, lazily started. */
  readonly pool?: HashPool;
  /** Tests: primitives of the main-process self-test (a stub breaks one). */
  readonly cryptoDeps?: CryptoDeps;
  /** Tests: a stand-in engine instead of the one built from the saved configuration. */
  readonly openEngine?: (selfTest: CryptoGate) => Promise<AppEngine>;
  /** What Configure starts: the engine's first full sync (default), a test's stand-in, or nothing (null). */
  readonly firstSync?: FirstSyncPort | null;
}

export interface AppComposition {
  readonly pool: HashPool;
  readonly pushes: PushQueue;
  readonly selfTest: CryptoSelfTest;
  readonly wizard: WizardServices;
  readonly engine: EngineService;
  /** Every channel of the contract, validated (register it on ipcMain, or bridge it in tests). */
  readonly dispatch: Dispatch;
  /** Stops the engine, then the pool (when it is ours) and the wizard; resolves when all are down. */
  close(): Promise<void>;
}

export function composeApp(p: AppPlatform): AppComposition {
  const { log } = p;
  const pushes = new PushQueue(log.child('push'));
  // Workers start on first use and stop after a minute idle; the dashboard follows them.
  const ownPool = p.pool === undefined;
  const pool: HashPool =
    p.pool ?? new HashPool({ onWorkersChanged: () => pushes.push('phs:poolStatus', poolStatusOf(pool)) });
  // One self-test per process, run on first ask (the Welcome page, or the engine's first cycle).
  const selfTest = new CryptoSelfTest({ workers: pool, ...(p.cryptoDeps ? { deps: p.cryptoDeps } : {}) });
  const wizard = createWizardServices({
    userDataDir: p.userDataDir,
    secretBox: p.secretBox,
    pushes,
    log,
    directoryService: directoryService(log),
    openBrowser: p.openBrowser,
    chooseCaFile: p.chooseCaFile,
    writeClipboard: p.writeClipboard,
  });
  const engine = new EngineService({
    open: async () =>
      p.openEngine
        ? p.openEngine(selfTest)
        : openAppEngine({
            userDataDir: p.userDataDir,
            settings: wizard.settings.current,
            // Only a password saved for the configured DC and trust: never aimed at another server.
            credential: savedFor(
              wizard.settings.current.directory,
              await wizard.secrets.directoryCredential(),
            ),
            tenant: wizard.tenantConnection(),
            hasher: pool,
            selfTest,
            log,
          }),
    configured: () => wizard.settings.current.configuredAt !== null,
    pushes,
    log: log.child('engine-service'),
  });
  // Configure runs the engine's first full sync, unless the platform says otherwise.
  wizard.wizard.connectFirstSync(p.firstSync === undefined ? engine.firstSync : (p.firstSync ?? undefined));
  const handlers = {
    ...createHandlers({
      ...p.app,
      pool,
      selfTest,
      pushes,
      sendPush: p.sendPush,
      openExternal: p.openExternal,
    }),
    ...wizard.handlers,
    ...createEngineHandlers({
      service: engine,
      chooseExportFile: p.chooseExportFile,
      writeFile: (path, text) => writeFile(path, text, { mode: 0o600 }),
    }),
  };
  return {
    pool,
    pushes,
    selfTest,
    wizard,
    engine,
    dispatch: createDispatcher(handlers, log.child('ipc')),
    async close() {
      await engine
        .close()
        .catch((error: unknown) => log.warn('the engine did not close cleanly', { error: String(error) }));
      await Promise.allSettled([ownPool ? pool.close() : Promise.resolve(), wizard.close()]);
    },
  };
}

/** The LDAP directory service the wizard and `phs ad test|users` run on. */
export function directoryService(log: Logger): DirectoryService {
  return createDirectoryService({ log });
}

export interface ReplicationTarget {
  readonly host: string;
  /** DOMAIN\\name or name@domain. */
  readonly username: string;
  readonly password: string;
  readonly log: Logger;
  readonly timeoutMs?: number;
}

/** An MS-DRSR session with the DC, as `phs ad credential` reads one user (the engine's is in assemble-engine.ts). */
export function connectReplication(t: ReplicationTarget): Promise<DrsrClient> {
  return DrsrClient.connect({
    host: t.host,
    ...ntlmAccount(t.username),
    password: t.password,
    log: t.log,
    ...(t.timeoutMs === undefined ? {} : { timeoutMs: t.timeoutMs }),
  });
}

/** A hash pool of its own (`phs doctor`, benchmarks): workers start on first use. */
export function hashPool(options: HashPoolOptions = {}): HashPool {
  return new HashPool(options);
}

export interface CliEngine {
  readonly engine: SyncEngine;
  /** Stops the engine and releases everything (store, pool, connections). */
  close(): Promise<void>;
}

export interface OpenCliEngineOptions {
  /** Only status/diagnose will be asked: the state is opened read-only. */
  readonly readOnly: boolean;
  readonly logger?: Logger;
  readonly env?: NodeJS.ProcessEnv;
}

/** The sync engine for `phs enable|sync|run|status|diagnose|disable`, from the config file. */
export async function openCliEngine(config: EngineConfig, options: OpenCliEngineOptions): Promise<CliEngine> {
  const log = options.logger ?? silentLogger;
  const tenant = cliTenantConnection({
    tenant: tenantOfConfig(config),
    log,
    ...(options.env ? { env: options.env } : {}),
  });
  const store = await openSyncStore(config.stateDir, { readOnly: options.readOnly });
  const pool = hashPool();
  const { engine, close } = assembleEngine({
    host: config.directory.settings.host,
    credential: config.directory.credentials,
    tenant,
    hasher: pool,
    selfTest: new CryptoSelfTest({ workers: pool }),
    store,
    settings: settingsFromConfig(config),
    log,
  });
  return {
    engine,
    async close() {
      await close();
      await Promise.allSettled([pool.close(), store.close()]);
      tenant.close();
    },
  };
}
