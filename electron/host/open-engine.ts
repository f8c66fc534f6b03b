/**
 * Builds the sync engine from a config: replication from the DC (MS-DRSR), the tenant through
 * the signed-in session of `phs tenant login` (its encrypted cache), the hash worker pool and the
 * state store. The CLI's commands run over what this returns (the app's equivalent: app-engine.ts).
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { parseDirectoryUrl } from '../directory/ldap/settings.ts';
import type { EngineHost } from '../cli/engine-commands.ts';
import { settingsFromConfig, type EngineConfig } from './config.ts';
import { silentLogger, type Logger } from '../../shared/logger.ts';
import { HashPool } from '../phs/pool.ts';
import { CryptoSelfTest } from '../self-test/crypto-self-test.ts';
import { openSyncStore } from '../store/sync-state.ts';
import { parseTenantConfig, type TenantConfig } from '../tenant/config.ts';
import { TenantConnection } from '../tenant/connection.ts';
import { configDir, defaultKeyFile, openKeyFileBox } from '../tenant/key-file-box.ts';
import { EncryptedFileCache } from '../tenant/token-cache.ts';
import { assembleEngine } from './assemble-engine.ts';

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
  const { host } = parseDirectoryUrl(config.directory.url);
  const store = await openSyncStore(config.stateDir, { readOnly: options.readOnly });
  const pool = new HashPool();
  const { engine, close } = assembleEngine({
    host,
    credential: config.directory,
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
