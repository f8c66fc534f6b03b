import { chmodSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/errors.ts';
import { defaultKeyFile, openKeyFileBox } from '../../../electron/tenant/key-file-box.ts';

const made: string[] = [];
const dir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'phs-key-'));
  made.push(d);
  return d;
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('key-file secret box', () => {
  it('creates a 32-byte key with mode 0600 in a 0700 folder, and seals with AES-256-GCM', async () => {
    const file = join(dir(), 'sub', 'k.key');
    const box = openKeyFileBox(file, true)!;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(file).size).toBe(32);
    expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700);
    const sealed = await box.encrypt(Buffer.from('{"secret":"abc"}'));
    expect(sealed.subarray(0, 5).toString()).toBe('PHSC1');
    expect(sealed.includes(Buffer.from('secret'))).toBe(false);
    expect((await openKeyFileBox(file, false)!.decrypt(sealed)).plain.toString()).toBe('{"secret":"abc"}');
    expect(Buffer.compare(await box.encrypt(Buffer.from('x')), await box.encrypt(Buffer.from('x')))).not.toBe(0);
  });

  it('refuses tampered or foreign ciphertext as TokenCacheCorrupt', async () => {
    const box = openKeyFileBox(join(dir(), 'k'), true)!;
    const sealed = await box.encrypt(Buffer.from('hello'));
    sealed[sealed.length - 1]! ^= 1;
    await expect(box.decrypt(sealed)).rejects.toMatchObject({ code: ErrorCode.TokenCacheCorrupt });
    await expect(box.decrypt(Buffer.from('plain text'))).rejects.toMatchObject({ code: ErrorCode.TokenCacheCorrupt });
    const other = openKeyFileBox(join(dir(), 'k2'), true)!;
    await expect(other.decrypt(await box.encrypt(Buffer.from('x')))).rejects.toMatchObject({ code: ErrorCode.TokenCacheCorrupt });
  });

  it('refuses a key file open to group or others, a symlink, or a wrong size; returns undefined when missing and not to be created', () => {
    const d = dir();
    const file = join(d, 'k');
    openKeyFileBox(file, true);
    for (const mode of [0o640, 0o604, 0o660]) {
      chmodSync(file, mode);
      expect(() => openKeyFileBox(file, false)).toThrow(expect.objectContaining({ code: ErrorCode.TokenCacheKeyInsecure }));
    }
    chmodSync(file, 0o600);
    symlinkSync(file, join(d, 'link'));
    expect(() => openKeyFileBox(join(d, 'link'), false)).toThrow(expect.objectContaining({ code: ErrorCode.TokenCacheKeyInsecure }));
    writeFileSync(join(d, 'short'), Buffer.alloc(16), { mode: 0o600 });
    expect(() => openKeyFileBox(join(d, 'short'), false)).toThrow(expect.objectContaining({ code: ErrorCode.TokenCacheCorrupt }));
    expect(openKeyFileBox(join(d, 'missing'), false)).toBeUndefined();
  });

  it('defaults to $XDG_CONFIG_HOME/phs-sync/cli-token.key, else ~/.config', () => {
    expect(defaultKeyFile({ XDG_CONFIG_HOME: '/x/cfg' })).toBe('/x/cfg/phs-sync/cli-token.key');
    expect(defaultKeyFile({})).toMatch(/\/\.config\/phs-sync\/cli-token\.key$/);
    expect(defaultKeyFile({ XDG_CONFIG_HOME: 'relative' })).toMatch(/\/\.config\/phs-sync\/cli-token\.key$/);
  });
});
