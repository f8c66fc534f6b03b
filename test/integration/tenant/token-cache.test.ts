import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/errors.ts';
import { openKeyFileBox } from '../../../electron/tenant/key-file-box.ts';
import type { TenantEmulator } from '../../lab/tenant/server.ts';
import { connectTo, removeTempDirs, startEmulator, tempDir } from './helpers.ts';

let emu: TenantEmulator;

beforeAll(async () => {
  emu = await startEmulator();
});

afterAll(async () => {
  await emu?.close();
  removeTempDirs();
});

function secretsIn(plain: string): string[] {
  const cache = JSON.parse(plain) as Record<string, Record<string, { secret?: string }>>;
  return ['AccessToken', 'RefreshToken', 'IdToken'].flatMap((kind) => Object.values(cache[kind] ?? {}).map((e) => e.secret ?? ''));
}

describe('the token cache on disk', () => {
  it('holds no token text: the access, refresh and ID tokens are only inside the AES-GCM ciphertext', async () => {
    const dir = tempDir();
    const { conn, cacheFile, keyFile } = connectTo(emu.info, { dir });
    try {
      await conn.auth.signInWithPassword(emu.info.admin.username, emu.info.admin.password);
      const accessToken = await conn.auth.accessToken();
      const raw = readFileSync(cacheFile);
      const text = raw.toString('latin1');
      const plain = (await openKeyFileBox(keyFile, false)!.decrypt(raw)).plain.toString('utf8');
      const secrets = secretsIn(plain);
      expect(secrets).toHaveLength(3);
      expect(secrets).toContain(accessToken);
      for (const secret of secrets) {
        expect(secret.length).toBeGreaterThan(20);
        expect(plain).toContain(secret); // the search below can find what it looks for
        expect(text).not.toContain(secret);
        expect(raw.includes(Buffer.from(secret).toString('base64').slice(0, 40))).toBe(false);
      }
      for (const needle of ['eyJ', '0.emu.', 'RefreshToken', 'secret', emu.info.admin.username, emu.info.tenantId]) {
        expect(text.includes(needle), needle).toBe(false);
      }
      expect(raw.subarray(0, 5).toString()).toBe('PHSC1');
      expect(statSync(cacheFile).mode & 0o777).toBe(0o600);
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    } finally {
      conn.close();
    }
  });

  it('keeps the sign-in across restarts, and forgets it on sign-out', async () => {
    const dir = tempDir();
    const first = connectTo(emu.info, { dir });
    await first.conn.auth.signInWithPassword(emu.info.hybridAdmin.username, emu.info.hybridAdmin.password);
    first.conn.close();
    const second = connectTo(emu.info, { dir });
    try {
      expect((await second.conn.auth.account())?.username).toBe(emu.info.hybridAdmin.username);
      emu.admin.clearEvents();
      expect((await second.conn.directory.me()).userPrincipalName).toBe(emu.info.hybridAdmin.username);
      expect(emu.admin.events('token')).toHaveLength(0); // the cached access token was used
      await second.conn.auth.signOut();
      expect(await second.conn.auth.account()).toBeUndefined();
      await expect(second.conn.auth.accessToken()).rejects.toMatchObject({ code: ErrorCode.TenantNotSignedIn });
    } finally {
      second.conn.close();
    }
  });

  it('refuses a key file that group or others can read, and treats a cache sealed under another key as empty', async () => {
    const dir = tempDir();
    const first = connectTo(emu.info, { dir });
    await first.conn.auth.signInWithPassword(emu.info.admin.username, emu.info.admin.password);
    first.conn.close();
    const keyFile = join(dir, 'key');
    chmodSync(keyFile, 0o640);
    expect(() => openKeyFileBox(keyFile, false)).toThrow(expect.objectContaining({ code: ErrorCode.TokenCacheKeyInsecure, message: expect.stringContaining('0640') }));
    chmodSync(keyFile, 0o600);
    writeFileSync(keyFile, Buffer.alloc(32, 7));
    const other = connectTo(emu.info, { dir });
    try {
      expect(await other.conn.auth.account()).toBeUndefined();
    } finally {
      other.conn.close();
    }
  });
});
