/**
 * Builds the sync engine from a config: replication from the DC (MS-DRSR), the tenant through
 * the signed-in session of `phs tenant login` (its encrypted cache), the hash worker pool and the
 * state store. The CLI's commands (and later the app) run over what this returns.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { ntlmAccount } from '../cli/ad-credential-command.ts';
import { parseDirectoryUrl } from '../directory/ldap/settings.ts';
import type { EngineHost } from '../engine/cli-commands.ts';
import { settingsFromConfig, type EngineConfig } from '../engine/config.ts';
import { createSyncEngine } from '../engine/engine.ts';
import type { CredentialSink } from '../engine/ports.ts';
import { silentLogger, type Logger } from '../log/logger.ts';
import { HashPool } from '../phs/pool.ts';
import { openSyncStore, type SyncStore } from '../store/sync-state.ts';
import { parseTenantConfig, type TenantConfig } from '../tenant/config.ts';
import { TenantConnection } from '../tenant/connection.ts';
import { configDir, defaultKeyFile, openKeyFileBox } from '../tenant/key-file-box.ts';
import { EncryptedFileCache } from '../tenant/token-cache.ts';
import { DrsrReplicationSource } from './drsr-source.ts';
import { DirectoryCatalog, provisioningSink } from './provisioning-sink.ts';
import { tenantControl } from './tenant-control.ts';

export interface OpenEngineOptions {
  readonly readOnly: boolean;
  readonly logger?: Logger;
  readonly env?: NodeJS.ProcessEnv;
}

export async function openEngine(config: EngineConfig, options: OpenEngineOptions): Promise<EngineHost> {
  const log = options.logger ?? silentLogger;
  const env = options.env ?? process.env;
  const tenantConfig = loadTenant(config);
  const box = openKeyFileBox(defaultKeyFile(env), false);
  const cache =
    box === undefined
      ? undefined
      : new EncryptedFileCache(join(configDir(env), 'cli-token-cache.bin'), box, log);
  const tenant = new TenantConnection({
    config: tenantConfig,
    logger: log.child('tenant'),
    ...(cache ? { cache } : {}),
  });
  const catalog = new DirectoryCatalog();
  const { host } = parseDirectoryUrl(config.directory.url);
  const account = ntlmAccount(config.directory.username);
  const source = new DrsrReplicationSource({
    connect: { host, ...account, password: config.directory.password, log: log.child('drsr') },
    catalog,
  });
  const store = await openSyncStore(config.stateDir, { readOnly: options.readOnly });
  const pool = new HashPool();
  const upnDomain = account.domain.includes('.') ? account.domain : host;
  const engine = createSyncEngine({
    source,
    tenant: tenantControl(tenant.directory),
    sink: provisioningSink(
      credentialSink(tenant),
      catalog,
      (u) => tenant.directory.upsertSyncedUser(u),
      upnDomain,
      deliveredAnchors(store),
    ),
    hasher: pool,
    store,
    settings: settingsFromConfig(config),
    logger: log.child('engine'),
  });
  return {
    engine,
    async close() {
      await engine.stop();
      await Promise.allSettled([pool.close(), source.close(), store.close()]);
      tenant.close();
    },
  };
}

/** Users whose credential the tenant acknowledged before: their cloud user exists. */
export function deliveredAnchors(store: SyncStore): string[] {
  return [...store.state.users.values()].filter((u) => u.deliveredAt !== null).map((u) => u.sourceAnchor);
}

function loadTenant(config: EngineConfig): TenantConfig {
  if ('inline' in config.tenant) return parseTenantConfig(config.tenant.inline);
  try {
    return parseTenantConfig(JSON.parse(readFileSync(config.tenant.file, 'utf8')));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      ErrorCode.ConfigInvalid,
      `The tenant file ${config.tenant.file} cannot be read as JSON.`,
      'Point "tenant" at the tenant JSON (for the emulator: the file "npm run lab -- tenant" prints).',
    );
  }
}

export function credentialSink(tenant: TenantConnection): CredentialSink {
  const sink = tenant.credentials;
  if (sink) return sink;
  const missing = new AppError(
    ErrorCode.ConfigInvalid,
    'The tenant description names no credential endpoint (credentialsUrl).',
    'Use a tenant file with "credentialsUrl" (the emulator writes one); delivery to Microsoft\'s provisioning service is not available yet.',
  );
  return { maxBatchSize: 1, deliver: () => Promise.reject(missing) };
}
