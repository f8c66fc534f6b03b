/**
 * In-scope user objects as an async stream over paged results: one page in memory at a time,
 * whatever the directory's size. Binary attributes stay Buffers; nothing secret is read.
 */
import type { Entry } from 'ldapts';
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import type { LdapSession } from './connection/session.ts';
import { binary, integer, largeInteger, requireText, text } from './entry.ts';
import { USER_FILTER, inScope, searchBases, validateScope, type Scope } from './scope.ts';

export interface DirectoryUser {
  readonly dn: string;
  readonly objectGuid: Buffer;
  readonly objectSid: Buffer;
  readonly sAMAccountName: string;
  readonly userPrincipalName: string | null;
  readonly displayName: string | null;
  readonly userAccountControl: number;
  /** FILETIME; 0 = must change at next logon. */
  readonly pwdLastSet: bigint;
  /** FILETIME; 0 or 0x7FFFFFFFFFFFFFFF = never. */
  readonly accountExpires: bigint;
  /** `mS-DS-ConsistencyGuid`, the usual source anchor, when set. */
  readonly consistencyGuid: Buffer | null;
}

export const UserAccountControl = {
  AccountDisable: 0x0002,
  PasswordNotRequired: 0x0020,
  NormalAccount: 0x0200,
  DontExpirePassword: 0x1_0000,
} as const;

export const USER_BINARY_ATTRIBUTES = ['objectGUID', 'objectSid', 'mS-DS-ConsistencyGuid'] as const;
export const USER_ATTRIBUTES = [
  ...USER_BINARY_ATTRIBUTES,
  'sAMAccountName',
  'userPrincipalName',
  'displayName',
  'userAccountControl',
  'pwdLastSet',
  'accountExpires',
] as const;

export function isEnabled(user: Pick<DirectoryUser, 'userAccountControl'>): boolean {
  return (user.userAccountControl & UserAccountControl.AccountDisable) === 0;
}

export function userFromEntry(entry: Entry): DirectoryUser {
  const guid = binary(entry, 'objectGUID');
  const sid = binary(entry, 'objectSid');
  if (!guid || !sid)
    throw new AppError(
      ErrorCode.DirectoryValueMalformed,
      `The user ${entry.dn} has no objectGUID or objectSid.`,
      'Check that the account may read user objects.',
    );
  return {
    dn: entry.dn,
    objectGuid: guid,
    objectSid: sid,
    sAMAccountName: requireText(entry, 'sAMAccountName'),
    userPrincipalName: text(entry, 'userPrincipalName'),
    displayName: text(entry, 'displayName'),
    userAccountControl: integer(entry, 'userAccountControl') ?? 0,
    pwdLastSet: largeInteger(entry, 'pwdLastSet') ?? 0n,
    accountExpires: largeInteger(entry, 'accountExpires') ?? 0n,
    consistencyGuid: binary(entry, 'mS-DS-ConsistencyGuid'),
  };
}

export interface ScopedSearch {
  readonly extraFilter?: string;
  readonly attributes: readonly string[];
  readonly binary: readonly string[];
  readonly pageSize?: number;
}

/** Every in-scope user entry, page by page, each base searched once. */
export async function* scopedUserEntries(
  session: LdapSession,
  scope: Scope,
  search: ScopedSearch,
): AsyncGenerator<Entry> {
  validateScope(scope);
  const filter = search.extraFilter === undefined ? USER_FILTER : `(&${USER_FILTER}${search.extraFilter})`;
  for (const base of searchBases(scope)) {
    const pages = session.pages(
      { base, scope: 'sub', filter, attributes: search.attributes, binary: search.binary },
      `search for users under ${base}`,
      search.pageSize,
    );
    for await (const page of pages) {
      for (const entry of page) if (inScope(entry.dn, scope)) yield entry;
    }
  }
}

export async function* streamUsers(
  session: LdapSession,
  scope: Scope,
  pageSize?: number,
): AsyncGenerator<DirectoryUser> {
  const search = {
    attributes: USER_ATTRIBUTES,
    binary: USER_BINARY_ATTRIBUTES,
    ...(pageSize === undefined ? {} : { pageSize }),
  };
  for await (const entry of scopedUserEntries(session, scope, search)) yield userFromEntry(entry);
}

/** The number of users in scope (the wizard's preview). */
export async function countUsers(session: LdapSession, scope: Scope): Promise<number> {
  let count = 0;
  for await (const entry of scopedUserEntries(session, scope, {
    attributes: ['1.1'],
    binary: [],
    pageSize: 1000,
  })) {
    void entry;
    count++;
  }
  return count;
}
