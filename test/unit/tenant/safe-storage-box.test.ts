/**
 * The app's SecretBox over the Electron stub's safeStorage: it says up front when the OS has no
 * real secret store (Linux's basic_text), refuses to seal or open then, and passes on os_crypt's
 * shouldReEncrypt so the AD password and the token cache are sealed again under the new key.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TokenCacheContext } from '@azure/msal-node';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('../electron/electron-mock.ts'));
import { safeStorage } from '../electron/electron-mock.ts';
import { createSafeStorageBox } from '../../../electron/platform/safe-storage-box.ts';
import { createLogger, memorySink } from '../../../shared/logger.ts';
import { SecretStore } from '../../../electron/services/secret-store.ts';
import { EncryptedFileCache } from '../../../electron/tenant/token-cache.ts';
import { ErrorCode } from '../../../shared/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'phs-safe-storage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const log = createLogger({ process: 'test', sinks: [memorySink()] });
const TARGET = {
  host: 'dc1.corp.example.com',
  port: 636,
  transport: 'ldaps',
  serverName: '',
  trust: { kind: 'system' },
} as const;

beforeEach(() => safeStorage.reset());

function cacheContext(serialized: string): { context: TokenCacheContext; loaded: string[] } {
  const loaded: string[] = [];
  const tokenCache = { deserialize: (text: string) => void loaded.push(text), serialize: () => serialized };
  return { context: { tokenCache, cacheHasChanged: true } as unknown as TokenCacheContext, loaded };
}

describe('the safeStorage secret box', () => {
  it('seals through safeStorage and opens again, binary-safe', async () => {
    const box = createSafeStorageBox('linux');
    expect(await box.availability()).toEqual({ available: true });
    const plain = Buffer.from([0, 255, 1, 2, 3]);
    const sealed = await box.encrypt(plain);
    expect(sealed.toString()).toMatch(/^v10:/);
    expect(await box.decrypt(sealed)).toEqual({ plain, reseal: false });
  });

  it("says before anything is sealed that Linux's basic_text store is no keyring, with the fix, and refuses to seal or open", async () => {
    safeStorage.backend = 'basic_text';
    const box = createSafeStorageBox('linux');
    const state = await box.availability();
    if (state.available) throw new Error('expected the box to be unavailable');
    expect(state.reason).toMatchObject({
      code: ErrorCode.TokenCacheUnavailable,
      message: expect.stringContaining('No keyring is available (no Secret Service)'),
      remediation: expect.stringMatching(
        /Install and unlock a Secret Service keyring — GNOME Keyring .* or KWallet/,
      ),
    });
    await expect(box.encrypt(Buffer.from('x'))).rejects.toEqual(state.reason);
    await expect(box.decrypt(Buffer.from('v10:78'))).rejects.toMatchObject({
      code: ErrorCode.TokenCacheUnavailable,
    });
  });

  it('is unavailable when os_crypt has no key (a locked macOS keychain), with that platform’s fix', async () => {
    safeStorage.available = false;
    const state = await createSafeStorageBox('darwin').availability();
    expect(state).toMatchObject({
      available: false,
      reason: { remediation: expect.stringContaining('keychain') },
    });
  });

  it('reports data it cannot open as TokenCacheCorrupt', async () => {
    await expect(createSafeStorageBox('linux').decrypt(Buffer.from('garbage'))).rejects.toMatchObject({
      code: ErrorCode.TokenCacheCorrupt,
    });
  });

  it('passes on shouldReEncrypt: the saved AD password is sealed again under the rotated key and stored', async () => {
    const file = join(dir, 'secrets.bin');
    const store = new SecretStore(file, createSafeStorageBox('linux'));
    await store.saveDirectoryCredential({ username: 'CORP\\svc', password: 'Pw-1', target: TARGET });
    expect(readFileSync(file, 'utf8')).toMatch(/^v10:/);
    safeStorage.keyVersion = 11;
    expect(await createSafeStorageBox('linux').decrypt(readFileSync(file))).toMatchObject({ reseal: true });
    expect(await store.directoryCredential()).toEqual({
      username: 'CORP\\svc',
      password: 'Pw-1',
      target: TARGET,
    });
    expect(readFileSync(file, 'utf8')).toMatch(/^v11:/);
    expect(await createSafeStorageBox('linux').decrypt(readFileSync(file))).toMatchObject({ reseal: false });
  });

  it('passes on shouldReEncrypt: the token cache is sealed again under the rotated key and stored', async () => {
    const file = join(dir, 'token-cache.bin');
    writeFileSync(file, await createSafeStorageBox('linux').encrypt(Buffer.from('{"Account":{}}')));
    safeStorage.keyVersion = 11;
    const cache = new EncryptedFileCache(file, createSafeStorageBox('linux'), log);
    const { context, loaded } = cacheContext('unused');
    await cache.beforeCacheAccess(context);
    expect(loaded).toEqual(['{"Account":{}}']);
    expect(readFileSync(file, 'utf8')).toMatch(/^v11:/);
    const again = cacheContext('unused');
    await cache.beforeCacheAccess(again.context);
    expect(again.loaded).toEqual(['{"Account":{}}']);
  });
});
