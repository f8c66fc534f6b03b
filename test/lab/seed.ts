/**
 * Creates the fixture OUs and users over LDAPS as Administrator. Idempotent: whatever already
 * exists is skipped (and left as it is), so `up` can run it every time the DC starts.
 */
import { Attribute, Change } from 'ldapts';
import type { Client } from 'ldapts';
import { FIXTURE_OUS, FIXTURE_USERS, READER, ouName, userDn, userPrincipalName } from './fixtures.ts';
import type { FixtureUser } from './fixtures.ts';
import { dnExists, unicodePwd } from './ldap.ts';

const UF_ACCOUNTDISABLE = 0x2;
const UF_PASSWD_NOTREQD = 0x20;
const UF_NORMAL_ACCOUNT = 0x200;

export function userAccountControl(user: FixtureUser): number {
  let uac = UF_NORMAL_ACCOUNT;
  if (user.flags.includes('disabled')) uac |= UF_ACCOUNTDISABLE;
  if (user.password === null) uac |= UF_PASSWD_NOTREQD;
  return uac;
}

/**
 * One add request carries the password and the final userAccountControl, so the account is
 * never enabled without its password. "Must change" is a second step: pwdLastSet = 0.
 */
export async function addUser(client: Client, user: FixtureUser): Promise<void> {
  const dn = userDn(user);
  const [givenName, ...rest] = user.cn.split(' ');
  const attributes = [
    new Attribute({ type: 'objectClass', values: ['top', 'person', 'organizationalPerson', 'user'] }),
    new Attribute({ type: 'cn', values: [user.cn] }),
    new Attribute({ type: 'sAMAccountName', values: [user.sAMAccountName] }),
    new Attribute({ type: 'userPrincipalName', values: [userPrincipalName(user.sAMAccountName)] }),
    new Attribute({ type: 'displayName', values: [user.cn] }),
    new Attribute({ type: 'givenName', values: [givenName ?? user.cn] }),
    new Attribute({ type: 'sn', values: [rest.length > 0 ? rest.join(' ') : user.cn] }),
    new Attribute({ type: 'userAccountControl', values: [String(userAccountControl(user))] }),
  ];
  if (user.password !== null)
    attributes.push(new Attribute({ type: 'unicodePwd', values: [unicodePwd(user.password)] }));
  await client.add(dn, attributes);
  if (user.flags.includes('mustChange')) {
    await client.modify(
      dn,
      new Change({
        operation: 'replace',
        modification: new Attribute({ type: 'pwdLastSet', values: ['0'] }),
      }),
    );
  }
}

export interface SeedResult {
  readonly created: number;
  readonly existing: number;
}

/** Seeds the fixture OUs, users and the non-admin reader account. */
export async function seedFixtures(client: Client): Promise<SeedResult> {
  let created = 0;
  let existing = 0;
  for (const ou of FIXTURE_OUS) {
    if (await dnExists(client, ou)) {
      existing++;
      continue;
    }
    await client.add(ou, { objectClass: ['top', 'organizationalUnit'], ou: ouName(ou) });
    created++;
  }
  for (const user of [...FIXTURE_USERS, READER]) {
    if (await dnExists(client, userDn(user))) {
      existing++;
      continue;
    }
    await addUser(client, user);
    created++;
  }
  return { created, existing };
}
