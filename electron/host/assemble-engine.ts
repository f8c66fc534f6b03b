/**
 * The one place the sync engine is put together from its real parts — replication from the DC
 * (MS-DRSR over RPC with NTLM), the tenant (Graph + the credential port, creating cloud users
 * that do not exist yet), a hasher and the state store. The CLI (composition-root.ts openCliEngine) and the app
 * (app-engine.ts) differ only in where the settings, credential and tenant session come from.
 */
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { ntlmAccount } from '../directory/drsr/ntlm/account.ts';
import { createSyncEngine, type SyncEngine } from '../engine/engine.ts';
import type { CredentialSink, CryptoGate, Hasher, ReplicationSource } from '../engine/ports.ts';
import type { EngineSettings } from '../engine/settings.ts';
import type { Logger } from '../../shared/logger.ts';
import type { SyncStore } from '../store/sync-state.ts';
import type { TenantConnection } from '../tenant/connection.ts';
import { refuseEnableWithoutDelivery } from './deliver-guard.ts';
import { DrsrReplicationSource } from './drsr-source.ts';
import { DirectoryCatalog, provisioningSink } from './provisioning-sink.ts';
import { tenantControl, tenantDomainsOf } from './tenant-control.ts';

export interface EngineParts {
  /** The domain controller's host name or address (RPC: TCP 135 and its dynamic port). */
  readonly host: string;
  /** DOMAIN\name or name@domain, and its password. */
  readonly credential: { readonly username: string; readonly password: string };
  readonly tenant: TenantConnection;
  readonly hasher: Hasher;
  /** The crypto self-test of this process: no cycle runs while it fails. */
  readonly selfTest: CryptoGate;
  readonly store: SyncStore;
  readonly settings: Partial<EngineSettings>;
  readonly log: Logger;
}

export interface AssembledEngine {
  readonly engine: SyncEngine;
  /** Stops the engine and closes the replication connections (not the store, hasher or tenant). */
  close(): Promise<void>;
}

export function assembleEngine(parts: EngineParts): AssembledEngine {
  const { host, log } = parts;
  const account = ntlmAccount(parts.credential.username);
  const catalog = new DirectoryCatalog();
  const source = new DrsrReplicationSource({
    connect: { host, ...account, password: parts.credential.password, log: log.child('drsr') },
    catalog,
  });
  const engine = joinEngine({ ...parts, source, catalog });
  return {
    engine,
    async close() {
      await engine.stop();
      await source.close();
    },
  };
}

export interface JoinedParts extends Omit<EngineParts, 'host' | 'credential'> {
  /** Where users and their hashes come from (MS-DRSR here; a generated source in bench:scale). */
  readonly source: ReplicationSource;
  /** What the source learned of each object, for the provisioning sink's cloud users. */
  readonly catalog: DirectoryCatalog;
}

/** The engine over its parts: tenant control, the provisioning sink over the credential port, the hasher, the store. */
export function joinEngine(parts: JoinedParts): SyncEngine {
  const { tenant, store, log } = parts;
  const engine = createSyncEngine({
    source: parts.source,
    tenant: tenantControl(tenant.directory),
    sink: provisioningSink(credentialSink(tenant), parts.catalog, {
      upsert: (u) => tenant.directory.upsertSyncedUser(u),
      tenantDomains: () => tenantDomainsOf(tenant.directory),
      // Users delivered before exist in the cloud already: no upsert for them.
      provisionedBefore: deliveredAnchors(store),
    }),
    hasher: parts.hasher,
    selfTest: parts.selfTest,
    store,
    settings: parts.settings,
    logger: log.child('engine'),
  });
  // No credential endpoint: enable would switch on sync in the tenant with nowhere to deliver (deliver-guard.ts).
  const deliverable = tenant.credentials !== undefined || parts.settings.stagingMode === true;
  return deliverable ? engine : refuseEnableWithoutDelivery(engine);
}

/** Users whose credential the tenant acknowledged before: their cloud user exists. */
export function deliveredAnchors(store: SyncStore): string[] {
  return [...store.state.users.values()].filter((u) => u.deliveredAt !== null).map((u) => u.sourceAnchor);
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
