/**
 * What the verify tests share: a test's own OU whose users cover every status (plain, must change
 * at next logon, disabled, no password), their source anchors read back over LDAP, and `phs verify
 * --json` run and parsed.
 */
import { SYNC_OU, userDn, userPrincipalName, type FixtureUser, type UserFlag } from '../../lab/fixtures.ts';
import type { LabInfo } from '../../lab/lab-info.ts';
import { addUser } from '../../lab/seed.ts';
import { asAdmin } from '../engine/support/directory.ts';
import { describeRun, phs, type PhsResult } from '../engine/support/phs-cli.ts';
import type { VerifyReport, VerifyStatus } from '../../../electron/verify/model.ts';

export interface VerifyUser {
  readonly sam: string;
  readonly upn: string;
  readonly dn: string;
  readonly anchor: string;
  password: string | null;
}

/** A fresh OU under OU=Sync holding one user per entry; returns them with their base64 objectGUID. */
export async function createVerifyOu(
  lab: LabInfo,
  name: string,
  users: readonly { readonly sam: string; readonly password: string | null; readonly flags?: readonly UserFlag[] }[],
): Promise<{ readonly ou: string; readonly users: VerifyUser[] }> {
  const ou = `OU=${name},${SYNC_OU}`;
  return asAdmin(lab, async (client) => {
    await client.add(ou, { objectClass: ['top', 'organizationalUnit'], ou: name });
    const made: VerifyUser[] = [];
    for (const u of users) {
      const fixture: FixtureUser = { sAMAccountName: u.sam, cn: u.sam, ou, password: u.password, flags: u.flags ?? [] };
      await addUser(client, fixture);
      const dn = userDn(fixture);
      const { searchEntries } = await client.search(dn, {
        scope: 'base',
        attributes: ['objectGUID'],
        explicitBufferAttributes: ['objectGUID'],
      });
      const guid = searchEntries[0]?.['objectGUID'];
      if (!Buffer.isBuffer(guid)) throw new Error(`no objectGUID for ${dn}`);
      made.push({ sam: u.sam, upn: userPrincipalName(u.sam), dn, anchor: guid.toString('base64'), password: u.password });
    }
    return { ou, users: made };
  });
}

export interface VerifyRun {
  readonly result: PhsResult;
  readonly report: VerifyReport;
  /** sAMAccountName → status. */
  readonly statuses: Record<string, VerifyStatus>;
}

/** `phs verify --config <file> --json [extra]`; exit 0 or 1 are answers, anything else fails the test. */
export async function verifyJson(config: string, home: string, ...extra: string[]): Promise<VerifyRun> {
  const args = ['verify', '--config', config, '--json', ...extra];
  const result = await phs(args, { home, timeoutMs: 120_000 });
  if (result.status !== 0 && result.status !== 1) throw new Error(describeRun(args, result));
  const report = JSON.parse(result.stdout) as VerifyReport;
  const statuses = Object.fromEntries(report.users.map((u) => [u.sAMAccountName, u.status]));
  return { result, report, statuses };
}
