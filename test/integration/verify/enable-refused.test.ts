/**
 * No harm to a real tenant (issue 17): with a tenant description that names no credential
 * endpoint, `phs enable` refuses before it changes anything in the tenant — the emulator's state
 * (directory sync, the PHS features) is as it was and no write reached Graph — and says that this
 * app can only watch such a tenant. `phs verify` still works there (read calls only).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labInfo } from '../lab.ts';
import { describeRun, killAllPhs, phs } from '../engine/support/phs-cli.ts';
import { startSignedInTenant, type SignedInTenant } from '../engine/support/tenant.ts';
import { removeTempDirs, tempDir, writeEngineConfig } from '../engine/support/workspace.ts';
import { SYNC_OU } from '../../lab/fixtures.ts';

const lab = labInfo();
let tenant: SignedInTenant;
let config: string;

beforeAll(async () => {
  const dir = tempDir('phs-no-endpoint-it-');
  tenant = await startSignedInTenant(dir);
  // The same tenant, described without its credential endpoint (as a real tenant's file is).
  const { credentialsUrl, ...withoutEndpoint } = tenant.emu.info;
  void credentialsUrl;
  const tenantFile = join(dir, 'tenant-no-endpoint.json');
  writeFileSync(tenantFile, JSON.stringify(withoutEndpoint), { mode: 0o600 });
  // The saved sign-in is bound to the tenant description: sign in to this one.
  const login = ['tenant', 'login', '--tenant', tenantFile, '--username', tenant.emu.info.admin.username, '--password-stdin'];
  const r = await phs(login, { home: tenant.home, stdin: tenant.emu.info.admin.password, timeoutMs: 60_000 });
  expect(r.status, describeRun(login, r)).toBe(0);
  config = writeEngineConfig(join(dir, 'config.json'), lab, { tenantFile, includeOUs: [SYNC_OU], stateDir: join(dir, 'state') });
});

afterAll(async () => {
  await killAllPhs();
  await tenant?.emu.close();
  removeTempDirs();
});

describe('a tenant with no credential endpoint', () => {
  it('phs enable refuses before changing anything in the tenant, naming monitor mode', async () => {
    const before = tenant.emu.admin.state();
    tenant.emu.admin.clearEvents();
    const r = await phs(['enable', '--full', '--config', config], { home: tenant.home, timeoutMs: 120_000 });
    expect(r.status, describeRun(['enable'], r)).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no credential endpoint this app can deliver password hashes to/);
    expect(r.stderr).toMatch(/Nothing was changed in the tenant\./);
    expect(r.stderr).toMatch(/can only watch such a tenant \(monitor mode\).*phs verify --config/);
    const after = tenant.emu.admin.state();
    expect(after.onPremisesSyncEnabled).toBe(before.onPremisesSyncEnabled);
    expect(after.onPremisesSyncEnabled).toBe(false);
    expect(after.features).toEqual(before.features);
    expect(after.features.passwordSyncEnabled).toBe(false);
    const writes = tenant.emu.admin.events().filter((e) => e.detail['method'] !== undefined && e.detail['method'] !== 'GET' && e.kind !== 'token');
    expect(writes).toEqual([]);
  });

  it('phs verify still reads it (it needs no credential endpoint)', async () => {
    const r = await phs(['verify', '--config', config, '--json'], { home: tenant.home, timeoutMs: 120_000 });
    // Nothing was ever delivered to this tenant: users are notInCloud, which is an answer (exit 1), not a failure (2).
    expect(r.status, describeRun(['verify'], r)).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ summary: { counts: { notInCloud: expect.any(Number) } } });
  });
});
