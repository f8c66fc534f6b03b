/**
 * Where the app keeps the tenant sign-in: one sealed token cache per tenant endpoint, named by a
 * digest of it, so tokens issued for one endpoint (authority, client id, Graph URL, credential
 * endpoint, tenant, CA) are never loaded by a connection to another — not even when an older
 * connection (the running engine's) writes its cache again after the endpoint changed.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { endpointDigest, type TenantConfig } from '../tenant/config.ts';

const CACHE_FILE = /^tenant-token-cache(-[0-9a-f]{16})?\.bin$/;

export function tokenCacheFile(userDataDir: string, config: TenantConfig): string {
  return join(userDataDir, `tenant-token-cache-${endpointDigest(config)}.bin`);
}

/** Forgets every saved sign-in, of every endpoint (and the single cache of earlier versions). */
export function removeTokenCaches(userDataDir: string): void {
  let names: string[];
  try {
    names = readdirSync(userDataDir);
  } catch {
    return; // no folder yet: nothing saved
  }
  for (const name of names) if (CACHE_FILE.test(name)) rmSync(join(userDataDir, name), { force: true });
}
