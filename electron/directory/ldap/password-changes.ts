/**
 * What `phs verify` reads from the directory, and nothing secret: each user's password change
 * time (`pwdLastSet`), the anchors it may have in the cloud (objectGUID, mS-DS-ConsistencyGuid),
 * and what the sync rules need (classes, userAccountControl, isCriticalSystemObject); plus the
 * DC's clock from the rootDSE (`currentTime`). Paged, one page in memory at a time.
 */
import type { Entry } from 'ldapts';
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import type { LdapSession } from './connection/session.ts';
import { binary, integer, largeInteger, requireText, text, texts } from './entry.ts';
import { parseGeneralizedTime } from './generalized-time.ts';
import { scopedUserEntries, type ScopedSearch } from './users.ts';
import type { Scope } from './scope.ts';

export interface PasswordChangeEntry {
  readonly dn: string;
  readonly objectGuid: Buffer;
  readonly consistencyGuid: Buffer | null;
  readonly sAMAccountName: string;
  readonly userPrincipalName: string | null;
  readonly objectClasses: readonly string[];
  readonly userAccountControl: number;
  /** FILETIME; 0 = never set or must change at next logon; null = absent. */
  readonly pwdLastSet: bigint | null;
  readonly isCriticalSystemObject: boolean;
}

const BINARY = ['objectGUID', 'mS-DS-ConsistencyGuid'] as const;
export const PASSWORD_CHANGE_SEARCH: ScopedSearch = {
  attributes: [
    ...BINARY,
    'sAMAccountName',
    'userPrincipalName',
    'objectClass',
    'userAccountControl',
    'pwdLastSet',
    'isCriticalSystemObject',
  ],
  binary: BINARY,
  pageSize: 500,
};

export function passwordChangeFromEntry(entry: Entry): PasswordChangeEntry {
  const guid = binary(entry, 'objectGUID');
  if (!guid || guid.length !== 16)
    throw new AppError(
      ErrorCode.DirectoryValueMalformed,
      `The user ${entry.dn} has no readable objectGUID.`,
      'Check that the account may read user objects.',
    );
  return {
    dn: entry.dn,
    objectGuid: guid,
    consistencyGuid: binary(entry, 'mS-DS-ConsistencyGuid'),
    sAMAccountName: requireText(entry, 'sAMAccountName'),
    userPrincipalName: text(entry, 'userPrincipalName'),
    objectClasses: texts(entry, 'objectClass'),
    userAccountControl: integer(entry, 'userAccountControl') ?? 0,
    pwdLastSet: largeInteger(entry, 'pwdLastSet'),
    isCriticalSystemObject: (text(entry, 'isCriticalSystemObject') ?? '').toUpperCase() === 'TRUE',
  };
}

/** Every user under the scope's search bases (the caller applies its own scope rules too). */
export async function* streamPasswordChanges(
  session: LdapSession,
  scope: Scope,
): AsyncGenerator<PasswordChangeEntry> {
  for await (const entry of scopedUserEntries(session, scope, PASSWORD_CHANGE_SEARCH))
    yield passwordChangeFromEntry(entry);
}

/** The DC's clock (rootDSE `currentTime`) as ISO 8601, or null when the DC does not send a readable one. */
export async function readDcTime(session: LdapSession): Promise<string | null> {
  const [root] = await session.search(
    { base: '', scope: 'base', attributes: ['currentTime'] },
    "read of the DC's current time",
  );
  const value = root ? text(root, 'currentTime') : null;
  const ms = value === null ? null : parseGeneralizedTime(value);
  return ms === null ? null : new Date(ms).toISOString();
}
