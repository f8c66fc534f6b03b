import { describe, expect, it } from 'vitest';
import type { PasswordChangeEntry } from '../../../electron/directory/ldap/password-changes.ts';
import { Scope } from '../../../electron/engine/scope.ts';
import { sourceAnchorOf } from '../../../electron/host/drsr-source.ts';
import { hasPassword, onPremUserOf, sourceAnchorsOf } from '../../../electron/host/verify-directory.ts';

const SYNC = 'OU=Sync,DC=lab,DC=example,DC=test';
const GUID = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
const rules = (forceChangeFeature = false) => ({ scope: new Scope({ includeOUs: [SYNC], excludeOUs: [`OU=Excluded,${SYNC}`] }), forceChangeFeature });

function entry(patch: Partial<PasswordChangeEntry> = {}): PasswordChangeEntry {
  return {
    dn: `CN=Alice,${SYNC}`,
    objectGuid: GUID,
    consistencyGuid: null,
    sAMAccountName: 'alice',
    userPrincipalName: 'alice@lab.example.test',
    objectClasses: ['top', 'person', 'organizationalPerson', 'user'],
    userAccountControl: 0x200,
    pwdLastSet: 134408768096578600n,
    isCriticalSystemObject: false,
    ...patch,
  };
}

describe('the on-premises end of verify', () => {
  it('hasPassword: absent → no; 0 with PASSWD_NOTREQD → no; 0 alone (must change) or a time → yes', () => {
    expect(hasPassword({ pwdLastSet: null, userAccountControl: 0x200 })).toBe(false);
    expect(hasPassword({ pwdLastSet: 0n, userAccountControl: 0x220 })).toBe(false);
    expect(hasPassword({ pwdLastSet: 0n, userAccountControl: 0x200 })).toBe(true);
    expect(hasPassword({ pwdLastSet: 134408768096578600n, userAccountControl: 0x220 })).toBe(true);
  });

  it("anchors: the engine's (base64 objectGUID), after mS-DS-ConsistencyGuid when that differs", () => {
    const byGuid = GUID.toString('base64');
    expect(sourceAnchorsOf(entry())).toEqual([byGuid]);
    expect(sourceAnchorOf('33221100-5544-7766-8899-aabbccddeeff')).toBe(byGuid);
    expect(sourceAnchorsOf(entry({ consistencyGuid: GUID }))).toEqual([byGuid]);
    const other = Buffer.alloc(16, 7);
    expect(sourceAnchorsOf(entry({ consistencyGuid: other }))).toEqual([other.toString('base64'), byGuid]);
  });

  it('a plain user: rule sync, pwdLastSet as ISO, enabled', () => {
    expect(onPremUserOf(entry(), rules())).toEqual({
      sAMAccountName: 'alice',
      userPrincipalName: 'alice@lab.example.test',
      sourceAnchors: [GUID.toString('base64')],
      passwordChangedAt: '2026-12-04T16:53:29.657Z',
      enabled: true,
      rule: 'sync',
    });
    expect(onPremUserOf(entry({ userAccountControl: 0x202 }), rules())).toMatchObject({ enabled: false, rule: 'sync' });
  });

  it("the engine's rules decide: out of scope and non-users are left out; system accounts filtered", () => {
    expect(onPremUserOf(entry({ dn: `CN=Alice,OU=Excluded,${SYNC}` }), rules())).toBeNull();
    expect(onPremUserOf(entry({ dn: 'CN=Alice,OU=Elsewhere,DC=lab,DC=example,DC=test' }), rules())).toBeNull();
    expect(onPremUserOf(entry({ objectClasses: ['top', 'person', 'organizationalPerson', 'user', 'computer'] }), rules())).toBeNull();
    expect(onPremUserOf(entry({ sAMAccountName: 'krbtgt' }), rules())).toMatchObject({ rule: 'filtered' });
    expect(onPremUserOf(entry({ isCriticalSystemObject: true }), rules())).toMatchObject({ rule: 'filtered' });
  });

  it('must change at next logon: filtered unless the tenant syncs it; no password: noPassword', () => {
    expect(onPremUserOf(entry({ pwdLastSet: 0n }), rules(false))).toMatchObject({ rule: 'filtered', passwordChangedAt: null });
    expect(onPremUserOf(entry({ pwdLastSet: 0n }), rules(true))).toMatchObject({ rule: 'sync', passwordChangedAt: null });
    expect(onPremUserOf(entry({ pwdLastSet: 0n, userAccountControl: 0x220 }), rules(true))).toMatchObject({ rule: 'noPassword' });
    expect(onPremUserOf(entry({ pwdLastSet: null }), rules())).toMatchObject({ rule: 'noPassword' });
  });
});
