/**
 * The sync engine in this process, built from the same real parts as electron/host/composition-root.ts (openCliEngine)
 * (MS-DRSR replication from the lab DC, the tenant over HTTPS, the hash pool, the state store) —
 * with a small replication page, so a full sync of 1,000 users spans many pages and a DC
 * outage can be placed in the middle of the replication stream, which a test needs to watch
 * and time precisely. Signed in with the emulator's password grant (no cache on disk).
 */
import { createSyncEngine, type SyncEngine } from '../../../../electron/engine/engine.ts';
import type { EngineSettings } from '../../../../electron/engine/settings.ts';
import { DrsrReplicationSource } from '../../../../electron/host/drsr-source.ts';
import { DirectoryCatalog, provisioningSink } from '../../../../electron/host/provisioning-sink.ts';
import { tenantControl, tenantDomainsOf } from '../../../../electron/host/tenant-control.ts';
import { HashPool } from '../../../../electron/phs/pool.ts';
import { openSyncStore } from '../../../../electron/store/sync-state.ts';
import { parseTenantConfig } from '../../../../electron/tenant/config.ts';
import { TenantConnection } from '../../../../electron/tenant/connection.ts';
import type { LabInfo } from '../../../lab/lab-info.ts';
import type { TenantEmulatorInfo } from '../../../lab/tenant/info.ts';

export interface LabEngine {
  readonly engine: SyncEngine;
  close(): Promise<void>;
}

export interface LabEngineOptions {
  readonly stateDir: string;
  /** Objects per replication page (GetNCChanges cMaxObjects). */
  readonly pageSize: number;
  readonly settings: Partial<EngineSettings>;
}

export async function openLabEngine(
  lab: LabInfo,
  tenant: TenantEmulatorInfo,
  o: LabEngineOptions,
): Promise<LabEngine> {
  const conn = new TenantConnection({ config: parseTenantConfig(tenant) });
  await conn.auth.signInWithPassword(tenant.admin.username, tenant.admin.password);
  const catalog = new DirectoryCatalog();
  const source = new DrsrReplicationSource({
    connect: {
      host: lab.host,
      username: 'Administrator',
      domain: lab.netbiosDomain,
      password: lab.admin.password,
    },
    pageSize: o.pageSize,
    catalog,
  });
  const store = await openSyncStore(o.stateDir, { readOnly: false });
  const pool = new HashPool();
  const engine = createSyncEngine({
    source,
    tenant: tenantControl(conn.directory),
    sink: provisioningSink(conn.credentials!, catalog, {
      upsert: (u) => conn.directory.upsertSyncedUser(u),
      tenantDomains: () => tenantDomainsOf(conn.directory),
    }),
    hasher: pool,
    store,
    settings: o.settings,
  });
  return {
    engine,
    async close() {
      await engine.stop();
      await Promise.allSettled([pool.close(), source.close(), store.close()]);
      conn.close();
    },
  };
}
