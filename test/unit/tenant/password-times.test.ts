import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/errors.ts';
import { USERS_WITH_PASSWORD_TIMES, parseUserPasswordTimes } from '../../../electron/tenant/password-times.ts';

describe("Graph's users with their password time", () => {
  it('asks for exactly the fields verify needs, lastPasswordChangeDateTime included ($select only), 999 a page', () => {
    expect(USERS_WITH_PASSWORD_TIMES).toBe(
      '/v1.0/users?$select=id,userPrincipalName,onPremisesImmutableId,onPremisesSyncEnabled,accountEnabled,lastPasswordChangeDateTime&$top=999',
    );
  });

  it('reads rows, missing or null values as null', () => {
    expect(
      parseUserPasswordTimes([
        {
          id: 'a', userPrincipalName: 'a@contoso.com', onPremisesImmutableId: 'QQ==', onPremisesSyncEnabled: true,
          accountEnabled: true, lastPasswordChangeDateTime: '2026-12-01T12:00:00Z',
        },
        { id: 'b', userPrincipalName: 'b@contoso.com', onPremisesImmutableId: null, lastPasswordChangeDateTime: null },
      ]),
    ).toEqual([
      { id: 'a', userPrincipalName: 'a@contoso.com', onPremisesImmutableId: 'QQ==', onPremisesSyncEnabled: true, accountEnabled: true, lastPasswordChangeDateTime: '2026-12-01T12:00:00Z' },
      { id: 'b', userPrincipalName: 'b@contoso.com', onPremisesImmutableId: null, onPremisesSyncEnabled: null, accountEnabled: null, lastPasswordChangeDateTime: null },
    ]);
  });

  it('refuses the answer when a row is malformed, naming the row and field', () => {
    expect(() => parseUserPasswordTimes([{ id: 'a', userPrincipalName: 'a@x', lastPasswordChangeDateTime: 'last week' }])).toThrow(
      expect.objectContaining({ code: ErrorCode.TenantRequestFailed, message: expect.stringContaining('row 1: lastPasswordChangeDateTime') }),
    );
    expect(() => parseUserPasswordTimes([{ id: 'a' }])).toThrow(/row 1: userPrincipalName/);
  });
});
