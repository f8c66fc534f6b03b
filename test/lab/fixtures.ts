/**
 * The seeded directory: a small OU tree with a sync scope, and users whose passwords and account
 * states cover the cases PHS must get right. These passwords are test data, on purpose in the code.
 */
import { BASE_DN, DNS_DOMAIN, READER_PASSWORD } from './config.ts';

export const LAB_OU = `OU=PHS Lab,${BASE_DN}`;
export const SYNC_OU = `OU=Sync,${LAB_OU}`;
export const NESTED_OU = `OU=Nested,${SYNC_OU}`;
export const EXCLUDED_OU = `OU=Excluded,${SYNC_OU}`;
export const OUT_OF_SCOPE_OU = `OU=Out of scope,${LAB_OU}`;
export const BULK_OU = `OU=Bulk,${SYNC_OU}`;
export const USERS_CONTAINER = `CN=Users,${BASE_DN}`;

/** Parents before children, so they can be created in this order. */
export const FIXTURE_OUS = [LAB_OU, SYNC_OU, NESTED_OU, EXCLUDED_OU, OUT_OF_SCOPE_OU] as const;

export const SCOPE = { includedOus: [SYNC_OU], excludedOus: [EXCLUDED_OU] } as const;

/**
 * - `mustChange`: pwdLastSet = 0, the user must change the password at next logon;
 * - `disabled`: userAccountControl has ACCOUNTDISABLE;
 * - `noPassword`: created without a password (PASSWD_NOTREQD), `password` is null.
 */
export type UserFlag = 'mustChange' | 'disabled' | 'noPassword';

export interface FixtureUser {
  readonly sAMAccountName: string;
  readonly cn: string;
  readonly ou: string;
  readonly password: string | null;
  readonly flags: readonly UserFlag[];
}

/** 127 characters, printable ASCII, deterministic. */
export const LONG_PASSWORD = (
  'Long-127-' + 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ!#'.repeat(2)
).slice(0, 127);

export const FIXTURE_USERS: readonly FixtureUser[] = [
  { sAMAccountName: 'ascii.user', cn: 'Ascii User', ou: SYNC_OU, password: 'Ascii-Passw0rd!', flags: [] },
  {
    sAMAccountName: 'unicode.user',
    cn: 'Zoë Ünicode',
    ou: SYNC_OU,
    password: 'Pässwörd-Ünïcødé-密码-1',
    flags: [],
  },
  { sAMAccountName: 'astral.user', cn: 'Astral User', ou: SYNC_OU, password: 'P🔑ss-𝔘nicode-1', flags: [] },
  { sAMAccountName: 'long.user', cn: 'Long Password User', ou: SYNC_OU, password: LONG_PASSWORD, flags: [] },
  {
    sAMAccountName: 'quote.user',
    cn: 'Quote User',
    ou: SYNC_OU,
    password: `Qu"ote\\Back'slash 1`,
    flags: [],
  },
  {
    sAMAccountName: 'mustchange.user',
    cn: 'Must Change User',
    ou: SYNC_OU,
    password: 'MustChange-Pass1!',
    flags: ['mustChange'],
  },
  {
    sAMAccountName: 'disabled.user',
    cn: 'Disabled User',
    ou: SYNC_OU,
    password: 'Disabled-Pass1!',
    flags: ['disabled'],
  },
  {
    sAMAccountName: 'nopassword.user',
    cn: 'No Password User',
    ou: SYNC_OU,
    password: null,
    flags: ['noPassword'],
  },
  { sAMAccountName: 'nested.user', cn: 'Nested User', ou: NESTED_OU, password: 'Nested-Pass1!', flags: [] },
  {
    sAMAccountName: 'excluded.user',
    cn: 'Excluded User',
    ou: EXCLUDED_OU,
    password: 'Excluded-Pass1!',
    flags: [],
  },
  {
    sAMAccountName: 'outofscope.user',
    cn: 'Out Of Scope User',
    ou: OUT_OF_SCOPE_OU,
    password: 'OutOfScope-Pass1!',
    flags: [],
  },
];

/** The least-privileged account: a plain domain user with no extra rights. */
export const READER: FixtureUser = {
  sAMAccountName: 'phs-reader',
  cn: 'phs-reader',
  ou: USERS_CONTAINER,
  password: READER_PASSWORD,
  flags: [],
};

export function userDn(user: Pick<FixtureUser, 'cn' | 'ou'>): string {
  return `CN=${user.cn},${user.ou}`;
}

export function userPrincipalName(sAMAccountName: string): string {
  return `${sAMAccountName}@${DNS_DOMAIN}`;
}

/** The RDN value of an OU DN (`OU=Nested,OU=Sync,…` → `Nested`). */
export function ouName(dn: string): string {
  return dn.slice(3, dn.indexOf(','));
}
