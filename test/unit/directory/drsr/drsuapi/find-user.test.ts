import { describe, expect, it } from 'vitest';
import { NameFormat } from '../../../../../electron/directory/drsr/drsuapi/constants.ts';
import type { CrackedName } from '../../../../../electron/directory/drsr/drsuapi/crack-names.ts';
import { findUser, looksLikeDn } from '../../../../../electron/directory/drsr/drsuapi/find-user.ts';
import { ErrorCode } from '../../../../../shared/errors.ts';

const DN = 'CN=Jane Doe,OU=Sync,DC=lab';
const GUID = '0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9';

/** A DC that knows one user and records what it was asked. */
function fakeDc(): {
  crackNames: (o: NameFormat, d: NameFormat, n: readonly string[]) => Promise<CrackedName[]>;
  asked: string[];
} {
  const asked: string[] = [];
  return {
    asked,
    crackNames: async (offered, desired, names) => {
      asked.push(`${offered}>${desired}:${names.join()}`);
      const known = ['lab\\jdoe', 'jdoe@lab.example.test', DN.toLowerCase(), `{${GUID}}`].includes(
        names[0]!.toLowerCase(),
      );
      if (!known) return [{ status: 2, domain: null, name: null }];
      const name = desired === NameFormat.UniqueId ? `{${GUID.toUpperCase()}}` : DN;
      return [{ status: 0, domain: 'lab.example.test', name }];
    },
  };
}

describe('finding a user by name (DRSCrackNames)', () => {
  it('tells DNs from other names', () => {
    expect(looksLikeDn(DN)).toBe(true);
    expect(looksLikeDn('CN=Doe\\, Jane,OU=x,DC=lab')).toBe(true);
    expect(looksLikeDn('jdoe')).toBe(false);
    expect(looksLikeDn('jdoe@lab.example.test')).toBe(false);
    expect(looksLikeDn('LAB\\jdoe')).toBe(false);
  });

  it.each([
    ['jdoe', `${NameFormat.Nt4Account}>${NameFormat.Fqdn1779}:LAB\\jdoe`],
    ['LAB\\jdoe', `${NameFormat.Nt4Account}>${NameFormat.Fqdn1779}:LAB\\jdoe`],
    ['jdoe@lab.example.test', `${NameFormat.UserPrincipal}>${NameFormat.Fqdn1779}:jdoe@lab.example.test`],
    [DN, `${NameFormat.Fqdn1779}>${NameFormat.UniqueId}:${DN}`],
    [GUID, `${NameFormat.UniqueId}>${NameFormat.Fqdn1779}:{${GUID}}`],
    [`{${GUID.toUpperCase()}}`, `${NameFormat.UniqueId}>${NameFormat.Fqdn1779}:{${GUID.toUpperCase()}}`],
  ])('resolves %s to the DN and the lowercase GUID', async (name, firstQuery) => {
    const dc = fakeDc();
    expect(await findUser(dc, name, 'LAB')).toEqual({ dn: DN, guid: GUID });
    expect(dc.asked[0]).toBe(firstQuery);
  });

  it('names an unknown user, an empty name, and a bare name without a known domain', async () => {
    await expect(findUser(fakeDc(), 'nobody', 'LAB')).rejects.toMatchObject({
      code: ErrorCode.DrsrUserNotFound,
      message: expect.stringMatching(/not found/),
    });
    await expect(findUser(fakeDc(), '  ', 'LAB')).rejects.toMatchObject({ code: ErrorCode.DrsrUserNotFound });
    await expect(findUser(fakeDc(), 'jdoe', null)).rejects.toMatchObject({
      code: ErrorCode.DrsrUserNotFound,
    });
  });
});
