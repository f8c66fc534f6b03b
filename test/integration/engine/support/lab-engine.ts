/**
 * The sync engine in this process, joined by electron/host/assemble-engine.ts's joinEngine as the CLI's is
 * (MS-DRSR replication from the lab DC, the tenant over HTTPS, the hash pool, the state store) —
 * with a small replication page, so a full sync of 1,000 users spans many pages and a DC
 * outage can be placed in the middle of the replication stream, which a test needs to watch
 * and time precisely. Signed in with the emulator's password grant (no cache on disk).
 */
import type { SyncEngine } from '../../../../electron/engine/engine.ts';
import { joinEngine } from '../../../../electron/host/assemble-engine.ts';
import { CryptoSelfTest } from '../../../../electron/self-test/crypto-self-test.ts';
import { silentLogger } from '../../../../shared/logger.ts';
import type { EngineSettings } from '../../../../electron/engine/settings.ts';
import { DrsrReplicationSource } from '../../../../electron/host/drsr-source.ts';
import { DirectoryCatalog } from '../../../../electron/host/provisioning-sink.ts';
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
  const engine = joinEngine({
    source,
    catalog,
    tenant: conn,
    hasher: pool,
    selfTest: new CryptoSelfTest({ workers: pool }),
    store,
    settings: o.settings,
    log: silentLogger,
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
