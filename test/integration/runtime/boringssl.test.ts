/**
 * The desktop app runs on Electron's BoringSSL; the CLI on Node's OpenSSL. Here the real `phs`
 * runs against the lab DC and the tenant emulator with `node:crypto` narrowed to BoringSSL's
 * names (test/boringssl/narrow-crypto.ts, in the main thread and the hash workers): the whole
 * replication path (NTLM, the session-key MD5/RC4 layer, the RID-keyed DES layer), the hash
 * transform in the workers, the sealed sign-in, a full and a delta cycle. A name that exists
 * only in OpenSSL (as `des-ede3-ecb` did) fails this file.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ntHash } from '../../../electron/crypto/md4.ts';
import { wireFromNtHash } from '../../../electron/phs/orgid.ts';
import { BULK_OU, EXCLUDED_OU, SYNC_OU } from '../../lab/fixtures.ts';
import { labInfo } from '../lab.ts';
import { createOwnOu, deleteOu, sambaToolSetPassword, type OwnUser } from '../engine/support/directory.ts';
import { describeRun, killAllPhs, phs, type PhsResult } from '../engine/support/phs-cli.ts';
import { signIn, startSignedInTenant, type SignedInTenant } from '../engine/support/tenant.ts';
import { removeTempDirs, tempDir, writeEngineConfig } from '../engine/support/workspace.ts';

const NARROW = fileURLToPath(new URL('../../boringssl/narrow-crypto.ts', import.meta.url));
const SALT = '317ee9d1dec6508fa510';
const lab = labInfo();
const tag = randomBytes(3).toString('hex');
const dir = tempDir('phs-boringssl-');
const namesLog = join(dir, 'crypto-names.log');
const narrowed = { nodeArgs: ['--import', NARROW], env: { PHS_CRYPTO_NAMES_LOG: namesLog } } as const;
let tenant: SignedInTenant;
let config: string;
let ou: string | undefined;
let changer: OwnUser;

function run(args: readonly string[], home: string): Promise<PhsResult> {
  return phs(args, { ...narrowed, home });
}

function namesUsed(): string[] {
  return readFileSync(namesLog, 'utf8').trim().split('\n');
}

beforeAll(async () => {
  writeFileSync(namesLog, '');
  const own = await createOwnOu(lab, `BoringSSL ${tag}`, [
    { sam: `bssl${tag}`, password: `Before-Ω-${tag}-1` },
  ]);
  ou = own.ou;
  changer = own.users[0]!;
  tenant = await startSignedInTenant(join(dir, 'tenant'), {}, narrowed);
  config = writeEngineConfig(join(dir, 'config.json'), lab, {
    tenantFile: tenant.tenantFile,
    stateDir: join(dir, 'state'),
    includeOUs: [SYNC_OU],
    excludeOUs: [EXCLUDED_OU, BULK_OU],
  });
});

afterAll(async () => {
  await killAllPhs();
  if (ou) await deleteOu(lab, ou);
  await tenant?.emu.close();
  removeTempDirs();
});

describe('with node:crypto narrowed to BoringSSL names', () => {
  it('the narrowing refuses an OpenSSL-only name, so this file can fail', async () => {
    const probe = join(dir, 'probe.mjs');
    writeFileSync(
      probe,
      "import { createCipheriv } from 'node:crypto'; createCipheriv('des-ede3-ecb', Buffer.alloc(24), null);",
    );
    const result = spawnSync(process.execPath, ['--import', NARROW, probe], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("Invalid cipher: des-ede3-ecb (not in Electron's BoringSSL");
  });

  it('phs ad credential replicates each fixture user and prints the right wire string', async () => {
    const admin = join(dir, 'admin.json');
    writeFileSync(
      admin,
      JSON.stringify({
        url: lab.ldapsUrl,
        caFile: lab.caFile,
        serverName: lab.serverName,
        username: lab.admin.netbiosName,
        password: lab.admin.password,
      }),
      { mode: 0o600 },
    );
    for (const name of ['ascii.user', 'unicode.user', 'astral.user', 'long.user', 'quote.user']) {
      const user = lab.users.find((u) => u.sAMAccountName === name);
      if (!user?.password) throw new Error(`the lab has no fixture ${name} with a password`);
      const args = ['ad', 'credential', '--directory', admin, '--user', name, '--salt', SALT];
      const result = await run(args, tenant.home);
      expect(result.status, describeRun(args, result)).toBe(0);
      expect(result.stdout).toBe(`${wireFromNtHash(ntHash(user.password), Buffer.from(SALT, 'hex'))}\n`);
    }
    // NTLM (HMAC-MD5, MD5), the session-key layer (MD5 + RC4) and the RID-keyed DES layer ran narrowed.
    expect(namesUsed()).toEqual(
      expect.arrayContaining([
        'main createHmac md5',
        'main createHash md5',
        'main createDecipheriv des-ede3',
      ]),
    );
  });

  it('a full and a delta cycle deliver through the hash workers, and users sign in', async () => {
    const enable = await run(['enable', '--config', config], tenant.home);
    expect(enable.status, describeRun(['enable'], enable)).toBe(0);
    const full = await run(['sync', '--full', '--once', '--config', config], tenant.home);
    expect(full.status, describeRun(['sync', '--full', '--once'], full)).toBe(0);
    expect(full.stdout).toMatch(/Full sync cycle \d+ completed: [1-9]\d* delivered, 0 failed/);
    const plain = lab.users.filter(
      (u) =>
        u.password !== null &&
        u.flags.length === 0 &&
        u.dn.endsWith(`,${SYNC_OU}`) &&
        !u.dn.endsWith(`,${EXCLUDED_OU}`),
    );
    expect(plain.length).toBeGreaterThan(0);
    for (const user of plain)
      expect(
        await signIn(tenant.emu.info, user.userPrincipalName, user.password!),
        user.sAMAccountName,
      ).toEqual({ ok: true });

    changer.password = `After-😀-${tag}-2`;
    await sambaToolSetPassword(lab, changer.sam, changer.password);
    const delta = await run(['sync', '--once', '--config', config], tenant.home);
    expect(delta.status, describeRun(['sync', '--once'], delta)).toBe(0);
    expect(await signIn(tenant.emu.info, changer.upn, changer.password)).toEqual({ ok: true });
    // The PBKDF2 of the hash transform ran in a narrowed worker; the sealed sign-in in main.
    expect(namesUsed()).toEqual(
      expect.arrayContaining(['worker pbkdf2Sync sha256', 'main createDecipheriv aes-256-gcm']),
    );
  });
});
