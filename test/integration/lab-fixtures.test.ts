import { InvalidCredentialsError } from 'ldapts';
import { describe, expect, it } from 'vitest';
import type { LabUser } from '../lab/lab-info.ts';
import { labInfo, ldapsClient, withBoundClient } from './lab.ts';

const UF_ACCOUNTDISABLE = 0x2;
const UF_PASSWD_NOTREQD = 0x20;

/** The AD sub-code ("data 52e") a failed simple bind reports, or null when the bind succeeded. */
async function bindOutcome(username: string, password: string): Promise<string | null> {
  const client = ldapsClient();
  try {
    await client.bind(username, password);
    return null;
  } catch (error) {
    if (!(error instanceof InvalidCredentialsError)) throw error;
    return /\bdata ([0-9a-f]+)\b/.exec(error.message)?.[1] ?? error.message;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

const lab = labInfo();
const enabledWithPassword = lab.users.filter((user) => user.password !== null && user.flags.length === 0);

describe('the seeded lab directory', () => {
  it('covers the password and account kinds the sync must handle', () => {
    const passwords = lab.users.flatMap((user) => (user.password === null ? [] : [user.password]));
    expect(passwords.some((p) => /^[\x20-\x7e]+$/.test(p))).toBe(true);
    expect(passwords.some((p) => /[\u{80}-\u{ffff}]/u.test(p) && !/[\u{10000}-\u{10ffff}]/u.test(p))).toBe(
      true,
    );
    expect(passwords.some((p) => /[\u{10000}-\u{10ffff}]/u.test(p))).toBe(true);
    expect(passwords.some((p) => p.length === 127)).toBe(true);
    for (const flag of ['mustChange', 'disabled', 'noPassword'] as const) {
      expect(
        lab.users.some((user) => user.flags.includes(flag)),
        flag,
      ).toBe(true);
    }
  });

  it.each(lab.users.map((user) => [user.sAMAccountName, user] as const))(
    '%s exists under the OU lab.json names, in the state it names',
    async (_name, user: LabUser) => {
      const entry = await withBoundClient(lab.admin.username, lab.admin.password, async (client) => {
        const { searchEntries } = await client.search(user.ou, {
          scope: 'one',
          filter: `(sAMAccountName=${user.sAMAccountName})`,
          attributes: ['userPrincipalName', 'userAccountControl', 'pwdLastSet'],
        });
        return searchEntries;
      });
      expect(entry).toHaveLength(1);
      expect(entry[0]?.dn.toLowerCase()).toBe(user.dn.toLowerCase());
      expect(entry[0]?.['userPrincipalName']).toBe(user.userPrincipalName);
      const uac = Number(entry[0]?.['userAccountControl']);
      expect((uac & UF_ACCOUNTDISABLE) !== 0).toBe(user.flags.includes('disabled'));
      expect((uac & UF_PASSWD_NOTREQD) !== 0).toBe(user.flags.includes('noPassword'));
      if (user.flags.includes('mustChange')) expect(entry[0]?.['pwdLastSet']).toBe('0');
    },
  );

  it('keeps the excluded OU inside an included OU and the out-of-scope users outside every included OU', () => {
    const under = (dn: string, ou: string): boolean => dn.toLowerCase().endsWith(`,${ou.toLowerCase()}`);
    for (const excluded of lab.scope.excludedOus)
      expect(lab.scope.includedOus.some((ou) => under(excluded, ou))).toBe(true);
    const outside = lab.users.filter((user) => !lab.scope.includedOus.some((ou) => under(user.dn, ou)));
    const excluded = lab.users.filter((user) => lab.scope.excludedOus.some((ou) => under(user.dn, ou)));
    expect(outside.length).toBeGreaterThan(0);
    expect(excluded.length).toBeGreaterThan(0);
  });

  it.each(enabledWithPassword.map((user) => [user.sAMAccountName, user] as const))(
    '%s can bind with the password lab.json gives',
    async (_name, user: LabUser) => {
      expect(await bindOutcome(user.userPrincipalName, user.password ?? '')).toBeNull();
      expect(await bindOutcome(user.userPrincipalName, `${user.password ?? ''}x`)).toBe('52e');
    },
  );

  it('refuses the disabled user (533) and the must-change user (773) although their passwords are right', async () => {
    for (const [flag, code] of [
      ['disabled', '533'],
      ['mustChange', '773'],
    ] as const) {
      const user = lab.users.find((candidate) => candidate.flags.includes(flag));
      expect(user?.password, flag).toBeTypeOf('string');
      expect(await bindOutcome(user?.userPrincipalName ?? '', user?.password ?? '')).toBe(code);
    }
  });

  it('lets the non-admin account bind, in UPN, down-level and DN form, without any group membership', async () => {
    const { nonAdmin } = lab;
    for (const name of [nonAdmin.username, nonAdmin.netbiosName, nonAdmin.dn])
      expect(await bindOutcome(name, nonAdmin.password)).toBeNull();
    const memberOf = await withBoundClient(nonAdmin.username, nonAdmin.password, async (client) => {
      const { searchEntries } = await client.search(nonAdmin.dn, {
        scope: 'base',
        attributes: ['memberOf', 'adminCount', 'primaryGroupID'],
      });
      return searchEntries[0];
    });
    expect(memberOf).toBeDefined();
    // ldapts reports an absent attribute it was asked for as an empty list.
    expect([memberOf?.['memberOf'] ?? []].flat()).toEqual([]);
    expect([memberOf?.['adminCount'] ?? []].flat()).toEqual([]);
    expect(memberOf?.['primaryGroupID']).toBe('513'); // Domain Users only
  });
});
