/**
 * Issue #6, end to end through the real CLI: the lab DC (MS-DRSR replication), the hash pool,
 * the state store and the tenant emulator. After `phs sync --full --once` every in-scope
 * fixture user signs in with the on-premises password (unicode, astral, 127 characters
 * included) and no out-of-scope user does; after `samba-tool user setpassword`, one delta cycle
 * makes the new password work and the old one fail. Also `phs diagnose` and the exit codes.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULK_OU, EXCLUDED_OU, SYNC_OU } from '../../lab/fixtures.ts';
import { labInfo } from '../lab.ts';
import { createOwnOu, deleteOu, sambaToolSetPassword, type OwnUser } from './support/directory.ts';
import { describeRun, killAllPhs, phs, type PhsResult } from './support/phs-cli.ts';
import { AADSTS, signIn, startSignedInTenant, type SignedInTenant } from './support/tenant.ts';
import { engineStatus, removeTempDirs, tempDir, writeEngineConfig } from './support/workspace.ts';

const lab = labInfo();
const tag = randomBytes(3).toString('hex');
let tenant: SignedInTenant;
let config: string;
let ou: string | undefined;
let changer: OwnUser;
let failer: OwnUser;

function run(...args: string[]): Promise<PhsResult> {
  return phs([...args, '--config', config], { home: tenant.home });
}

function inScope(dn: string): boolean {
  return dn.endsWith(`,${SYNC_OU}`) && !dn.endsWith(`,${EXCLUDED_OU}`);
}

beforeAll(async () => {
  const own = await createOwnOu(lab, `Engine E2E ${tag}`, [
    { sam: `e2e${tag}a`, password: `Before-Ä-${tag}-1` },
    { sam: `e2e${tag}b`, password: `Before-B-${tag}-1` },
  ]);
  ou = own.ou;
  [changer, failer] = own.users as [OwnUser, OwnUser];
  const dir = tempDir();
  tenant = await startSignedInTenant(dir);
  // The fixture scope: OU=Sync minus OU=Excluded; OU=Bulk (benchmark users) is left out too.
  config = writeEngineConfig(join(dir, 'config.json'), lab, {
    tenantFile: tenant.tenantFile,
    stateDir: join(dir, 'state'),
    includeOUs: [SYNC_OU],
    excludeOUs: [EXCLUDED_OU, BULK_OU],
  });
  const enable = await run('enable');
  expect(enable.status, describeRun(['enable'], enable)).toBe(0);
  expect(enable.stdout).toContain('The next cycle runs a full password sync.');
});

afterAll(async () => {
  await killAllPhs();
  if (ou) await deleteOu(lab, ou);
  await tenant?.emu.close();
  removeTempDirs();
});

describe('phs sync against the lab DC and the tenant emulator', () => {
  it('full sync: every in-scope user signs in with the on-premises password, no out-of-scope user does', async () => {
    const full = await run('sync', '--full', '--once');
    expect(full.status, describeRun(['sync', '--full', '--once'], full)).toBe(0);
    expect(full.stdout).toMatch(
      /Full sync cycle \d+ completed: [1-9]\d* delivered, 0 failed, [1-9]\d* without password/,
    );

    const fixtures = lab.users.filter((u) => u.password !== null);
    expect(fixtures.map((u) => u.sAMAccountName)).toEqual(
      expect.arrayContaining([
        'unicode.user',
        'astral.user',
        'long.user',
        'excluded.user',
        'outofscope.user',
      ]),
    );
    for (const user of fixtures) {
      const result = await signIn(tenant.emu.info, user.userPrincipalName, user.password!);
      const what = `${user.sAMAccountName} (${user.flags.join(',') || 'plain'})`;
      if (!inScope(user.dn)) expect(result, what).toEqual({ ok: false, aadsts: AADSTS.unknownUser });
      else if (user.flags.includes('mustChange')) expect(result.ok, `${what}: filtered`).toBe(false);
      // Synced like Entra Connect does; the cloud account is disabled, so the password is right but refused.
      else if (user.flags.includes('disabled'))
        expect(result, what).toEqual({ ok: false, aadsts: AADSTS.disabled });
      else expect(result, what).toEqual({ ok: true });
    }
    for (const own of [changer, failer])
      expect(await signIn(tenant.emu.info, own.upn, own.password)).toEqual({ ok: true });
    const nopw = lab.users.find((u) => u.flags.includes('noPassword'))!;
    expect(await signIn(tenant.emu.info, nopw.userPrincipalName, '')).toMatchObject({ ok: false });

    const status = await engineStatus(config, tenant.home);
    expect(status).toMatchObject({ enabled: true, phase: 'incremental', upToDate: true });
    expect(status.users.failed).toBe(0);
  });

  it('delta: after samba-tool setpassword one cycle makes the new password work and the old one fail', async () => {
    const old = changer.password;
    changer.password = `After-😀-${tag}-2`;
    await sambaToolSetPassword(lab, changer.sam, changer.password);
    const delta = await run('sync', '--once');
    expect(delta.status, describeRun(['sync', '--once'], delta)).toBe(0);
    expect(delta.stdout).toMatch(/Delta sync cycle \d+ completed: [1-9]\d* delivered, 0 failed/);
    expect(await signIn(tenant.emu.info, changer.upn, changer.password)).toEqual({ ok: true });
    expect(await signIn(tenant.emu.info, changer.upn, old)).toEqual({
      ok: false,
      aadsts: AADSTS.badPassword,
    });
  });

  it('diagnose: an in-scope user is up to date; out-of-scope users say why', async () => {
    const mine = await run('diagnose', '--user', changer.sam);
    expect(mine.status, describeRun(['diagnose'], mine)).toBe(0);
    expect(mine.stdout).toMatch(/^OK: .*current password was delivered/m);
    expect(mine.stdout).toMatch(/In scope\s+yes \(under included OU=Sync,/);
    expect(mine.stdout).toMatch(/Password readable\s+yes/);

    const away = await run('diagnose', '--user', 'outofscope.user');
    expect(away.status).toBe(0);
    expect(away.stdout).toMatch(/^INFO: .* is out of scope: it is not under any included OU\./m);
    expect(away.stdout).toMatch(/Last delivered\s+never/);
    const excluded = await run('diagnose', '--user', 'excluded.user', '--json');
    expect(JSON.parse(excluded.stdout)).toMatchObject({
      scope: { inScope: false, reason: 'excludedOU', ou: EXCLUDED_OU },
      record: { result: 'outOfScope', changeDelivered: null },
    });
    // Reported, not failed: no password, and "must change at next logon" while the tenant refuses forced changes.
    const nopw = JSON.parse((await run('diagnose', '--user', 'nopassword.user', '--json')).stdout);
    expect(nopw).toMatchObject({ password: { readable: false }, record: { result: 'noPassword' } });
    const must = JSON.parse((await run('diagnose', '--user', 'mustchange.user', '--json')).stdout);
    expect(must).toMatchObject({
      filter: 'mustChangePassword',
      record: { result: 'filtered', reason: 'mustChangePassword' },
    });
  });

  it('exits 1 when a cycle cannot deliver, and 0 once the change is delivered', async () => {
    const old = failer.password;
    failer.password = `Later-${tag}-3`;
    await sambaToolSetPassword(lab, failer.sam, failer.password);
    tenant.emu.admin.addFault({ kind: 'status', path: '/provisioning/', status: 400, count: 1 });
    const refused = await run('sync', '--once');
    expect(refused.status, describeRun(['sync', '--once'], refused)).toBe(1);
    expect(refused.stdout).toMatch(
      /Sync cycle \d+ failed: The tenant rejected the request \(credential delivery: HTTP 400/,
    );
    expect(await signIn(tenant.emu.info, failer.upn, old)).toEqual({ ok: true });

    const again = await run('sync', '--once');
    expect(again.status, describeRun(['sync', '--once'], again)).toBe(0);
    expect(again.stdout).toMatch(/Delta sync cycle \d+ completed: [1-9]\d* delivered, 0 failed/);
    expect(await signIn(tenant.emu.info, failer.upn, failer.password)).toEqual({ ok: true });
    expect(await signIn(tenant.emu.info, failer.upn, old)).toEqual({ ok: false, aadsts: AADSTS.badPassword });
  });
});
