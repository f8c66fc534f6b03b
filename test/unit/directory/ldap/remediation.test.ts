import { describe, expect, it } from 'vitest';
import { grantCommands, missingRightsError } from '../../../../electron/directory/ldap/remediation.ts';
import { REPLICATION_RIGHTS, type RightsReport } from '../../../../electron/directory/ldap/rights.ts';

const report: RightsReport = {
  account: {
    dn: 'CN=svc-phs,CN=Users,DC=lab,DC=example,DC=test',
    sid: 'S-1-5-21-1-2-3-1105',
    sAMAccountName: 'svc-phs',
    downLevelName: 'LAB\\svc-phs',
  },
  domainDn: 'DC=lab,DC=example,DC=test',
  replicatingDirectoryChanges: { granted: true, via: 'explicit', aceIndex: 0 },
  replicatingDirectoryChangesAll: { granted: false, reason: 'notGranted' },
  canSync: false,
};

describe('replication rights remediation', () => {
  it('gives the exact dsacls and samba-tool commands with the account and the domain DN', () => {
    expect(grantCommands(report, REPLICATION_RIGHTS[1])).toEqual({
      dsacls: 'dsacls "DC=lab,DC=example,DC=test" /G "LAB\\svc-phs:CA;Replicating Directory Changes All"',
      sambaTool:
        "samba-tool dsacl set --objectdn='DC=lab,DC=example,DC=test' --sddl='(OA;;CR;1131f6ad-9c07-11d1-f79f-00c04fc2dcd2;;S-1-5-21-1-2-3-1105)'",
    });
  });

  it('names only the missing right and only its commands', () => {
    const error = missingRightsError(report);
    expect(error?.code).toBe('MISSING_REPLICATION_RIGHTS');
    expect(error?.message).toContain('"Replicating Directory Changes All"');
    expect(error?.message).not.toContain('"Replicating Directory Changes" ');
    expect(error?.remediation).toContain('1131f6ad-9c07-11d1-f79f-00c04fc2dcd2');
    expect(error?.remediation).not.toContain('1131f6aa');
  });

  it('says to remove a deny entry first when one decided', () => {
    const denied = missingRightsError({
      ...report,
      replicatingDirectoryChangesAll: { granted: false, reason: 'denied', aceIndex: 0 },
    });
    expect(denied?.remediation).toMatch(/remove the deny entries/);
    expect(denied?.remediation).toContain('/R "LAB\\svc-phs"');
  });

  it('is null when both rights are held', () => {
    expect(
      missingRightsError({
        ...report,
        replicatingDirectoryChangesAll: { granted: true, via: 'genericAll', aceIndex: 3 },
        canSync: true,
      }),
    ).toBeNull();
  });
});
