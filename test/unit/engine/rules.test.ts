import { describe, expect, it } from 'vitest';
import {
  changeDateOf,
  filetimeToIso,
  judge,
  passwordStamp,
  type RuleContext,
} from '../../../electron/engine/rules.ts';
import { Scope } from '../../../electron/engine/scope.ts';
import type { SourceUser } from '../../../electron/engine/ports.ts';

const D = 'DC=lab,DC=example,DC=test';
const ctx = (force = false): RuleContext => ({
  scope: new Scope({ includeOUs: [`OU=Staff,${D}`], excludeOUs: [] }),
  forceChangeFeature: force,
});
const FT_2024 = 133_485_408_000_000_000n; // 2024-01-01T00:00:00Z

function user(extra: Partial<SourceUser> = {}): SourceUser {
  return {
    objectGuid: 'g',
    sourceAnchor: 'a',
    dn: `CN=u,OU=Staff,${D}`,
    samAccountName: 'u',
    userPrincipalName: 'u@x',
    objectClasses: ['top', 'person', 'organizationalPerson', 'user'],
    userAccountControl: 0x200,
    pwdLastSet: FT_2024,
    ntHash: Buffer.alloc(16, 1),
    ...extra,
  };
}

describe('account rules', () => {
  it('sync a plain, enabled, in-scope user with a password', () => {
    expect(judge(user(), ctx())).toEqual({ kind: 'sync', forceChange: false });
  });

  it('sync disabled accounts too (as Entra Connect does)', () => {
    expect(judge(user({ userAccountControl: 0x202 }), ctx())).toEqual({ kind: 'sync', forceChange: false });
  });

  it('ignore computers, iNetOrgPerson, trust accounts and non-users', () => {
    const base = ['top', 'person', 'organizationalPerson', 'user'];
    expect(judge(user({ objectClasses: [...base, 'computer'] }), ctx())).toEqual({
      kind: 'ignore',
      reason: 'computer',
    });
    expect(judge(user({ objectClasses: [...base, 'inetOrgPerson'] }), ctx())).toEqual({
      kind: 'ignore',
      reason: 'inetOrgPerson',
    });
    expect(judge(user({ userAccountControl: 0x800 }), ctx())).toEqual({
      kind: 'ignore',
      reason: 'trustAccount',
    });
    expect(
      judge(user({ objectClasses: ['top', 'person', 'organizationalPerson', 'contact'] }), ctx()),
    ).toEqual({ kind: 'ignore', reason: 'notAUser' });
    expect(judge(user({ objectClasses: [...base, 'msDS-ManagedServiceAccount'] }), ctx())).toEqual({
      kind: 'ignore',
      reason: 'notAUser',
    });
  });

  it('report out of scope with the reason', () => {
    expect(judge(user({ dn: `CN=u,OU=Other,${D}` }), ctx())).toMatchObject({
      kind: 'outOfScope',
      scope: { reason: 'notInIncludedOU' },
    });
  });

  it('filter system accounts', () => {
    expect(judge(user({ samAccountName: 'krbtgt' }), ctx())).toEqual({
      kind: 'filtered',
      reason: 'systemAccount',
    });
    expect(judge(user({ samAccountName: 'MSOL_1234' }), ctx())).toEqual({
      kind: 'filtered',
      reason: 'systemAccount',
    });
    expect(judge(user({ isCriticalSystemObject: true }), ctx())).toEqual({
      kind: 'filtered',
      reason: 'systemAccount',
    });
  });

  it('report users without a password, not fail them', () => {
    expect(judge(user({ ntHash: null, pwdLastSet: 0n }), ctx())).toEqual({ kind: 'noPassword' });
  });

  it('pwdLastSet = 0: force change only when the tenant feature is on, else filtered', () => {
    expect(judge(user({ pwdLastSet: 0n }), ctx(false))).toEqual({
      kind: 'filtered',
      reason: 'mustChangePassword',
    });
    expect(judge(user({ pwdLastSet: 0n }), ctx(true))).toEqual({ kind: 'sync', forceChange: true });
  });

  it('tombstones are gone', () => {
    expect(judge(user({ isDeleted: true }), ctx())).toEqual({ kind: 'gone' });
  });
});

describe('password change stamps', () => {
  it('converts FILETIMEs, refusing 0 and out-of-range values', () => {
    expect(filetimeToIso(FT_2024)).toBe('2024-01-01T00:00:00.000Z');
    expect(filetimeToIso(0n)).toBeNull();
    expect(filetimeToIso(0x7fffffffffffffffn)).toBeNull();
  });

  it('prefers the replication metadata, then pwdLastSet', () => {
    expect(passwordStamp({ pwdLastSet: FT_2024, passwordChangedAt: '2024-02-02T00:00:00.000Z' })).toBe(
      '2024-02-02T00:00:00.000Z',
    );
    expect(passwordStamp({ pwdLastSet: FT_2024 })).toBe('2024-01-01T00:00:00.000Z');
    expect(passwordStamp({ pwdLastSet: 0n })).toBe('pwdLastSet=0');
    expect(passwordStamp({ pwdLastSet: null })).toBeNull();
  });

  it('sends the change date, or now when unknown', () => {
    expect(changeDateOf({ pwdLastSet: FT_2024 }, 0)).toBe('2024-01-01T00:00:00.000Z');
    expect(changeDateOf({ pwdLastSet: 0n }, Date.UTC(2025, 0, 1))).toBe('2025-01-01T00:00:00.000Z');
  });
});
