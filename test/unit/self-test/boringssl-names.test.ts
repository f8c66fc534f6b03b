/**
 * The self-test asks only for names Electron's BoringSSL knows: `phs doctor` passes with node:crypto
 * narrowed to them (test/boringssl/narrow-crypto.ts) in the main thread and the hash worker alike.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { selfTestReportSchema } from '../../../shared/self-test-schemas.ts';

const NARROW = fileURLToPath(new URL('../../boringssl/narrow-crypto.ts', import.meta.url));
const CLI = fileURLToPath(new URL('../../../electron/cli/main.ts', import.meta.url));

describe('the crypto self-test under BoringSSL names', () => {
  it('passes every primitive in main and in the worker, through the narrowed functions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'phs-names-'));
    try {
      const log = join(dir, 'names.log');
      const run = spawnSync(process.execPath, ['--import', NARROW, CLI, 'doctor', '--json'], {
        env: { ...process.env, PHS_CRYPTO_NAMES_LOG: log },
        timeout: 30_000,
      });
      expect(run.stderr.toString()).toBe('');
      expect(run.status).toBe(0);
      expect(selfTestReportSchema.parse(JSON.parse(run.stdout.toString())).passed).toBe(true);
      const used = new Set(readFileSync(log, 'utf8').trim().split('\n'));
      for (const thread of ['main', 'worker'])
        for (const call of [
          'createHash md5',
          'createHmac md5',
          'createCipheriv des-ede3',
          'pbkdf2Sync sha256',
          'createCipheriv aes-256-gcm',
        ])
          expect(used).toContain(`${thread} ${call}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
