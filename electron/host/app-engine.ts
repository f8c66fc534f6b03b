/**
 * Builds the sync engine for the app from the wizard's saved configuration: the settings file
 * (directory host, scope, password hash sync options), the sealed AD credential, and the
 * wizard's signed-in TenantConnection. Replication runs over RPC to the DC's host with NTLM, so
 * the LDAP transport and the pinned certificate do not matter here. State lives under userData.
 */
import { join } from 'node:path';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { ntlmAccount } from '../cli/ad-credential-command.ts';
import { createSyncEngine, type SyncEngine } from '../engine/engine.ts';
import type { EngineSettings } from '../engine/settings.ts';
import type { Hasher } from '../engine/ports.ts';
import type { Logger } from '../log/logger.ts';
import type { DirectoryCredential } from '../services/secret-store.ts';
import type { WizardSettings } from '../services/settings-store.ts';
import { openSyncStore, type SyncStore } from '../store/sync-state.ts';
import type { TenantConnection } from '../tenant/connection.ts';
import { DrsrReplicationSource } from './drsr-source.ts';
import { credentialSink, deliveredAnchors } from './open-engine.ts';
import { DirectoryCatalog, provisioningSink } from './provisioning-sink.ts';
import { tenantControl } from './tenant-control.ts';

export interface AppEngineDeps {
  readonly userDataDir: string;
  readonly settings: WizardSettings;
  readonly credential: DirectoryCredential | undefined;
  readonly tenant: TenantConnection | undefined;
  readonly hasher: Hasher;
  readonly log: Logger;
}

export interface AppEngine {
  readonly engine: SyncEngine;
  /** The engine's state (read-only views for the dashboard: users, runs, events). */
  readonly store: SyncStore;
  close(): Promise<void>;
}

export function engineStateDir(userDataDir: string): string {
  return join(userDataDir, 'engine-state');
}

function notConfigured(what: string): AppError {
  return new AppError(
    ErrorCode.ConfigInvalid,
    `Password hash sync is not configured: ${what}.`,
    'Open "Change configuration" and complete the wizard, then Configure.',
  );
}

/** The engine's settings from the wizard's: scope, staging mode and poll interval. */
export function engineSettingsOf(settings: WizardSettings): Partial<EngineSettings> {
  return {
    scope: {
      includeOUs: settings.scope?.includedOus ?? [],
      excludeOUs: settings.scope?.excludedOus ?? [],
    },
    stagingMode: settings.phs.stagingMode,
    pollMs: settings.phs.pollIntervalSeconds * 1000,
  };
}

export async function openAppEngine(deps: AppEngineDeps): Promise<AppEngine> {
  const { settings, credential, tenant } = deps;
  const directory = settings.directory;
  if (directory === null || settings.configuredAt === null)
    throw notConfigured('the wizard was not completed');
  if (credential === undefined) throw notConfigured('the Active Directory password is not saved');
  if (tenant === undefined) throw notConfigured('no tenant connection');
  const log = deps.log.child('engine');
  const account = ntlmAccount(credential.username);
  const catalog = new DirectoryCatalog();
  const source = new DrsrReplicationSource({
    connect: { host: directory.host, ...account, password: credential.password, log: log.child('drsr') },
    catalog,
  });
  const store = await openSyncStore(engineStateDir(deps.userDataDir), { readOnly: false });
  const upnDomain = account.domain.includes('.') ? account.domain : directory.host;
  const engine = createSyncEngine({
    source,
    tenant: tenantControl(tenant.directory),
    sink: provisioningSink(
      credentialSink(tenant),
      catalog,
      (u) => tenant.directory.upsertSyncedUser(u),
      upnDomain,
      // Users delivered before (an earlier run of the app) exist in the cloud: no upsert for them.
      deliveredAnchors(store),
    ),
    hasher: deps.hasher,
    store,
    settings: engineSettingsOf(settings),
    logger: log,
  });
  return {
    engine,
    store,
    async close() {
      await engine.stop();
      await Promise.allSettled([source.close(), store.close()]);
    },
  };
}
