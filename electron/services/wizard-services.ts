/**
 * Builds the wizard's services over their real dependencies, for electron/main.ts and the
 * end-to-end harness alike: the settings file, the sealed secrets and the sealed token cache in
 * the user-data folder, the LDAP directory service, the tenant connection, cancellable
 * operations, and the handlers of the wizard's channels. The token cache is one file per tenant
 * endpoint (token-cache-files.ts); changing the endpoint removes them all.
 */
import { join } from 'node:path';
import type { WizardChannel } from '../../shared/contract.ts';
import { createDirectoryService, type DirectoryService } from '../directory/ldap/index.ts';
import type { Logger } from '../../shared/logger.ts';
import type { TenantConfig } from '../tenant/config.ts';
import { TenantConnection } from '../tenant/connection.ts';
import type { SecretBox } from '../tenant/secret-box.ts';
import { EncryptedFileCache } from '../tenant/token-cache.ts';
import { DirectoryStep } from './directory-step.ts';
import type { HandlersFor } from './dispatcher.ts';
import { Operations } from './operations.ts';
import type { PushQueue } from './push-queue.ts';
import { SecretStore } from './secret-store.ts';
import { SessionFallbackCache } from './session-fallback-cache.ts';
import { SettingsStore } from './settings-store.ts';
import { TenantStep, type TenantPort } from './tenant-step.ts';
import { removeTokenCaches, tokenCacheFile } from './token-cache-files.ts';
import { createWizardHandlers } from './wizard-handlers.ts';
import { Wizard, type FirstSyncPort } from './wizard.ts';

export interface WizardPaths {
  readonly settings: string;
  readonly secrets: string;
}

export function wizardPaths(userDataDir: string): WizardPaths {
  return {
    settings: join(userDataDir, 'settings.json'),
    secrets: join(userDataDir, 'secrets.bin'),
  };
}

export interface WizardServiceDeps {
  readonly userDataDir: string;
  /** Seals the AD password and the token cache (Electron safeStorage in the app). */
  readonly secretBox: SecretBox;
  readonly pushes: PushQueue;
  readonly log: Logger;
  /** Opens a sign-in page in the system browser (not limited to the documentation allow-list). */
  readonly openBrowser: (url: string) => Promise<void>;
  readonly chooseCaFile: (purpose: 'directory' | 'tenant') => Promise<string | undefined>;
  readonly writeClipboard: (text: string) => Promise<void>;
  readonly directoryService?: DirectoryService;
  readonly connectTenant?: (config: TenantConfig) => TenantPort;
  readonly firstSync?: FirstSyncPort;
}

export interface WizardServices {
  readonly handlers: HandlersFor<WizardChannel>;
  readonly paths: WizardPaths;
  readonly settings: SettingsStore;
  readonly secrets: SecretStore;
  readonly directory: DirectoryStep;
  readonly tenant: TenantStep;
  readonly wizard: Wizard;
  /** The wizard's signed-in TenantConnection (the engine delivers through it); undefined with an injected connectTenant. */
  tenantConnection(): TenantConnection | undefined;
  close(): Promise<void>;
}

export function createWizardServices(deps: WizardServiceDeps): WizardServices {
  const log = deps.log.child('wizard');
  const paths = wizardPaths(deps.userDataDir);
  const settings = new SettingsStore(paths.settings, log);
  const secrets = new SecretStore(paths.secrets, deps.secretBox);
  const operations = new Operations();
  const directory = new DirectoryStep({
    service: deps.directoryService ?? createDirectoryService({ log }),
    savedCredential: () => secrets.directoryCredential(),
    log,
  });
  let shared: TenantConnection | undefined;
  const connectTenant =
    deps.connectTenant ??
    ((config: TenantConfig) =>
      (shared = new TenantConnection({
        config,
        cache: new SessionFallbackCache(
          new EncryptedFileCache(tokenCacheFile(deps.userDataDir, config), deps.secretBox, log),
          deps.pushes,
          log,
        ),
        logger: log,
      })));
  const tenant = new TenantStep({
    endpoint: () => settings.current.tenantEndpoint,
    connect: connectTenant,
    forgetSignIns: () => removeTokenCaches(deps.userDataDir),
    openBrowser: deps.openBrowser,
    adUpnSuffixes: () => directory.upnSuffixes,
    pushes: deps.pushes,
    log,
  });
  const wizard = new Wizard({
    settings,
    secrets,
    directory,
    tenant,
    log,
    ...(deps.firstSync ? { firstSync: deps.firstSync } : {}),
  });
  const handlers = createWizardHandlers({
    wizard,
    directory,
    tenant,
    operations,
    chooseCaFile: deps.chooseCaFile,
    writeClipboard: deps.writeClipboard,
  });
  return {
    handlers,
    paths,
    settings,
    secrets,
    directory,
    tenant,
    wizard,
    tenantConnection: () => {
      if (deps.connectTenant !== undefined) return undefined;
      void tenant.connection;
      return shared;
    },
    close: async () => {
      operations.cancelAll();
      tenant.close();
      await directory.close();
    },
  };
}
