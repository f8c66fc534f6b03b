/**
 * The limits `npm run bench:sync` prints beside its figures, measured in the same run: the hash
 * pool's rate, the DC's replication rate, and the engine's tenant path alone (the provisioning
 * sink and the credential endpoint, fed ready-made credentials) — so the reader sees what
 * bounds a full sync.
 */
import { randomBytes } from 'node:crypto';
import { DrsrClient } from '../../../../electron/directory/drsr/client.ts';
import { DirectoryCatalog, provisioningSink } from '../../../../electron/host/provisioning-sink.ts';
import { tenantDomainsOf } from '../../../../electron/host/tenant-control.ts';
import { newSalt, wireFromNtHash } from '../../../../electron/phs/orgid.ts';
import { HashPool, type HashItem } from '../../../../electron/phs/pool.ts';
import { parseTenantConfig } from '../../../../electron/tenant/config.ts';
import { TenantConnection } from '../../../../electron/tenant/connection.ts';
import type { CredentialItem } from '../../../../electron/engine/ports.ts';
import type { LabInfo } from '../../../lab/lab-info.ts';
import { startTenantEmulator } from '../../../lab/tenant/server.ts';
import { UNLIMITED } from './tenant.ts';

/** PHS hashes per second through the hash pool the engine uses (all cores), for `seconds`. */
export async function poolRate(
  seconds: number,
): Promise<{ readonly rate: number; readonly workers: number }> {
  const pool = new HashPool();
  const batch = (): HashItem[] => Array.from({ length: 256 }, () => ({ ntHash: randomBytes(16) }));
  try {
    await pool.hash(batch());
    const started = performance.now();
    const deadline = started + seconds * 1000;
    let hashed = 0;
    function* source(): Generator<HashItem[]> {
      while (performance.now() < deadline) yield batch();
    }
    for await (const wires of pool.map(source())) hashed += wires.length;
    return { rate: hashed / ((performance.now() - started) / 1000), workers: pool.size };
  } finally {
    await pool.close();
  }
}

/** One full replication of the domain with its hashes (decrypted), as the engine's source reads it. */
export async function replicationRate(
  lab: LabInfo,
): Promise<{ readonly users: number; readonly seconds: number }> {
  const started = performance.now();
  const client = await DrsrClient.connect({
    host: lab.host,
    username: 'Administrator',
    domain: lab.netbiosDomain,
    password: lab.admin.password,
  });
  let users = 0;
  try {
    for await (const page of client.fullSync({ pageSize: 1000 })) {
      users += page.users.length;
      for (const u of page.users) u.ntHash?.fill(0);
    }
  } finally {
    await client.close();
  }
  return { users, seconds: (performance.now() - started) / 1000 };
}

/** Pages of users, and pages at once, as the engine delivers them (settings: pagesInFlight 3, DRSR pages of 1,000). */
const PAGE = 1000;
const PAGES_AT_ONCE = 3;

/**
 * The engine's tenant path alone, into a fresh emulator tenant: each page's new users are upserted
 * (Graph, 8 at a time), then their credentials sent in batches of 500 — `users` users, per second.
 */
export async function tenantRate(lab: LabInfo, users: number, dir: string): Promise<number> {
  const emu = await startTenantEmulator({ dir, credentialRateLimit: UNLIMITED });
  const conn = new TenantConnection({ config: parseTenantConfig(emu.info) });
  try {
    await conn.auth.signInWithPassword(emu.info.admin.username, emu.info.admin.password);
    await conn.directory.setOnPremisesSyncEnabled(true);
    await conn.directory.setSyncFeatures({ passwordSyncEnabled: true });
    const catalog = new DirectoryCatalog();
    const credentialData = wireFromNtHash(randomBytes(16), newSalt());
    const items: CredentialItem[] = Array.from({ length: users }, (_, i) => {
      const sourceAnchor = randomBytes(16).toString('base64');
      const sam = `tenantbench${i}`;
      catalog.remember(sourceAnchor, {
        dn: `CN=${sam},${lab.baseDn}`,
        userPrincipalName: `${sam}@${lab.dnsDomain}`,
        samAccountName: sam,
        enabled: true,
      });
      return {
        sourceAnchor,
        credentialData,
        forceChangePasswordOnLogon: false,
        changeDate: new Date().toISOString(),
      };
    });
    const sink = provisioningSink(conn.credentials!, catalog, {
      upsert: (u) => conn.directory.upsertSyncedUser(u),
      tenantDomains: () => tenantDomainsOf(conn.directory),
    });
    const pages = Array.from({ length: Math.ceil(users / PAGE) }, (_, p) =>
      items.slice(p * PAGE, (p + 1) * PAGE),
    );
    const started = performance.now();
    const worker = async (): Promise<void> => {
      for (let page = pages.shift(); page !== undefined; page = pages.shift()) {
        for (let i = 0; i < page.length; i += 500) await sink.deliver(page.slice(i, i + 500));
      }
    };
    await Promise.all(Array.from({ length: PAGES_AT_ONCE }, worker));
    return users / ((performance.now() - started) / 1000);
  } finally {
    conn.close();
    await emu.close();
  }
}
