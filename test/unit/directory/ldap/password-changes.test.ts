import type { Entry } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../../shared/errors.ts';
import { parseGeneralizedTime } from '../../../../electron/directory/ldap/generalized-time.ts';
import { passwordChangeFromEntry } from '../../../../electron/directory/ldap/password-changes.ts';

const GUID = Buffer.from('00112233445566778899aabbccddeeff', 'hex');

function entry(attrs: Record<string, string | string[] | Buffer>): Entry {
  return { dn: 'CN=Alice,OU=Sync,DC=lab,DC=example,DC=test', ...attrs } as Entry;
}

describe('parseGeneralizedTime (rootDSE currentTime)', () => {
  it("reads AD's form, with or without a fraction, in UTC or with an offset", () => {
    expect(parseGeneralizedTime('20261204171413.0Z')).toBe(Date.parse('2026-12-04T17:14:13.000Z'));
    expect(parseGeneralizedTime('20261204171413Z')).toBe(Date.parse('2026-12-04T17:14:13.000Z'));
    expect(parseGeneralizedTime('20261204171413.25Z')).toBe(Date.parse('2026-12-04T17:14:13.250Z'));
    expect(parseGeneralizedTime('20261204191413+0200')).toBe(Date.parse('2026-12-04T17:14:13.000Z'));
    expect(parseGeneralizedTime('20261204121413-0500')).toBe(Date.parse('2026-12-04T17:14:13.000Z'));
  });

  it('refuses anything else', () => {
    for (const bad of ['', '2026-12-04T17:14:13Z', '202612041714Z', '20261304171413Z', '20260231120000Z', '20261204171413', '20261204171413+0260', '20261204251413Z'])
      expect(parseGeneralizedTime(bad), bad).toBeNull();
  });
});

describe('passwordChangeFromEntry', () => {
  it('keeps pwdLastSet as a FILETIME, null when absent, and what the sync rules need', () => {
    const e = passwordChangeFromEntry(
      entry({
        objectGUID: GUID,
        sAMAccountName: 'alice',
        userPrincipalName: 'alice@lab.example.test',
        objectClass: ['top', 'person', 'organizationalPerson', 'user'],
        userAccountControl: '512',
        pwdLastSet: '134408768096578600',
        isCriticalSystemObject: 'FALSE',
      }),
    );
    expect(e).toEqual({
      dn: 'CN=Alice,OU=Sync,DC=lab,DC=example,DC=test',
      objectGuid: GUID,
      consistencyGuid: null,
      sAMAccountName: 'alice',
      userPrincipalName: 'alice@lab.example.test',
      objectClasses: ['top', 'person', 'organizationalPerson', 'user'],
      userAccountControl: 512,
      pwdLastSet: 134408768096578600n,
      isCriticalSystemObject: false,
    });
    const bare = passwordChangeFromEntry(entry({ objectGUID: GUID, sAMAccountName: 'krbtgt', isCriticalSystemObject: 'TRUE' }));
    expect(bare).toMatchObject({ pwdLastSet: null, userPrincipalName: null, userAccountControl: 0, isCriticalSystemObject: true });
  });

  it('refuses a user without a 16-byte objectGUID, and a malformed pwdLastSet', () => {
    expect(() => passwordChangeFromEntry(entry({ sAMAccountName: 'x' }))).toThrow(expect.objectContaining({ code: ErrorCode.DirectoryValueMalformed }));
    expect(() => passwordChangeFromEntry(entry({ objectGUID: GUID.subarray(0, 8), sAMAccountName: 'x' }))).toThrow(/objectGUID/);
    expect(() => passwordChangeFromEntry(entry({ objectGUID: GUID, sAMAccountName: 'x', pwdLastSet: 'soon' }))).toThrow(
      expect.objectContaining({ code: ErrorCode.DirectoryValueMalformed }),
    );
  });
});
