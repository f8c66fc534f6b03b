/**
 * The replication-rights check against the lab DC's real domain DACL: true for the admin, false
 * for a fresh user, true after an admin runs the very samba-tool commands we print, false again
 * after a deny entry. Every ACE this file adds names only its own fresh user and is removed after.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantCommands, missingRightsError } from '../../../../electron/directory/ldap/remediation.ts';
import {
  REPLICATION_RIGHTS,
  REPLICATING_DIRECTORY_CHANGES_ALL,
  type RightsReport,
} from '../../../../electron/directory/ldap/rights.ts';
import { labInfo } from '../../lab.ts';
import {
  Sandbox,
  adminCredentials,
  labSettings,
  runPhsWith,
  sambaPython,
  sambaTool,
  samLdb,
  service,
  type SandboxUser,
} from './helpers.ts';

let sandbox: Sandbox;
let user: SandboxUser;
let userSid = '';
let configFile = '';

const REMOVE_ACES_OF_SID = [
  'import sys, ldb',
  'from samba.samdb import SamDB',
  'from samba.auth import system_session',
  'from samba.param import LoadParm',
  'from samba.ndr import ndr_pack, ndr_unpack',
  'from samba.dcerpc import security',
  'lp = LoadParm(); lp.load(sys.argv[1])',
  'db = SamDB(url=sys.argv[2], session_info=system_session(), lp=lp)',
  'res = db.search(base=sys.argv[3], scope=ldb.SCOPE_BASE, attrs=["nTSecurityDescriptor"], controls=["sd_flags:1:4"])',
  'sd = ndr_unpack(security.descriptor, res[0]["nTSecurityDescriptor"][0])',
  'sid = security.dom_sid(sys.argv[4])',
  // dacl_del skips the ACE right after each one it removes: repeat until none is left.
  'for _ in range(64):',
  '    try: sd.dacl_del(sid)',
  '    except Exception: break',
  'm = ldb.Message(); m.dn = ldb.Dn(db, sys.argv[3])',
  'm["nTSecurityDescriptor"] = ldb.MessageElement(ndr_pack(sd), ldb.FLAG_MOD_REPLACE, "nTSecurityDescriptor")',
  'db.modify(m, controls=["sd_flags:1:4"])',
].join('\n');

async function rightsOf(username: string, password: string): Promise<RightsReport> {
  const session = await service.connect(labSettings(), { username, password });
  try {
    return await session.checkRights();
  } finally {
    await session.close();
  }
}

const domainSddl = (): string => sambaTool('dsacl', 'get', `--objectdn=${labInfo().baseDn}`);

beforeAll(async () => {
  sandbox = await Sandbox.create('rights');
  user = await sandbox.addUser('repl');
  configFile = path.join(fs.mkdtempSync('/tmp/phs-rights-'), 'directory.json');
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      url: labInfo().ldapsUrl,
      caFile: labInfo().caFile,
      serverName: labInfo().serverName,
      username: user.userPrincipalName,
    }),
  );
});

afterAll(async () => {
  try {
    if (userSid !== '') {
      sambaPython(REMOVE_ACES_OF_SID, labInfo().smbConf, samLdb(), labInfo().baseDn, userSid);
      expect(domainSddl()).not.toContain(`;${userSid})`);
    }
  } finally {
    await sandbox.destroy();
    fs.rmSync(path.dirname(configFile), { recursive: true, force: true });
  }
});

describe('replication rights on the lab domain', () => {
  it('are held by the Administrator', async () => {
    const report = await rightsOf(adminCredentials().username, adminCredentials().password);
    expect(report.canSync).toBe(true);
    expect(report.replicatingDirectoryChanges.granted).toBe(true);
    expect(report.replicatingDirectoryChangesAll.granted).toBe(true);
    expect(missingRightsError(report)).toBeNull();
  });

  it('are missing for a fresh user, and the error gives the exact commands with its SID and the domain DN', async () => {
    const report = await rightsOf(user.userPrincipalName, user.password);
    userSid = report.account.sid;
    expect(report.account.dn.toLowerCase()).toBe(user.dn.toLowerCase());
    expect(report.replicatingDirectoryChanges).toEqual({ granted: false, reason: 'notGranted' });
    expect(report.replicatingDirectoryChangesAll).toEqual({ granted: false, reason: 'notGranted' });
    const error = missingRightsError(report);
    expect(error?.code).toBe('MISSING_REPLICATION_RIGHTS');
    expect(error?.remediation).toContain(
      `dsacls "${labInfo().baseDn}" /G "${labInfo().netbiosDomain}\\${user.sAMAccountName}:CA;Replicating Directory Changes"`,
    );
    expect(error?.remediation).toContain(
      `--sddl='(OA;;CR;1131f6ad-9c07-11d1-f79f-00c04fc2dcd2;;${userSid})'`,
    );
  });

  it('phs ad test exits 3 and prints the remediation while a right is missing', () => {
    const result = runPhsWith(['ad', 'test', '--directory', configFile], { PHS_AD_PASSWORD: user.password });
    expect(result.status, result.stderr).toBe(3);
    expect(result.stdout).toMatch(/Replicating Directory Changes All\s+MISSING/);
    expect(result.stderr).toContain('samba-tool dsacl set');
  });

  it('are held after an admin runs the two printed samba-tool commands', async () => {
    const report = await rightsOf(user.userPrincipalName, user.password);
    for (const right of REPLICATION_RIGHTS) {
      execSync(`${grantCommands(report, right).sambaTool} -H '${samLdb()}' -s '${labInfo().smbConf}'`, {
        timeout: 60_000,
        stdio: 'pipe',
      });
    }
    const after = await rightsOf(user.userPrincipalName, user.password);
    expect(after.replicatingDirectoryChanges).toMatchObject({ granted: true, via: 'explicit' });
    expect(after.replicatingDirectoryChangesAll).toMatchObject({ granted: true, via: 'explicit' });
    expect(after.canSync).toBe(true);
  });

  it('phs ad test exits 0 with the JSON the issue specifies once both rights are held', () => {
    const result = runPhsWith(['ad', 'test', '--directory', configFile, '--json'], {
      PHS_AD_PASSWORD: user.password,
    });
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, Record<string, unknown>>;
    expect(json['domain']).toMatchObject({
      dnsName: labInfo().dnsDomain,
      netbiosName: labInfo().netbiosDomain,
      defaultNamingContext: labInfo().baseDn,
    });
    expect(String(json['dc']?.['dnsHostName']).toLowerCase()).toBe(labInfo().serverName.toLowerCase());
    expect(json['rights']).toEqual({
      replicatingDirectoryChanges: true,
      replicatingDirectoryChangesAll: true,
    });
  });

  it('are missing again after a deny entry, which the check names as the reason', async () => {
    sambaTool(
      'dsacl',
      'set',
      `--objectdn=${labInfo().baseDn}`,
      `--sddl=(OD;;CR;${REPLICATING_DIRECTORY_CHANGES_ALL};;${userSid})`,
    );
    const report = await rightsOf(user.userPrincipalName, user.password);
    expect(report.replicatingDirectoryChanges.granted).toBe(true);
    expect(report.replicatingDirectoryChangesAll).toMatchObject({ granted: false, reason: 'denied' });
    expect(report.canSync).toBe(false);
    expect(missingRightsError(report)?.remediation).toMatch(
      /remove the deny entries for "Replicating Directory Changes All"/,
    );
    const cli = runPhsWith(['ad', 'test', '--directory', configFile], { PHS_AD_PASSWORD: user.password });
    expect(cli.status).toBe(3);
    expect(cli.stdout).toMatch(/Replicating Directory Changes All\s+MISSING \(denied/);
  });
});
