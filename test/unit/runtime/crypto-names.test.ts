/**
 * Every algorithm name written in main-process and worker code exists in Electron's BoringSSL
 * (test/boringssl/names.ts) — the static half of the guard; the live half runs the CLI against the
 * lab with node:crypto narrowed (test/integration/runtime/boringssl.test.ts). Also proves the
 * narrowing module refuses what BoringSSL lacks and passes what it has, on both threads' API.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isBoringSslCipher, isBoringSslDigest } from '../../boringssl/names.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const NARROW = join(ROOT, 'test/boringssl/narrow-crypto.ts');
const CALL =
  /\b(createCipheriv|createDecipheriv|createHash|createHmac|hash|hkdfSync|hkdf|pbkdf2Sync|pbkdf2)\(\s*(?:[^()]*?,\s*){0,4}?'([A-Za-z0-9-]+)'/g;
const CIPHER_FNS = new Set(['createCipheriv', 'createDecipheriv']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

function namesIn(text: string): { fn: string; name: string }[] {
  return [...text.matchAll(CALL)].map((m) => ({ fn: m[1]!, name: m[2]! }));
}

describe('crypto names in electron/', () => {
  const found = sources(join(ROOT, 'electron')).flatMap((file) =>
    namesIn(readFileSync(file, 'utf8')).map((n) => ({ ...n, file: file.slice(ROOT.length) })),
  );

  it('finds the names the engine uses (so the scan itself works)', () => {
    const names = new Set(found.map((f) => f.name));
    for (const expected of ['des-ede3', 'md5', 'sha256', 'aes-256-gcm']) expect(names).toContain(expected);
  });

  it('uses only names that Electron’s BoringSSL knows', () => {
    const missing = found.filter(
      (f) => !(CIPHER_FNS.has(f.fn) ? isBoringSslCipher(f.name) : isBoringSslDigest(f.name)),
    );
    expect(missing).toEqual([]);
  });

  it('the scan flags an OpenSSL-only name', () => {
    const bad = namesIn(
      "createDecipheriv('des-ede3-ecb', key, null); pbkdf2Sync(p, s, 1000, 32, 'sha3-256')",
    );
    expect(
      bad.filter((f) => (CIPHER_FNS.has(f.fn) ? !isBoringSslCipher(f.name) : !isBoringSslDigest(f.name))),
    ).toEqual([
      { fn: 'createDecipheriv', name: 'des-ede3-ecb' },
      { fn: 'pbkdf2Sync', name: 'sha3-256' },
    ]);
  });
});

describe('test/boringssl/narrow-crypto.ts', () => {
  function runNarrowed(code: string): string {
    return execFileSync(process.execPath, ['--import', NARROW, '--input-type=module', '-e', code], {
      encoding: 'utf8',
      timeout: 20_000,
    });
  }

  it('refuses OpenSSL-only names through ESM and CommonJS, and passes BoringSSL names', () => {
    const out = runNarrowed(`
      import crypto, { createCipheriv, createHash, pbkdf2Sync } from 'node:crypto';
      import { createRequire } from 'node:module';
      const cjs = createRequire(import.meta.url)('node:crypto');
      const tries = {
        esm: () => createCipheriv('des-ede3-ecb', Buffer.alloc(24), null),
        cjs: () => cjs.createDecipheriv('des-ede3-ecb', Buffer.alloc(24), null),
        digest: () => pbkdf2Sync('p', 's', 1, 8, 'sha3-256'),
      };
      const refused = Object.entries(tries).filter(([, f]) => { try { f(); return false; } catch { return true; } }).map(([k]) => k);
      createCipheriv('des-ede3', Buffer.alloc(24), null);
      crypto.createHmac('md5', 'k');
      console.log(JSON.stringify({ refused, md5: createHash('md5').update('').digest('hex') }));`);
    expect(JSON.parse(out)).toEqual({
      refused: ['esm', 'cjs', 'digest'],
      md5: 'd41d8cd98f00b204e9800998ecf8427e',
    });
  });
});
