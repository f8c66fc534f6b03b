import { mkdtempSync, readFileSync, rmSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SecretStore } from '../../../electron/services/secret-store.ts';
import { openKeyFileBox } from '../../../electron/tenant/key-file-box.ts';
import type { SecretBox } from '../../../electron/tenant/secret-box.ts';
import { AppError, ErrorCode } from '../../../shared/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'phs-secrets-'));
const TARGET = { host: 'dc1.corp.example.com', port: 636, transport: 'ldaps', serverName: '', trust: { kind: 'system' } } as const;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SecretStore', () => {
  it('seals the AD credential: the file never holds the password, and it opens again', async () => {
    const file = join(dir, 'secrets.bin');
    const store = new SecretStore(file, openKeyFileBox(join(dir, 'key'), true)!);
    expect(store.exists()).toBe(false);
    expect(await store.directoryCredential()).toBeUndefined();
    await store.saveDirectoryCredential({ username: 'CORP\\svc', password: 'S3cret-Passw0rd!', target: TARGET });
    expect(store.exists()).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const raw = readFileSync(file);
    expect(raw.includes('S3cret-Passw0rd!')).toBe(false);
    expect(raw.includes(Buffer.from('S3cret-Passw0rd!', 'utf16le'))).toBe(false);
    expect(await store.directoryCredential()).toEqual({
      username: 'CORP\\svc',
      password: 'S3cret-Passw0rd!',
      target: TARGET,
    });
  });

  it('writes nothing when the OS has no secret store, and says so with the remedy', async () => {
    const refusing: SecretBox = {
      availability: async () => ({
        available: false,
        reason: new AppError(ErrorCode.TokenCacheUnavailable, 'no secret store', 'run a keyring'),
      }),
      encrypt: () =>
        Promise.reject(new AppError(ErrorCode.TokenCacheUnavailable, 'no secret store', 'run a keyring')),
      decrypt: () =>
        Promise.reject(new AppError(ErrorCode.TokenCacheUnavailable, 'no secret store', 'run a keyring')),
    };
    const file = join(dir, 'refused.bin');
    const store = new SecretStore(file, refusing);
    await expect(store.saveDirectoryCredential({ username: 'u', password: 'p', target: TARGET })).rejects.toMatchObject({
      code: ErrorCode.TokenCacheUnavailable,
      remediation: 'run a keyring',
    });
    expect(existsSync(file)).toBe(false);
  });

  it('reads a file sealed under another key as corrupt, never as plain text', async () => {
    const file = join(dir, 'other.bin');
    await new SecretStore(file, openKeyFileBox(join(dir, 'key-a'), true)!).saveDirectoryCredential({
      username: 'u',
      password: 'p',
      target: TARGET,
    });
    await expect(
      new SecretStore(file, openKeyFileBox(join(dir, 'key-b'), true)!).directoryCredential(),
    ).rejects.toMatchObject({ code: ErrorCode.TokenCacheCorrupt });
  });
});
