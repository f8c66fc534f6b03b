import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDirectoryConfig } from '../../../../electron/cli/ad-config.ts';
import { UsageError } from '../../../../electron/cli/io.ts';
import { runPhs } from '../../cli/run-cli.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phs-ad-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PASSWORD = 'Secret-In-File-1!';
function configFile(name: string, content: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}
const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('loadDirectoryConfig', () => {
  it('reads url, CA file (relative to the JSON file), server name and credentials', () => {
    fs.writeFileSync(path.join(dir, 'ca.pem'), PEM);
    const file = configFile('ok.json', {
      url: 'ldaps://127.0.0.1:1636',
      caFile: 'ca.pem',
      serverName: 'dc1.lab.example.test',
      username: 'LAB\\svc',
      password: PASSWORD,
    });
    expect(loadDirectoryConfig(file, {})).toEqual({
      settings: {
        host: '127.0.0.1',
        port: 1636,
        transport: 'ldaps',
        trust: { kind: 'pem', pem: PEM },
        serverName: 'dc1.lab.example.test',
      },
      credentials: { username: 'LAB\\svc', password: PASSWORD },
    });
  });

  it('takes the password from PHS_AD_PASSWORD over the file, and pins a fingerprint', () => {
    const file = configFile('env.json', {
      url: 'ldap://dc1.example.com',
      startTls: true,
      fingerprint: 'ab'.repeat(32),
      username: 'svc@example.com',
    });
    const config = loadDirectoryConfig(file, { PHS_AD_PASSWORD: 'from-env' });
    expect(config.credentials.password).toBe('from-env');
    expect(config.settings).toMatchObject({ transport: 'starttls', port: 389, trust: { kind: 'pinned' } });
  });

  it('refuses a missing password, unknown keys, both caFile and fingerprint, and plain LDAP, as usage errors', () => {
    const cases = [
      { url: 'ldaps://dc1', username: 'x' },
      { url: 'ldaps://dc1', username: 'x', password: 'p', pasword: 'typo' },
      { url: 'ldaps://dc1', username: 'x', password: 'p', caFile: 'ca.pem', fingerprint: 'ab'.repeat(32) },
      { url: 'ldap://dc1', startTls: false, username: 'x', password: 'p' },
    ];
    cases.forEach((content, i) =>
      expect(() => loadDirectoryConfig(configFile(`bad${i}.json`, content), {})).toThrow(UsageError),
    );
  });
});

describe('phs ad (no directory needed)', () => {
  it('lists its subcommands, and phs lists ad', () => {
    const help = runPhs(['ad', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/test\s+connect, bind/);
    expect(help.stdout).toMatch(/users\s+list the users/);
    expect(runPhs(['--help']).stdout).toMatch(/\n {2}ad\s+Active Directory/);
    expect(runPhs(['ad', 'test', '--help']).stdout).toMatch(/Exit codes: 0 the account can sync, 3 it lacks/);
  });

  it('exits 2 on a missing or unknown subcommand, a missing --directory and an unknown option', () => {
    expect(runPhs(['ad']).status).toBe(2);
    expect(runPhs(['ad', 'frobnicate']).stderr).toMatch(/unknown subcommand "ad frobnicate"/);
    expect(runPhs(['ad', 'test']).stderr).toMatch(/--directory <file.json> is required/);
    expect(runPhs(['ad', 'users', '--directory', 'x.json', '--bogus']).status).toBe(2);
  });

  it('exits 2 for an unreadable or invalid file, never echoing its content (password included)', () => {
    const broken = configFile('broken.json', `{"url": "ldaps://dc1", "password": "${PASSWORD}",`);
    const result = runPhs(['ad', 'test', '--directory', broken]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/is not valid JSON/);
    expect(result.stderr + result.stdout).not.toContain(PASSWORD);
    expect(runPhs(['ad', 'test', '--directory', path.join(dir, 'missing.json')]).stderr).toMatch(
      /cannot read .*ENOENT/,
    );
  });

  it('exits 2 with the named reason when the DC cannot be reached', () => {
    const file = configFile('closed.json', { url: 'ldaps://127.0.0.1:1', username: 'x', password: PASSWORD });
    const result = runPhs(['ad', 'test', '--directory', file, '--json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Cannot reach 127\.0\.0\.1:1 \(ECONNREFUSED\)/);
    expect(result.stderr).not.toContain(PASSWORD);
  });
});
