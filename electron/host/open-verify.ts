/**
 * Builds the two ends of `phs verify` from the engine's config file: the tenant through the
 * signed-in session of `phs tenant login` (read calls only), and the directory over LDAPS/StartTLS
 * with the engine's scope and rules. It never opens the engine's state folder or its lock: the
 * verdict comes from AD and the tenant only, whoever delivers the hashes.
 */
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { LdapSession } from '../directory/ldap/connection/session.ts';
import { readRootDse } from '../directory/ldap/discovery.ts';
import { requireText } from '../directory/ldap/entry.ts';
import type { EngineConfig } from './config.ts';
import { Scope } from '../engine/scope.ts';
import { silentLogger, type Logger } from '../../shared/logger.ts';
import type { TenantConnection } from '../tenant/connection.ts';
import { syncHeartbeat, userPasswordTimes } from '../tenant/password-times.ts';
import type { CloudEnd, OnPremisesEnd } from '../verify/ports.ts';
import { cliTenantConnection, tenantOfConfig } from './cli-tenant.ts';
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
  const tenant = cliTenantConnection({
    tenant: tenantOfConfig(config),
    log,
    ...(options.env ? { env: options.env } : {}),
  });
  let session: LdapSession | undefined;
  try {
    // The tenant first: a missing sign-in is named before the DC is contacted.
    const feature = await forceChangeFeature(tenant);
    session = await LdapSession.open(
      config.directory.settings,
      config.directory.credentials,
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
