import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/errors.ts';
import { DEFAULT_AUTHORITY, DEFAULT_CLIENT_ID, DEFAULT_GRAPH_BASE_URL, GRAPH_SCOPES, loadTenantConfigFile, parseTenantConfig } from '../../../electron/tenant/config.ts';

const made: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'phs-cfg-'));
  made.push(d);
  return d;
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('tenant configuration', () => {
  it("defaults to Microsoft's public cloud", () => {
    expect(parseTenantConfig({})).toEqual({ authority: DEFAULT_AUTHORITY, clientId: DEFAULT_CLIENT_ID, graphBaseUrl: DEFAULT_GRAPH_BASE_URL });
    expect(DEFAULT_AUTHORITY).toBe('https://login.microsoftonline.com/organizations');
    expect(GRAPH_SCOPES).toContain('https://graph.microsoft.com/OnPremDirectorySynchronization.ReadWrite.All');
  });

  it('takes the emulator file, ignoring its extra keys, and resolves a relative caFile next to the file', () => {
    const dir = tempDir();
    const file = join(dir, 'tenant.json');
    writeFileSync(file, JSON.stringify({
      authority: 'https://127.0.0.1:4443/0b5c2c9e-6a53-4a8c-9f5f-1d2b3c4d5e6f/', clientId: '11111111-2222-3333-4444-555555555555',
      tenantId: '0b5c2c9e-6a53-4a8c-9f5f-1d2b3c4d5e6f', caFile: 'ca.pem', graphBaseUrl: 'https://127.0.0.1:4443/graph',
      credentialsUrl: 'https://127.0.0.1:4443/provisioning/x/credentials', admin: { username: 'a', password: 'b' },
    }));
    expect(loadTenantConfigFile(file)).toEqual({
      authority: 'https://127.0.0.1:4443/0b5c2c9e-6a53-4a8c-9f5f-1d2b3c4d5e6f', clientId: '11111111-2222-3333-4444-555555555555',
      tenantId: '0b5c2c9e-6a53-4a8c-9f5f-1d2b3c4d5e6f', caFile: join(dir, 'ca.pem'), graphBaseUrl: 'https://127.0.0.1:4443/graph',
      credentialsUrl: 'https://127.0.0.1:4443/provisioning/x/credentials',
    });
  });

  it.each([
    [{ authority: 'http://login.example.test/x' }, 'authority must be an https:// URL'],
    [{ clientId: 'not-a-guid' }, 'clientId'],
    [{ graphBaseUrl: 'ftp://x' }, 'graphBaseUrl'],
  ])('refuses %j', (raw, message) => {
    expect(() => parseTenantConfig(raw)).toThrow(expect.objectContaining({ code: ErrorCode.TenantConfigInvalid, message: expect.stringContaining(message) }));
  });

  it('says when the file is missing or not JSON', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.json'), '{');
    expect(() => loadTenantConfigFile(join(dir, 'none.json'))).toThrow(expect.objectContaining({ message: expect.stringContaining('cannot be read') }));
    expect(() => loadTenantConfigFile(join(dir, 'bad.json'))).toThrow(expect.objectContaining({ message: expect.stringContaining('not valid JSON') }));
  });
});
