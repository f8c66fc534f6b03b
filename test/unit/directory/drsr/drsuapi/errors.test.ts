import { describe, expect, it } from 'vitest';
import {
  DrsrCallError,
  DrsrMissingRightsError,
  werrorName,
} from '../../../../../electron/directory/drsr/drsuapi/errors.ts';
import { ErrorCode } from '../../../../../shared/errors.ts';

const target = { account: 'LAB\\svc-phs', accountDn: 'CN=svc-phs,CN=Users,DC=lab', ncDn: 'DC=lab' };

describe('drsuapi errors', () => {
  it('names DRS WERRORs and tells access denials from other failures', () => {
    expect(werrorName(0x2105)).toBe('ERROR_DS_DRA_ACCESS_DENIED');
    expect(werrorName(0x20e4)).toBe('ERROR_DS_CANT_FIND_EXPECTED_NC');
    expect(werrorName(0x1234)).toBe('unknown error');
    expect(new DrsrCallError('x', 0x2105).code).toBe(ErrorCode.DrsrAccessDenied);
    const other = new DrsrCallError('replication of DC=lab', 0x20f7);
    expect(other.code).toBe(ErrorCode.DrsrError);
    expect(other.message).toContain('0x000020f7 ERROR_DS_DRA_BAD_DN');
    expect(new DrsrCallError('x', 0x2191).remediation).toMatch(/full synchronisation/);
  });

  it('says which right is missing and how to grant it on Samba and on Windows', () => {
    const error = new DrsrMissingRightsError(['Get-Changes-All'], [], target);
    expect(error.code).toBe(ErrorCode.DrsrMissingRights);
    expect(error.message).toContain('Replicating Directory Changes All');
    expect(error.message).toContain('1131f6ad-9c07-11d1-f79f-00c04fc2dcd2');
    expect(error.message).not.toContain('1131f6aa');
    expect(error.remediation).toContain(
      'samba-tool dsacl set --objectdn="DC=lab" --trusteedn="CN=svc-phs,CN=Users,DC=lab" --car=get-changes-all --action=allow',
    );
    expect(error.remediation).toContain(
      'dsacls "DC=lab" /G "LAB\\svc-phs:CA;Replicating Directory Changes All"',
    );
  });

  it('names Get-Changes as missing and Get-Changes-All as still to check', () => {
    const error = new DrsrMissingRightsError(['Get-Changes'], ['Get-Changes-All'], {
      ...target,
      accountDn: null,
    });
    expect(error.missing).toEqual(['Get-Changes']);
    expect(error.unverified).toEqual(['Get-Changes-All']);
    expect(error.message).toMatch(
      /lacks "Replicating Directory Changes" .*also needs "Replicating Directory Changes All"/,
    );
    expect(error.remediation).toContain('--car=get-changes ');
    expect(error.remediation).toContain('--car=get-changes-all');
    expect(error.remediation).toContain('<DN of LAB\\svc-phs>');
  });
});
