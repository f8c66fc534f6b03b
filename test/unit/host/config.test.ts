import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode } from '../../../shared/errors.ts';
import { loadEngineConfig, parseEngineConfig, settingsFromConfig } from '../../../electron/host/config.ts';

const dir = mkdtempSync(join(tmpdir(), 'phs-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CA_PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
writeFileSync(join(dir, 'ca.pem'), CA_PEM);

const valid = {
  directory: {
    url: 'ldaps://127.0.0.1:636',
    caFile: 'ca.pem',
    serverName: 'dc1.lab.example.test',
    username: 'LAB\\sync',
    password: 'S3cret!',
  },
  tenant: {
    authority: 'https://127.0.0.1:8443/t',
    tenantId: '11111111-2222-3333-4444-555555555555',
    caFile: 'tenant-ca.pem',
    admin: { username: 'x', password: 'y' },
  },
  scope: {
    includeOUs: ['OU=Staff,DC=lab,DC=example,DC=test'],
    excludeOUs: ['OU=Contractors,OU=Staff,DC=lab,DC=example,DC=test'],
  },
  sync: { pollSeconds: 5, stagingMode: true },
  stateDir: 'state',
};

const parse = (raw: unknown, env: Record<string, string> = {}) =>
  parseEngineConfig(raw, { baseDir: dir, env, where: 'phs.json' });

function problem(raw: unknown, env: Record<string, string> = {}): string {
  try {
    parse(raw, env);
  } catch (error) {
    expect(error).toMatchObject({ code: ErrorCode.ConfigInvalid });
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('the CLI config file', () => {
  it('parses a full config, resolving relative paths against the config file', () => {
    const c = parse(valid);
    // The directory block is the directory file's schema, resolved: the CA read relative to the config.
    expect(c.directory).toEqual({
      settings: {
        host: '127.0.0.1',
        port: 636,
        transport: 'ldaps',
        trust: { kind: 'pem', pem: CA_PEM },
        serverName: 'dc1.lab.example.test',
      },
      credentials: { username: 'LAB\\sync', password: 'S3cret!' },
    });
    expect(c.tenant).toEqual({ inline: { ...valid.tenant, caFile: join(dir, 'tenant-ca.pem') } });
    expect(c.stateDir).toBe(join(dir, 'state'));
    expect(settingsFromConfig(c)).toEqual({ scope: valid.scope, stagingMode: true, pollMs: 5000 });
  });

  it('applies defaults and accepts a tenant file path', () => {
    const c = parse({
      directory: { url: 'ldap://dc1', username: 'u', password: 'p' },
      tenant: 'tenant.json',
      stateDir: '/var/lib/phs',
    });
    expect(c).toMatchObject({
      // ldap:// always runs StartTLS; the system's CA store is trusted by default.
      directory: { settings: { host: 'dc1', port: 389, transport: 'starttls', trust: { kind: 'system' } } },
      tenant: { file: join(dir, 'tenant.json') },
      scope: { includeOUs: [], excludeOUs: [] },
      sync: { pollSeconds: 3, stagingMode: false },
    });
  });

  it('takes the directory password from PHS_AD_PASSWORD, which wins over the file (as for phs ad)', () => {
    const directory: Record<string, unknown> = { ...valid.directory };
    delete directory.password;
    const fromEnv = (raw: unknown, env: Record<string, string>) =>
      parse(raw, env).directory.credentials.password;
    expect(fromEnv({ ...valid, directory }, { PHS_AD_PASSWORD: 'fromEnv' })).toBe('fromEnv');
    expect(fromEnv(valid, { PHS_AD_PASSWORD: 'fromEnv' })).toBe('fromEnv');
    expect(fromEnv(valid, { PHS_AD_PASSWORD: '' })).toBe('S3cret!');
    expect(problem({ ...valid, directory })).toContain('directory: no password.');
  });

  it('accepts what the directory file accepts: a pinned fingerprint, StartTLS, a timeout; not both trusts', () => {
    const sha256 = 'AB:'.repeat(31) + 'CD';
    const pinned = {
      url: 'ldap://dc1:389',
      startTls: true,
      fingerprint: sha256,
      timeoutMs: 5000,
      username: 'u',
      password: 'p',
    };
    expect(parse({ ...valid, directory: pinned }).directory.settings).toMatchObject({
      transport: 'starttls',
      trust: { kind: 'pinned', sha256 },
      timeoutMs: 5000,
    });
    expect(problem({ ...valid, directory: { ...pinned, caFile: 'ca.pem' } })).toContain(
      'directory.fingerprint: give either caFile or fingerprint, not both',
    );
    expect(problem({ ...valid, directory: { ...pinned, startTls: false } })).toContain('Plain LDAP');
    expect(problem({ ...valid, directory: { ...valid.directory, caFile: 'missing.pem' } })).toContain(
      'cannot be read',
    );
  });

  it('rejects unknown keys, naming their path', () => {
    expect(problem({ ...valid, extra: 1 })).toContain('extra: unknown key');
    expect(problem({ ...valid, sync: { pollSecond: 5 } })).toContain('sync.pollSecond: unknown key');
    expect(problem({ ...valid, directory: { ...valid.directory, port: 636 } })).toContain(
      'directory.port: unknown key',
    );
  });

  it('rejects bad values, naming their path, without echoing the password', () => {
    expect(problem({ ...valid, sync: { pollSeconds: 0 } })).toContain('sync.pollSeconds: must be at least 1');
    expect(problem({ ...valid, sync: { stagingMode: 'yes' } })).toContain('sync.stagingMode');
    expect(problem({ ...valid, directory: { ...valid.directory, url: 'http://dc1' } })).toContain(
      'directory.url: must be ldaps://',
    );
    expect(problem({ ...valid, directory: { ...valid.directory, serverName: 'bad name!' } })).toContain(
      'directory.serverName',
    );
    expect(problem({ ...valid, scope: { includeOUs: ['Staff'] } })).toContain(
      'scope.includeOUs.0: must be a distinguished name',
    );
    expect(problem({ ...valid, tenant: { tenantId: 'nope' } })).toContain('tenant');
    expect(problem({ ...valid, stateDir: '' })).toContain('stateDir');
    expect(problem({ ...valid, directory: { ...valid.directory, password: 7 } })).not.toContain('S3cret');
    const noState: Record<string, unknown> = { ...valid };
    delete noState.stateDir;
    expect(problem(noState)).toContain('stateDir');
  });

  it('rejects an OU both included and excluded', () => {
    expect(problem({ ...valid, scope: { includeOUs: ['OU=A,DC=x'], excludeOUs: ['ou=a, dc=X'] } })).toContain(
      'both included and excluded',
    );
  });

  it('loads from a file and names the file in errors', () => {
    const file = join(dir, 'phs.json');
    writeFileSync(file, JSON.stringify(valid));
    expect(loadEngineConfig(file, {}).stateDir).toBe(join(dir, 'state'));
    writeFileSync(file, '{ not json');
    expect(() => loadEngineConfig(file, {})).toThrow(/not valid JSON/);
    expect(() => loadEngineConfig(join(dir, 'missing.json'), {})).toThrow(/cannot be read/);
  });
});
