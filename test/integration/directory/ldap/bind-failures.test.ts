/**
 * Every bind failure of the issue, provoked on the lab DC with freshly created users (and
 * password-settings objects that apply only to them): Samba produces all six AD codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors.ts';
import { labInfo } from '../../lab.ts';
import {
  Sandbox,
  failureOf,
  labSettings,
  sambaPython,
  samLdb,
  service,
  type SandboxUser,
} from './helpers.ts';

let sandbox: Sandbox;
const psos: string[] = [];

beforeAll(async () => {
  sandbox = await Sandbox.create('bind');
});

afterAll(async () => {
  for (const dn of psos) await sandbox.admin.del(dn).catch(() => undefined);
  await sandbox.destroy();
});

async function bindError(username: string, password: string): Promise<AppError> {
  const error = await failureOf(
    service.connect(labSettings(), { username, password }).then((s) => s.close()),
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** A fine-grained password policy that applies to `user` alone. */
async function passwordSettingsFor(user: SandboxUser, settings: Record<string, string>): Promise<void> {
  const dn = `CN=phs-pso-${user.sAMAccountName},CN=Password Settings Container,CN=System,${labInfo().baseDn}`;
  await sandbox.admin.add(dn, {
    objectClass: ['msDS-PasswordSettings'],
    'msDS-PasswordSettingsPrecedence': '1',
    'msDS-PasswordReversibleEncryptionEnabled': 'FALSE',
    'msDS-PasswordHistoryLength': '0',
    'msDS-PasswordComplexityEnabled': 'FALSE',
    'msDS-MinimumPasswordLength': '0',
    'msDS-MinimumPasswordAge': '0',
    'msDS-MaximumPasswordAge': '-864000000000',
    'msDS-LockoutThreshold': '0',
    'msDS-LockoutObservationWindow': '-18000000000',
    'msDS-LockoutDuration': '-18000000000',
    'msDS-PSOAppliesTo': user.dn,
    ...settings,
  });
  psos.push(dn);
}

/** FILETIME of a date: 100 ns intervals since 1601. */
const fileTime = (date: Date): string => String(BigInt(date.getTime()) * 10_000n + 116_444_736_000_000_000n);

describe('bind failures, each mapped to its own error', () => {
  it('wrong password (data 52e) → LDAP_INVALID_CREDENTIALS, in every name form', async () => {
    const user = await sandbox.addUser('wrong');
    for (const name of [
      user.userPrincipalName,
      `${labInfo().netbiosDomain}\\${user.sAMAccountName}`,
      user.dn,
    ]) {
      const error = await bindError(name, `${user.password}x`);
      expect(error.code).toBe('LDAP_INVALID_CREDENTIALS');
      expect(error.message).toContain(name);
      expect(error.message).not.toContain(user.password);
    }
    expect((await bindError(`nobody-${sandbox.tag}@${labInfo().dnsDomain}`, 'x')).code).toBe(
      'LDAP_INVALID_CREDENTIALS',
    );
  });

  it('account disabled (data 533) → LDAP_ACCOUNT_DISABLED', async () => {
    const user = await sandbox.addUser('disabled', sandbox.root, ['disabled']);
    expect((await bindError(user.userPrincipalName, user.password)).code).toBe('LDAP_ACCOUNT_DISABLED');
  });

  it('must change password (data 773) → LDAP_MUST_CHANGE_PASSWORD', async () => {
    const user = await sandbox.addUser('mustchg', sandbox.root, ['mustChange']);
    expect((await bindError(user.userPrincipalName, user.password)).code).toBe('LDAP_MUST_CHANGE_PASSWORD');
  });

  it('account expired (data 701) → LDAP_ACCOUNT_EXPIRED', async () => {
    const user = await sandbox.addUser('expired');
    await sandbox.replace(user.dn, 'accountExpires', [fileTime(new Date(Date.now() - 86_400_000))]);
    expect((await bindError(user.userPrincipalName, user.password)).code).toBe('LDAP_ACCOUNT_EXPIRED');
  });

  it('locked out (data 775) → LDAP_ACCOUNT_LOCKED, after the threshold of wrong passwords', async () => {
    const user = await sandbox.addUser('locked');
    await passwordSettingsFor(user, { 'msDS-LockoutThreshold': '2' });
    for (let attempt = 0; attempt < 2; attempt++)
      expect((await bindError(user.userPrincipalName, 'wrong')).code).toBe('LDAP_INVALID_CREDENTIALS');
    const error = await bindError(user.userPrincipalName, user.password);
    expect(error.code).toBe('LDAP_ACCOUNT_LOCKED');
    expect(error.remediation).toMatch(/unlock/i);
  });

  it('password expired (data 532) → LDAP_PASSWORD_EXPIRED, once the password is older than its policy allows', async () => {
    const user = await sandbox.addUser('pwdexp');
    await passwordSettingsFor(user, { 'msDS-MaximumPasswordAge': '-1728000000000' }); // two days
    // pwdLastSet only takes 0 or -1 over LDAP; Samba's own tests back-date it with this control.
    sambaPython(
      [
        'import sys, ldb',
        'from samba.samdb import SamDB',
        'from samba.auth import system_session',
        'from samba.param import LoadParm',
        'lp = LoadParm(); lp.load(sys.argv[1])',
        'db = SamDB(url=sys.argv[2], session_info=system_session(), lp=lp)',
        'm = ldb.Message(); m.dn = ldb.Dn(db, sys.argv[3])',
        'm["pwdLastSet"] = ldb.MessageElement(sys.argv[4], ldb.FLAG_MOD_REPLACE, "pwdLastSet")',
        'm["unicodePwd"] = ldb.MessageElement(("\\"%s\\"" % sys.argv[5]).encode("utf-16-le"), ldb.FLAG_MOD_REPLACE, "unicodePwd")',
        'db.modify(m, controls=["local_oid:1.3.6.1.4.1.7165.4.3.20:0"])',
      ].join('\n'),
      labInfo().smbConf,
      samLdb(),
      user.dn,
      fileTime(new Date(Date.now() - 10 * 86_400_000)),
      user.password,
    );
    expect((await bindError(user.userPrincipalName, user.password)).code).toBe('LDAP_PASSWORD_EXPIRED');
  });
});
