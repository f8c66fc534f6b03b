/** The CLI's signed-in tenant: the key-file box and the saved sign-in bound to the endpoint. */
import { join } from 'node:path';
import type { Logger } from '../../shared/logger.ts';
import { loadTenantConfigFile, parseTenantConfig, type TenantConfig } from '../tenant/config.ts';
import { TenantConnection } from '../tenant/connection.ts';
import { configDir, defaultKeyFile, openKeyFileBox } from '../tenant/key-file-box.ts';
import { EncryptedFileCache } from '../tenant/token-cache.ts';
import type { EngineConfig } from './config.ts';

export interface CliTenantOptions {
  readonly tenant: TenantConfig;
  readonly log: Logger;
  readonly env?: NodeJS.ProcessEnv;
  /** Where the key and the sealed sign-in live (default: the CLI's config folder). */
  readonly keyFile?: string;
  readonly cacheFile?: string;
  /** Create the key when there is none (only `phs tenant login` does). */
  readonly createKey?: boolean;
}

/** The tenant as the CLI signed in to it (`phs tenant login`); the saved sign-in is bound to this endpoint. */
export function cliTenantConnection(o: CliTenantOptions): TenantConnection {
  const env = o.env ?? process.env;
  const box = openKeyFileBox(o.keyFile ?? defaultKeyFile(env), o.createKey ?? false);
  const cacheFile = o.cacheFile ?? join(configDir(env), 'cli-token-cache.bin');
  return new TenantConnection({
    config: o.tenant,
    logger: o.log.child('tenant'),
    ...(box === undefined
      ? {}
      : { cache: new EncryptedFileCache(cacheFile, box, o.log, { endpoint: o.tenant }) }),
  });
}

/** The tenant a config file names: inline, or the path of a tenant file. */
export function tenantOfConfig(config: EngineConfig): TenantConfig {
  return 'inline' in config.tenant
    ? parseTenantConfig(config.tenant.inline)
    : loadTenantConfigFile(config.tenant.file);
}
