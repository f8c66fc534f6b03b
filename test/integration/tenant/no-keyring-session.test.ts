/**
 * Without an OS secret store (Linux without a keyring), a sign-in still works for the session:
 * MSAL reloads its cache through the plugin before every silent lookup, and gets the session's
 * copy back from memory — while nothing is ever written to disk.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../../shared/logger.ts';
import { PushQueue } from '../../../electron/services/push-queue.ts';
import { SessionFallbackCache } from '../../../electron/services/session-fallback-cache.ts';
import { TenantConnection } from '../../../electron/tenant/connection.ts';
import { secretStoreUnavailable, type SecretBox } from '../../../electron/tenant/secret-box.ts';
import { EncryptedFileCache } from '../../../electron/tenant/token-cache.ts';
import type { TenantEmulator } from '../../lab/tenant/server.ts';
import { configOf, removeTempDirs, startEmulator, tempDir } from './helpers.ts';

let emu: TenantEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu?.close();
  removeTempDirs();
});

const NO_KEYRING: SecretBox = {
  availability: async () => ({ available: false, reason: secretStoreUnavailable('linux') }),
  encrypt: () => Promise.reject(secretStoreUnavailable('linux')),
  decrypt: () => Promise.reject(secretStoreUnavailable('linux')),
};

describe('a sign-in without a keyring', () => {
  it('is kept in memory for the session (silent tokens and Graph work), says so once, and writes nothing', async () => {
    const log = createLogger({ process: 'test', sinks: [memorySink()] });
    const pushes = new PushQueue(log);
    const notices: unknown[] = [];
    pushes.ready((_channel, payload) => notices.push(payload));
    const file = join(tempDir(), 'token-cache.bin');
    const cache = new SessionFallbackCache(new EncryptedFileCache(file, NO_KEYRING, log), pushes, log);
    const conn = new TenantConnection({ config: configOf(emu.info), cache, logger: log });
    try {
      await conn.auth.signInWithPassword(emu.info.admin.username, emu.info.admin.password);
      const first = await conn.auth.accessToken();
      expect(await conn.auth.accessToken()).toBe(first);
      expect((await conn.directory.me()).userPrincipalName).toBe(emu.info.admin.username);
      expect(await conn.auth.accessToken({ forceRefresh: true })).not.toBe('');
      expect(notices).toEqual([
        expect.objectContaining({ level: 'warning', remediation: expect.stringContaining('GNOME Keyring') }),
      ]);
      expect(existsSync(file)).toBe(false);
    } finally {
      conn.close();
    }
  });
});
