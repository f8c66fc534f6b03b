/**
 * Issue #6's modes, through the real CLI against the lab DC and the tenant emulator: staging
 * mode reads and hashes everything and delivers nothing (and `phs status` says what would have
 * been sent); disabled, `phs run` does not deliver a password change; enabled again, it does.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULK_OU, EXCLUDED_OU, SYNC_OU } from '../../lab/fixtures.ts';
import { labInfo } from '../lab.ts';
import { createOwnOu, deleteOu, sambaToolSetPassword, type OwnUser } from './support/directory.ts';
import { describeRun, killAllPhs, phs, startPhs, type PhsResult } from './support/phs-cli.ts';
import { AADSTS, signIn, startSignedInTenant, type SignedInTenant } from './support/tenant.ts';
import { engineStatus, removeTempDirs, tempDir, writeEngineConfig } from './support/workspace.ts';

const lab = labInfo();
const tag = randomBytes(3).toString('hex');
let tenant: SignedInTenant;
let dir: string;
let ou: string | undefined;
let user: OwnUser;

function run(config: string, ...args: string[]): Promise<PhsResult> {
  return phs([...args, '--config', config], { home: tenant.home });
}

/** Waits (bounded) until `check` holds, polling every 200 ms. */
async function eventually(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting until ${what}`);
    await sleep(200);
  }
}

beforeAll(async () => {
  const own = await createOwnOu(lab, `Engine Modes ${tag}`, [
    { sam: `mod${tag}a`, password: `Modes-${tag}-1` },
  ]);
  ou = own.ou;
  user = own.users[0]!;
  dir = tempDir();
  tenant = await startSignedInTenant(dir);
});

afterAll(async () => {
  await killAllPhs();
  if (ou) await deleteOu(lab, ou);
  await tenant?.emu.close();
  removeTempDirs();
});

describe('staging mode', () => {
  it('reads and hashes every in-scope user, delivers nothing, and reports what would have been sent', async () => {
    const config = writeEngineConfig(join(dir, 'staging.json'), lab, {
      tenantFile: tenant.tenantFile,
      stateDir: join(dir, 'staging-state'),
      includeOUs: [SYNC_OU],
      excludeOUs: [EXCLUDED_OU, BULK_OU],
      stagingMode: true,
    });
    const enable = await run(config, 'enable');
    expect(enable.status, describeRun(['enable'], enable)).toBe(0);
    expect(enable.stdout).not.toContain('Switched on'); // a staging server changes nothing in the tenant
    const full = await run(config, 'sync', '--full', '--once');
    expect(full.status, describeRun(['sync', '--full', '--once'], full)).toBe(0);
    const staged = /Full sync cycle \d+ completed: (\d+) would have been sent \(staging\), 0 delivered/.exec(
      full.stdout,
    );
    expect(staged, full.stdout).not.toBeNull();
    expect(Number(staged![1])).toBeGreaterThanOrEqual(7); // the fixture users with a password, and ours

    expect(tenant.emu.admin.events('credentials')).toHaveLength(0);
    expect(tenant.emu.admin.state().users.filter((u) => u.onPremisesImmutableId !== null)).toHaveLength(0);
    expect(tenant.emu.admin.state().onPremisesSyncEnabled).toBe(false);
    expect(await signIn(tenant.emu.info, user.upn, user.password)).toEqual({
      ok: false,
      aadsts: AADSTS.unknownUser,
    });

    const text = await run(config, 'status');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Password hash sync: enabled (staging mode: nothing is delivered)');
    expect(text.stdout).toContain(`Users: 0 delivered, 0 failed (0 to retry), ${staged![1]} staged`);
    expect(text.stdout).toContain(`${staged![1]} would have been sent (staging)`);
  });
});

describe('disable and enable', () => {
  it('disabled: a password change is not delivered; enabled again: the next delta delivers it', async () => {
    const config = writeEngineConfig(join(dir, 'real.json'), lab, {
      tenantFile: tenant.tenantFile,
      stateDir: join(dir, 'real-state'),
      includeOUs: [ou!],
      pollSeconds: 1,
    });
    expect((await run(config, 'enable')).status).toBe(0);
    const full = await run(config, 'sync', '--full', '--once');
    expect(full.stdout).toMatch(/Full sync cycle \d+ completed: 1 delivered, 0 failed/);
    const first = user.password;
    expect(await signIn(tenant.emu.info, user.upn, first)).toEqual({ ok: true });

    const disable = await run(config, 'disable');
    expect(disable.status, describeRun(['disable'], disable)).toBe(0);
    expect(disable.stdout).toContain('passwordSyncEnabled is left as it is in the tenant.');
    user.password = `Modes-${tag}-2`;
    await sambaToolSetPassword(lab, user.sam, user.password);
    // The engine runs, polling every second, but delivers nothing while disabled.
    const requests = tenant.emu.admin.events('credentials').length;
    const idle = startPhs(['run', '--config', config], { home: tenant.home });
    await sleep(4000);
    idle.kill('SIGTERM');
    expect((await idle.done).status).toBe(0);
    expect(tenant.emu.admin.events('credentials')).toHaveLength(requests);
    const refused = await run(config, 'sync', '--once');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Password hash sync is not enabled here.');
    expect(await signIn(tenant.emu.info, user.upn, first)).toEqual({ ok: true });
    expect(await signIn(tenant.emu.info, user.upn, user.password)).toMatchObject({ ok: false });
    expect((await engineStatus(config, tenant.home)).enabled).toBe(false);

    const enable = await run(config, 'enable');
    expect(enable.stdout).toContain('The next cycle runs a delta.');
    const engine = startPhs(['run', '--config', config], { home: tenant.home });
    await eventually(
      async () => (await signIn(tenant.emu.info, user.upn, user.password)).ok,
      30_000,
      'the new password works',
    );
    engine.kill('SIGTERM');
    const stopped = await engine.done;
    expect(stopped.status, describeRun(['run'], stopped)).toBe(0);
    expect(stopped.stdout).toMatch(/Delta sync cycle \d+ completed: 1 delivered, 0 failed/);
    expect(await signIn(tenant.emu.info, user.upn, first)).toEqual({ ok: false, aadsts: AADSTS.badPassword });
  });
});
