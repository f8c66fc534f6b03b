/**
 * Live: `phs ad credential` prints the PHS wire string of a user's current password read by
 * replication (equal to the one computed from the known password), never the NT hash; exit
 * codes 4 (no password), 3 (missing rights) and 2 (bad input).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../../../electron/cli/io.ts';
import { runCli } from '../../../../electron/cli/cli.ts';
import { ntHash } from '../../../../electron/crypto/md4.ts';
import { wireFromNtHash } from '../../../../electron/phs/orgid.ts';
import { labInfo } from '../../lab.ts';

const lab = labInfo();
const SALT = '317ee9d1dec6508fa510';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phs-drsr-cli-'));

function directoryFile(name: string, username: string, password: string): string {
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify({ url: lab.ldapsUrl, caFile: lab.caFile, serverName: lab.serverName, username, password }),
    { mode: 0o600 },
  );
  return file;
}

const admin = directoryFile('admin', lab.admin.netbiosName, lab.admin.password);
const reader = directoryFile('reader', lab.nonAdmin.username, lab.nonAdmin.password);

async function phs(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (b: Buffer) => out.push(b));
  stderr.on('data', (b: Buffer) => err.push(b));
  const code = await runCli(args, { stdin: new PassThrough(), stdout, stderr });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('phs ad credential', () => {
  it.each(['ascii.user', 'astral.user', 'long.user'])(
    'prints the wire string of %s, from its replicated hash, and never the hash',
    async (name) => {
      const user = lab.users.find((u) => u.sAMAccountName === name)!;
      const hash = ntHash(user.password!);
      for (const given of [user.sAMAccountName, user.userPrincipalName, user.dn]) {
        const result = await phs('ad', 'credential', '--directory', admin, '--user', given, '--salt', SALT);
        expect(result.code).toBe(ExitCode.Ok);
        expect(result.stdout).toBe(`${wireFromNtHash(hash, Buffer.from(SALT, 'hex'))}\n`);
        expect(result.stdout + result.stderr).not.toMatch(new RegExp(hash.toString('hex'), 'i'));
      }
    },
  );

  it('exits 4 for a user without a password', async () => {
    const result = await phs(
      'ad',
      'credential',
      '--directory',
      admin,
      '--user',
      'nopassword.user',
      '--salt',
      SALT,
    );
    expect(result.code).toBe(ExitCode.NoPassword);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/has no password/);
  });

  it('exits 3 with the grant command when the account lacks replication rights', async () => {
    const result = await phs(
      'ad',
      'credential',
      '--directory',
      reader,
      '--user',
      'ascii.user',
      '--salt',
      SALT,
    );
    expect(result.code).toBe(ExitCode.MissingRights);
    expect(result.stderr).toMatch(/Replicating Directory Changes/);
    expect(result.stderr).toMatch(/samba-tool dsacl set/);
  });

  it('exits 2 for bad input: a bad salt, an unknown user, a DN as the account name', async () => {
    expect(
      (await phs('ad', 'credential', '--directory', admin, '--user', 'ascii.user', '--salt', 'xyz')).code,
    ).toBe(ExitCode.BadInput);
    expect(
      (await phs('ad', 'credential', '--directory', admin, '--user', 'no-such-user', '--salt', SALT)).code,
    ).toBe(ExitCode.BadInput);
    expect((await phs('ad', 'credential', '--directory', admin, '--salt', SALT)).code).toBe(
      ExitCode.BadInput,
    );
    const dnAccount = directoryFile('dn', lab.admin.dn, lab.admin.password);
    const result = await phs(
      'ad',
      'credential',
      '--directory',
      dnAccount,
      '--user',
      'ascii.user',
      '--salt',
      SALT,
    );
    expect(result.code).toBe(ExitCode.BadInput);
    expect(result.stderr).toMatch(/DOMAIN\\name or name@domain/);
  });

  it('is listed in "phs ad --help"', async () => {
    expect((await phs('ad', '--help')).stdout).toMatch(/credential/);
  });
});
