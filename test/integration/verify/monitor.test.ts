/**
 * Issue 17, monitor mode: this app delivers nothing. "Another sync client" (Entra Connect, Cloud
 * Sync — the emulator's admin API) creates the synced users and delivers some credentials; `phs
 * verify` with an empty state folder finds the delivered users `inSync`, the one whose hash never
 * arrived `pending` then `behind`, and the one it never created `notInCloud`.
 */
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ntHash } from '../../../electron/crypto/md4.ts';
import { newSalt, wireFromNtHash } from '../../../electron/phs/orgid.ts';
import { labInfo } from '../lab.ts';
import { deleteOu } from '../engine/support/directory.ts';
import { killAllPhs } from '../engine/support/phs-cli.ts';
import { signIn, startSignedInTenant, type SignedInTenant } from '../engine/support/tenant.ts';
import { removeTempDirs, tempDir, writeEngineConfig } from '../engine/support/workspace.ts';
import { createVerifyOu, verifyJson, type VerifyUser } from './support.ts';

const lab = labInfo();
const tag = randomBytes(3).toString('hex');
let tenant: SignedInTenant;
let config: string;
let stateDir: string;
let ou: string | undefined;
let users: VerifyUser[];

const sam = (suffix: string): string => `mon${tag}${suffix}`;

beforeAll(async () => {
  const own = await createVerifyOu(lab, `Monitor ${tag}`, [
    { sam: sam('x'), password: `Monitor-X-${tag}-1` },
    { sam: sam('w'), password: `Monitor-W-${tag}-1` },
    { sam: sam('y'), password: `Monitor-Y-${tag}-1` },
    { sam: sam('z'), password: `Monitor-Z-${tag}-1` },
  ]);
  ou = own.ou;
  users = own.users;
  const dir = tempDir('phs-monitor-it-');
  tenant = await startSignedInTenant(dir);
  stateDir = join(dir, 'never-created');
  config = writeEngineConfig(join(dir, 'config.json'), lab, { tenantFile: tenant.tenantFile, includeOUs: [own.ou], stateDir });
  const [x, w, y] = users as [VerifyUser, VerifyUser, VerifyUser];
  // Object sync for x, w and y; password hash sync for x and w only (z is never synced at all).
  for (const u of [x, w, y]) tenant.emu.admin.syncUserAsOtherClient({ sourceAnchor: u.anchor, userPrincipalName: u.upn });
  for (const u of [x, w]) {
    const result = tenant.emu.admin.deliverCredentialAsOtherClient({ sourceAnchor: u.anchor, credentialData: wireFromNtHash(ntHash(u.password!), newSalt()) });
    expect(result).toBe('success');
  }
});

afterAll(async () => {
  await killAllPhs();
  if (ou) await deleteOu(lab, ou);
  await tenant?.emu.close();
  removeTempDirs();
});

describe('phs verify in monitor mode (another client delivers)', () => {
  it('the other client delivered x and w: inSync, and they sign in with the on-premises password', async () => {
    const run = await verifyJson(config, tenant.home);
    expect(run.statuses[sam('x')]).toBe('inSync');
    expect(run.statuses[sam('w')]).toBe('inSync');
    const x = run.report.users.find((u) => u.sAMAccountName === sam('x'))!;
    expect(x).toMatchObject({ sourceAnchor: users[0]!.anchor, userPrincipalName: users[0]!.upn });
    // The other client stamps its write time: the lag is the delivery delay, not zero.
    expect(Date.parse(x.cloudChangedAt!)).toBeGreaterThanOrEqual(Date.parse(x.onPremisesChangedAt!) - 1000);
    expect(await signIn(tenant.emu.info, users[0]!.upn, users[0]!.password!)).toEqual({ ok: true });
  });

  it('y exists in the cloud without a delivered hash: pending within the grace, behind with --grace 0; z is notInCloud', async () => {
    const lenient = await verifyJson(config, tenant.home);
    expect(lenient.result.status).toBe(1); // z is notInCloud either way
    expect(lenient.statuses).toEqual({ [sam('x')]: 'inSync', [sam('w')]: 'inSync', [sam('y')]: 'pending', [sam('z')]: 'notInCloud' });
    const y = lenient.report.users.find((u) => u.sAMAccountName === sam('y'))!;
    expect(y).toMatchObject({ cloudChangedAt: null, sourceAnchor: users[2]!.anchor });
    const z = lenient.report.users.find((u) => u.sAMAccountName === sam('z'))!;
    expect(z).toMatchObject({ cloudChangedAt: null, sourceAnchor: users[3]!.anchor, userPrincipalName: users[3]!.upn });

    const strict = await verifyJson(config, tenant.home, '--grace', '0');
    expect(strict.result.status).toBe(1);
    expect(strict.statuses).toEqual({ [sam('x')]: 'inSync', [sam('w')]: 'inSync', [sam('y')]: 'behind', [sam('z')]: 'notInCloud' });
    expect(strict.report.summary.counts).toMatchObject({ inSync: 2, behind: 1, notInCloud: 1 });
  });

  it('--user checks one user; the state folder was never created', async () => {
    const one = await verifyJson(config, tenant.home, '--user', users[1]!.upn);
    expect(one.result.status).toBe(0);
    expect(Object.keys(one.statuses)).toEqual([sam('w')]);
    expect(existsSync(stateDir)).toBe(false);
  });
});
