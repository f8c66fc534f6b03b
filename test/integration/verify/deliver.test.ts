/**
 * Issue 17, deliver mode, on the lab DC and the tenant emulator: after `phs enable` and a full
 * sync every enabled in-scope user verifies `inSync` — also from an empty state folder; a password
 * changed on the DC and not yet synced is `behind` with --grace 0 (exit 1) and `pending` with the
 * default grace (exit 0); one delta later everyone is `inSync` again.
 */
import { existsSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labInfo } from '../lab.ts';
import { deleteOu, sambaToolSetPassword } from '../engine/support/directory.ts';
import { describeRun, killAllPhs, phs } from '../engine/support/phs-cli.ts';
import { startSignedInTenant, type SignedInTenant } from '../engine/support/tenant.ts';
import { removeTempDirs, tempDir, writeEngineConfig } from '../engine/support/workspace.ts';
import { createVerifyOu, verifyJson, type VerifyUser } from './support.ts';

const lab = labInfo();
const tag = randomBytes(3).toString('hex');
let tenant: SignedInTenant;
let config: string;
let emptyStateConfig: string;
let emptyState: string;
let ou: string | undefined;
let users: VerifyUser[];
let createdAt: number;

const sam = (suffix: string): string => `ver${tag}${suffix}`;

beforeAll(async () => {
  const own = await createVerifyOu(lab, `Verify ${tag}`, [
    { sam: sam('a'), password: `Verify-A-${tag}-1` },
    { sam: sam('b'), password: `Verify-B-${tag}-1` },
    { sam: sam('m'), password: `Verify-M-${tag}-1`, flags: ['mustChange'] },
    { sam: sam('d'), password: `Verify-D-${tag}-1`, flags: ['disabled'] },
    { sam: sam('n'), password: null, flags: ['noPassword'] },
  ]);
  createdAt = Date.now();
  ou = own.ou;
  users = own.users;
  const dir = tempDir('phs-verify-it-');
  // Pages of 2 users: the tenant's listing is paged even for a handful of users.
  tenant = await startSignedInTenant(dir, { graphMaxPageSize: 2 });
  const scope = { tenantFile: tenant.tenantFile, includeOUs: [own.ou] };
  config = writeEngineConfig(join(dir, 'config.json'), lab, { ...scope, stateDir: join(dir, 'state') });
  emptyState = join(dir, 'empty-state');
  emptyStateConfig = writeEngineConfig(join(dir, 'config-empty.json'), lab, { ...scope, stateDir: emptyState });
  for (const args of [['enable'], ['sync', '--full', '--once']]) {
    const r = await phs([...args, '--config', config], { home: tenant.home, timeoutMs: 180_000 });
    expect(r.status, describeRun(args, r)).toBe(0);
  }
});

afterAll(async () => {
  await killAllPhs();
  if (ou) await deleteOu(lab, ou);
  await tenant?.emu.close();
  removeTempDirs();
});

const EXPECTED_AFTER_FULL_SYNC = (): Record<string, string> => ({
  [sam('a')]: 'inSync',
  [sam('b')]: 'inSync',
  [sam('m')]: 'filtered',
  [sam('d')]: 'disabled',
  [sam('n')]: 'noPassword',
});

describe('phs verify in deliver mode', () => {
  it('after a full sync every enabled in-scope user is inSync, matched by source anchor', async () => {
    const run = await verifyJson(config, tenant.home);
    expect(run.result.status, describeRun(['verify'], run.result)).toBe(0);
    expect(run.statuses).toEqual(EXPECTED_AFTER_FULL_SYNC());
    const a = run.report.users.find((u) => u.sAMAccountName === sam('a'))!;
    expect(a).toMatchObject({ sourceAnchor: users[0]!.anchor, userPrincipalName: users[0]!.upn, lagSeconds: 0 });
    expect(a.onPremisesChangedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(a.cloudChangedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(run.report.summary).toMatchObject({ total: 5, graceSeconds: 600, skewSeconds: 120, forceChangeFeature: false });
    expect(run.report.summary.dcClock).toMatchObject({ withinSkew: true });
    expect(run.report.summary.heartbeat?.onPremisesLastPasswordSyncDateTime).toMatch(/^\d{4}-/);
  });

  it('gives the same verdict from an empty state folder, and leaves that folder untouched', async () => {
    const run = await verifyJson(emptyStateConfig, tenant.home);
    expect(run.result.status).toBe(0);
    expect(run.statuses).toEqual(EXPECTED_AFTER_FULL_SYNC());
    expect(existsSync(emptyState) ? readdirSync(emptyState) : []).toEqual([]);
  });

  it('reads like a report for a newcomer', async () => {
    const r = await phs(['verify', '--config', config], { home: tenant.home, timeoutMs: 120_000 });
    expect(r.status, describeRun(['verify'], r)).toBe(0);
    expect(r.stdout).toMatch(/^Password hash sync verified from both ends at .*: 5 users in scope\.$/m);
    expect(r.stdout).toMatch(/^ {2}in sync +2 {2}/m);
    expect(r.stdout).toMatch(/^DC clock: .* this machine \(tolerance 120 s\)\.$/m);
    expect(r.stdout).toContain('Result: no user is behind or missing from the cloud.');
  });

  it('a password changed on the DC and not yet synced is behind with --grace 0 and pending with the default', async () => {
    // The cloud keeps the change date it accepted (second precision): a second change needs a few seconds of distance.
    await sleep(Math.max(0, createdAt + 4000 - Date.now()));
    users[0]!.password = `Verify-A-${tag}-2`;
    await sambaToolSetPassword(lab, sam('a'), users[0]!.password);

    const strict = await verifyJson(config, tenant.home, '--grace', '0', '--skew', '2');
    expect(strict.result.status).toBe(1);
    expect(strict.statuses).toEqual({ ...EXPECTED_AFTER_FULL_SYNC(), [sam('a')]: 'behind' });
    const a = strict.report.users.find((u) => u.sAMAccountName === sam('a'))!;
    expect(Date.parse(a.onPremisesChangedAt!)).toBeGreaterThan(Date.parse(a.cloudChangedAt!));
    const human = await phs(['verify', '--config', config, '--grace', '0', '--skew', '2'], { home: tenant.home, timeoutMs: 120_000 });
    expect(human.status).toBe(1);
    expect(human.stdout).toContain(`Behind (1):\n  ${sam('a')} (${users[0]!.upn}): changed on premises ${a.onPremisesChangedAt}; cloud ${a.cloudChangedAt}`);

    const lenient = await verifyJson(config, tenant.home, '--skew', '2');
    expect(lenient.result.status).toBe(0);
    expect(lenient.statuses[sam('a')]).toBe('pending');
  });

  it('after one delta every enabled in-scope user is inSync again', async () => {
    const delta = await phs(['sync', '--once', '--config', config], { home: tenant.home, timeoutMs: 180_000 });
    expect(delta.status, describeRun(['sync', '--once'], delta)).toBe(0);
    const run = await verifyJson(config, tenant.home, '--grace', '0', '--skew', '2');
    expect(run.result.status).toBe(0);
    expect(run.statuses).toEqual(EXPECTED_AFTER_FULL_SYNC());
  });
});
