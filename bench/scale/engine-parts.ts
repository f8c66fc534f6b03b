/**
 * The sync engine of `npm run bench:scale`, joined by electron/host/assemble-engine.ts's joinEngine
 * (tenant control, the provisioning sink over the tenant's credential port with users delivered
 * before counted as provisioned, the hash pool, the crypto self-test, the journal store) — with
 * the generated source in place of MS-DRSR replication, and the tenant signed in as the CLI is
 * (`phs tenant login`'s saved sign-in under `home`).
 */
import type { SyncEngine } from '../../electron/engine/engine.ts';
import { joinEngine } from '../../electron/host/assemble-engine.ts';
import { cliTenantConnection, hashPool } from '../../electron/host/composition-root.ts';
import { DirectoryCatalog } from '../../electron/host/provisioning-sink.ts';
import type { HashPool } from '../../electron/phs/pool.ts';
import { CryptoSelfTest } from '../../electron/self-test/crypto-self-test.ts';
import type { SyncStore } from '../../electron/store/sync-state.ts';
import { loadTenantConfigFile } from '../../electron/tenant/config.ts';
import type { TenantConnection } from '../../electron/tenant/connection.ts';
import { silentLogger } from '../../shared/logger.ts';
import { GeneratedSource } from './generated-source.ts';
import type { ChildTask } from './protocol.ts';

export interface ScaleEngine {
  readonly engine: SyncEngine;
  readonly source: GeneratedSource;
  readonly pool: HashPool;
  readonly tenant: TenantConnection;
  /** Stops the engine, then the pool and the tenant connection (not the store). */
  close(): Promise<void>;
}

export function buildEngine(task: ChildTask, store: SyncStore): ScaleEngine {
  const tenant = cliTenantConnection({
    tenant: loadTenantConfigFile(task.tenantFile),
    log: silentLogger,
    env: { ...process.env, XDG_CONFIG_HOME: task.home },
  });
  const catalog = new DirectoryCatalog();
  const source = new GeneratedSource({ users: task.users, pageSize: task.pageSize, catalog });
  const pool = hashPool();
  const engine = joinEngine({
    source,
    catalog,
    tenant,
    hasher: pool,
    selfTest: new CryptoSelfTest({ workers: pool }),
    store,
    settings: {},
    log: silentLogger,
  });
  return {
    engine,
    source,
    pool,
    tenant,
    async close() {
      await engine.stop();
      await pool.close();
      tenant.close();
    },
  };
}
