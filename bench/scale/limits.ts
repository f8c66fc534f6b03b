/**
 * The tenant path's own limit for `npm run bench:scale`, measured on a fresh emulator tenant
 * with the engine's own client parts (test/integration/engine/support/bench-limits.ts does the
 * same for bench:sync): `users` ready-made credentials through the provisioning sink, pages of
 * `page` users, `pagesAtOnce` pages at once, each page in requests of `batch` items —
 *  - first time: a Graph upsert per new user (8 at a time), then the credential requests;
 *  - second time (the same users, a later change): credential requests only.
 * Client and emulator share this process, as in bench:sync's figure.
 */
import { randomBytes } from 'node:crypto';
import type { CredentialItem } from '../../electron/engine/ports.ts';
import { DirectoryCatalog, provisioningSink } from '../../electron/host/provisioning-sink.ts';
import { tenantDomainsOf } from '../../electron/host/tenant-control.ts';
import { newSalt, wireFromNtHash } from '../../electron/phs/orgid.ts';
import { parseTenantConfig } from '../../electron/tenant/config.ts';
import { TenantConnection } from '../../electron/tenant/connection.ts';
import { UNLIMITED } from '../../test/integration/engine/support/tenant.ts';
import { startTenantEmulator } from '../../test/lab/tenant/server.ts';
import { SCALE_BASE_DN, SCALE_DOMAIN } from './directory-model.ts';

export interface TenantPathRates {
  /** Users per second, a new cloud user each (upsert + credential). */
  readonly firstDelivery: number;
  /** Credentials per second to existing users. */
  readonly credentialsOnly: number;
}

export interface TenantPathShape {
  readonly users: number;
  readonly batch: number;
  readonly page: number;
  readonly pagesAtOnce: number;
}

export async function tenantPathRates(shape: TenantPathShape, dir: string): Promise<TenantPathRates> {
  const emu = await startTenantEmulator({ dir, credentialRateLimit: UNLIMITED });
  const conn = new TenantConnection({ config: parseTenantConfig(emu.info) });
  try {
    await conn.auth.signInWithPassword(emu.info.admin.username, emu.info.admin.password);
    await conn.directory.setOnPremisesSyncEnabled(true);
    await conn.directory.setSyncFeatures({ passwordSyncEnabled: true });
    const catalog = new DirectoryCatalog();
    const credentialData = wireFromNtHash(randomBytes(16), newSalt());
    const anchors = Array.from({ length: shape.users }, (_, i) => {
      const anchor = randomBytes(16).toString('base64');
      const sam = `tenantpath${i}`;
      catalog.remember(anchor, {
        dn: `CN=${sam},${SCALE_BASE_DN}`,
        userPrincipalName: `${sam}@${SCALE_DOMAIN}`,
        samAccountName: sam,
        enabled: true,
      });
      return anchor;
    });
    const sink = provisioningSink(conn.credentials!, catalog, {
      upsert: (u) => conn.directory.upsertSyncedUser(u),
      tenantDomains: () => tenantDomainsOf(conn.directory),
    });
    const pass = async (changeDate: string): Promise<number> => {
      const items: CredentialItem[] = anchors.map((sourceAnchor) => ({
        sourceAnchor,
        credentialData,
        forceChangePasswordOnLogon: false,
        changeDate,
      }));
      const pages = Array.from({ length: Math.ceil(items.length / shape.page) }, (_, p) =>
        items.slice(p * shape.page, (p + 1) * shape.page),
      );
      const started = performance.now();
      const worker = async (): Promise<void> => {
        for (let page = pages.shift(); page !== undefined; page = pages.shift()) {
          for (let i = 0; i < page.length; i += shape.batch) {
            const results = await sink.deliver(page.slice(i, i + shape.batch));
            const bad = results.find((r) => r.outcome !== 'success');
            if (bad) throw new Error(`the tenant path answered ${bad.outcome} for ${bad.sourceAnchor}`);
          }
        }
      };
      await Promise.all(Array.from({ length: shape.pagesAtOnce }, worker));
      return shape.users / ((performance.now() - started) / 1000);
    };
    const firstDelivery = await pass('2025-01-01T00:00:00.000Z');
    const credentialsOnly = await pass('2025-01-02T00:00:00.000Z');
    return { firstDelivery, credentialsOnly };
  } finally {
    conn.close();
    await emu.close();
  }
}
