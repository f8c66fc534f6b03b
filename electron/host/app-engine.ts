/**
 * Builds the sync engine for the app from the wizard's saved configuration: the settings file
 * (directory host, scope, password hash sync options), the sealed AD credential, and the
 * wizard's signed-in TenantConnection. Replication runs over RPC to the DC's host with NTLM, so
 * the LDAP transport and the pinned certificate do not matter here. State lives under userData.
 */
import { join } from 'node:path';
import { connectionOfDraft } from '../../shared/directory-connection.ts';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { resolveDirectoryConnection } from '../directory/connection-config.ts';
import type { EngineSettings } from '../engine/settings.ts';
import type { CryptoGate, Hasher } from '../engine/ports.ts';
import type { Logger } from '../../shared/logger.ts';
import type { AppEngine } from '../services/engine-service.ts';
import type { DirectoryCredential } from '../services/secret-store.ts';
import type { WizardSettings } from '../services/settings-store.ts';
import { openSyncStore } from '../store/sync-state.ts';
import type { TenantConnection } from '../tenant/connection.ts';
import { assembleEngine } from './assemble-engine.ts';

export interface AppEngineDeps {
  readonly userDataDir: string;
  readonly settings: WizardSettings;
  readonly credential: DirectoryCredential | undefined;
  readonly tenant: TenantConnection | undefined;
  readonly hasher: Hasher;
  readonly selfTest: CryptoGate;
  readonly log: Logger;
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
  // The saved draft goes through the same schema and resolution as the CLI's directory block.
  const connection = resolveDirectoryConnection(
    { ...connectionOfDraft(directory), password: credential.password },
    { baseDir: deps.userDataDir, env: {}, where: 'the saved Active Directory settings' },
  );
  const store = await openSyncStore(engineStateDir(deps.userDataDir), { readOnly: false });
  const { engine, close } = assembleEngine({
    host: connection.settings.host,
    credential: connection.credentials,
    tenant,
    hasher: deps.hasher,
    selfTest: deps.selfTest,
    store,
    settings: engineSettingsOf(settings),
    log: deps.log,
  });
  return {
    engine,
    store,
    async close() {
      await close();
      await store.close();
    },
  };
}
