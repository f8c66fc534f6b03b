/**
 * Builds the two ends of `phs verify` from the engine's config file: the tenant through the
 * signed-in session of `phs tenant login` (read calls only), and the directory over LDAPS/StartTLS
 * with the engine's scope and rules. It never opens the engine's state folder or its lock: the
 * verdict comes from AD and the tenant only, whoever delivers the hashes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { LdapSession } from '../directory/ldap/connection/session.ts';
import { readRootDse } from '../directory/ldap/discovery.ts';
import { requireText } from '../directory/ldap/entry.ts';
import { parseDirectoryUrl, type ConnectionSettings } from '../directory/ldap/settings.ts';
import type { EngineConfig } from './config.ts';
import { Scope } from '../engine/scope.ts';
import { silentLogger, type Logger } from '../../shared/logger.ts';
import { loadTenantConfigFile, parseTenantConfig } from '../tenant/config.ts';
import { TenantConnection } from '../tenant/connection.ts';
import { configDir, defaultKeyFile, openKeyFileBox } from '../tenant/key-file-box.ts';
import { syncHeartbeat, userPasswordTimes } from '../tenant/password-times.ts';
import { EncryptedFileCache } from '../tenant/token-cache.ts';
import type { CloudEnd, OnPremisesEnd } from '../verify/ports.ts';
import { directoryEnd } from './verify-directory.ts';

export interface VerifyEnds {
  readonly onPrem: OnPremisesEnd;
  readonly cloud: CloudEnd;
  /** The tenant's userForcePasswordChangeOnLogonEnabled; null when the account may not read it (taken as off). */
  readonly forceChangeFeature: boolean | null;
  close(): Promise<void>;
}

export interface OpenVerifyOptions {
  readonly logger?: Logger;
  readonly env?: NodeJS.ProcessEnv;
}

function connectTenant(config: EngineConfig, env: NodeJS.ProcessEnv, log: Logger): TenantConnection {
  const tenantConfig =
    'inline' in config.tenant
      ? parseTenantConfig(config.tenant.inline)
      : loadTenantConfigFile(config.tenant.file);
  const box = openKeyFileBox(defaultKeyFile(env), false);
  const cache =
    box === undefined
      ? undefined
      : new EncryptedFileCache(join(configDir(env), 'cli-token-cache.bin'), box, log);
  return new TenantConnection({
    config: tenantConfig,
    logger: log.child('tenant'),
    ...(cache ? { cache } : {}),
  });
}

function directorySettings(directory: EngineConfig['directory']): ConnectionSettings {
  const address = parseDirectoryUrl(directory.url, /^ldap:\/\//i.test(directory.url));
  let pem: string | undefined;
  if (directory.caFile !== undefined) {
    try {
      pem = readFileSync(directory.caFile, 'utf8');
    } catch {
      throw new AppError(
        ErrorCode.ConfigInvalid,
        `The CA file ${directory.caFile} (directory.caFile) cannot be read.`,
        'Point directory.caFile at the PEM file of the CA that issued the DC certificate.',
      );
    }
  }
  return {
    ...address,
    trust: pem === undefined ? { kind: 'system' } : { kind: 'pem', pem },
    ...(directory.serverName === undefined ? {} : { serverName: directory.serverName }),
  };
}

/** The feature decides whether "must change at next logon" users are synced (rules.ts); 403 → unknown. */
async function forceChangeFeature(tenant: TenantConnection): Promise<boolean | null> {
  try {
    return (await tenant.directory.syncSettings()).features.userForcePasswordChangeOnLogonEnabled;
  } catch (error) {
    if (error instanceof AppError && error.code === ErrorCode.TenantNotAdmin) return null;
    throw error;
  }
}

export async function openVerify(config: EngineConfig, options: OpenVerifyOptions = {}): Promise<VerifyEnds> {
  const log = options.logger ?? silentLogger;
  const tenant = connectTenant(config, options.env ?? process.env, log);
  let session: LdapSession | undefined;
  try {
    // The tenant first: a missing sign-in is named before the DC is contacted.
    const feature = await forceChangeFeature(tenant);
    session = await LdapSession.open(
      directorySettings(config.directory),
      config.directory,
      log.child('ldap'),
    );
    const includeOUs =
      config.scope.includeOUs.length > 0
        ? config.scope.includeOUs
        : [requireText(await readRootDse(session), 'defaultNamingContext')];
    const rules = { scope: new Scope(config.scope), forceChangeFeature: feature ?? false };
    const ldap = session;
    return {
      onPrem: directoryEnd(ldap, { includedOus: includeOUs, excludedOus: [] }, rules),
      cloud: {
        users: () => userPasswordTimes(tenant.graph),
        heartbeat: () => syncHeartbeat(tenant.directory),
      },
      forceChangeFeature: feature,
      async close() {
        await ldap.close().catch(() => undefined);
        tenant.close();
      },
    };
  } catch (error) {
    await session?.close().catch(() => undefined);
    tenant.close();
    throw error;
  }
}
