/**
 * The CLI keeps one saved sign-in file: bound to its tenant endpoint, so editing the tenant file's
 * authority, client id or Graph URL signs out instead of handing old tokens to a new host.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TokenCacheContext } from '@azure/msal-node';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../shared/logger.ts';
import type { TenantConfig } from '../../../electron/tenant/config.ts';
import { openKeyFileBox } from '../../../electron/tenant/key-file-box.ts';
import { EncryptedFileCache } from '../../../electron/tenant/token-cache.ts';

const dir = mkdtempSync(join(tmpdir(), 'phs-cache-binding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const box = openKeyFileBox(join(dir, 'cli-token.key'), true)!;
const A: TenantConfig = {
  authority: 'https://login.example/organizations',
  clientId: '11111111-1111-1111-1111-111111111111',
  graphBaseUrl: 'https://graph.example',
};

function context(serialized: string): { context: TokenCacheContext; loaded: string[] } {
  const loaded: string[] = [];
  const tokenCache = { deserialize: (text: string) => void loaded.push(text), serialize: () => serialized };
  return { context: { tokenCache, cacheHasChanged: true } as unknown as TokenCacheContext, loaded };
}

async function saveThenLoad(saveFor: TenantConfig, loadFor: TenantConfig): Promise<string[]> {
  const file = join(dir, `${Math.random().toString(16).slice(2)}.bin`);
  await new EncryptedFileCache(file, box, silentLogger, { endpoint: saveFor }).afterCacheAccess(
    context('{"AccessToken":{"t":1}}').context,
  );
  const read = context('unused');
  await new EncryptedFileCache(file, box, silentLogger, { endpoint: loadFor }).beforeCacheAccess(
    read.context,
  );
  return read.loaded;
}

describe('a token cache bound to its endpoint', () => {
  it('loads for the same endpoint', async () => {
    expect(await saveThenLoad(A, { ...A })).toEqual(['{"AccessToken":{"t":1}}']);
  });

  it('reads as empty for another Graph URL, authority or client id', async () => {
    for (const other of [
      { ...A, graphBaseUrl: 'https://attacker.example' },
      { ...A, authority: 'https://login.other/organizations' },
      { ...A, clientId: '22222222-2222-2222-2222-222222222222' },
    ])
      expect(await saveThenLoad(A, other)).toEqual([]);
  });
});
