import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../../../shared/errors.ts';

const fake = vi.hoisted(() => ({
  available: true,
  backend: 'gnome_libsecret',
  isAsyncEncryptionAvailable: () => Promise.resolve(fake.available),
  getSelectedStorageBackend: () => fake.backend,
  encryptStringAsync: (text: string) => Promise.resolve(Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`)),
  decryptStringAsync: (sealed: Buffer) => {
    const s = sealed.toString();
    if (!s.startsWith('sealed:')) return Promise.reject(new Error('bad'));
    return Promise.resolve({ result: Buffer.from(s.slice(7), 'hex').toString(), shouldReEncrypt: false });
  },
}));
vi.mock('electron', () => ({ safeStorage: fake }));

const { createSafeStorageBox } = await import('../../../electron/platform/safe-storage-box.ts');

beforeEach(() => {
  fake.available = true;
  fake.backend = 'gnome_libsecret';
});

describe('safeStorage secret box', () => {
  it('seals through safeStorage and opens again, binary-safe', async () => {
    const box = createSafeStorageBox();
    const plain = Buffer.from([0, 255, 1, 2, 3]);
    const sealed = await box.encrypt(plain);
    expect(sealed.toString()).toMatch(/^sealed:/);
    expect(await box.decrypt(sealed)).toEqual(plain);
  });

  it('refuses to seal or open when encryption is unavailable, or only the constant-key basic_text store exists on Linux', async () => {
    const box = createSafeStorageBox();
    fake.available = false;
    await expect(box.encrypt(Buffer.from('x'))).rejects.toMatchObject({ code: ErrorCode.TokenCacheUnavailable });
    await expect(box.decrypt(Buffer.from('sealed:78'))).rejects.toMatchObject({ code: ErrorCode.TokenCacheUnavailable });
    fake.available = true;
    fake.backend = 'basic_text';
    if (process.platform === 'linux') await expect(box.encrypt(Buffer.from('x'))).rejects.toMatchObject({ code: ErrorCode.TokenCacheUnavailable });
  });

  it('reports data it cannot open as TokenCacheCorrupt', async () => {
    await expect(createSafeStorageBox().decrypt(Buffer.from('garbage'))).rejects.toMatchObject({ code: ErrorCode.TokenCacheCorrupt });
  });
});
