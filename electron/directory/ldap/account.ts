/**
 * Who are we bound as, and which SIDs are in that account's token? The account is found from
 * the "Who am I?" operation when the DC supports it (Windows does, Samba does not), otherwise
 * from the bind name. Its token is its own SID, its `tokenGroups` (all nested groups, built-in
 * ones included) and the well-known SIDs every authenticated network logon carries.
 */
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import type { LdapSession } from './connection/session.ts';
import { escapeFilterValue } from './dn.ts';
import { binaries, binary, requireText } from './entry.ts';
import { sidFromBytes } from './sd/sid.ts';

export interface BoundAccount {
  readonly dn: string;
  readonly sid: string;
  readonly sAMAccountName: string;
  /** The account's SID first, then its groups, then Everyone and Authenticated Users. */
  readonly tokenSids: readonly string[];
}

const WHO_AM_I_OID = '1.3.6.1.4.1.4203.1.11.3';
export const EVERYONE_SID = 'S-1-1-0';
export const AUTHENTICATED_USERS_SID = 'S-1-5-11';

/** The filters that may find the bound account, best first. */
export function accountFilters(name: string): string[] {
  const n = name.trim();
  if (n.startsWith('u:')) return accountFilters(n.slice(2));
  const backslash = n.indexOf('\\');
  if (backslash > 0) return [`(sAMAccountName=${escapeFilterValue(n.slice(backslash + 1))})`];
  const at = n.lastIndexOf('@');
  if (at > 0)
    return [
      `(userPrincipalName=${escapeFilterValue(n)})`,
      `(sAMAccountName=${escapeFilterValue(n.slice(0, at))})`,
    ];
  return [`(sAMAccountName=${escapeFilterValue(n)})`];
}

export function isDn(name: string): boolean {
  return /^\s*(dn:)?\s*[a-zA-Z][\w-]*\s*=/.test(name);
}

async function findAccountDn(session: LdapSession, username: string, domainDn: string): Promise<string> {
  const whoami = await session.exop(WHO_AM_I_OID);
  const name = whoami !== null && whoami !== '' ? whoami : username;
  if (isDn(name)) return name.replace(/^\s*dn:\s*/, '');
  for (const filter of accountFilters(name)) {
    const found = await session.search(
      {
        base: domainDn,
        scope: 'sub',
        filter: `(&(objectClass=user)${filter})`,
        attributes: ['1.1'],
        sizeLimit: 2,
      },
      'search for the bound account',
    );
    if (found.length === 1) return found[0]!.dn;
  }
  throw new AppError(
    ErrorCode.LdapOperationFailed,
    `Cannot find the account "${username}" in ${domainDn}.`,
    "Bind with the account's DN, or with DOMAIN\\sAMAccountName.",
  );
}

export async function resolveBoundAccount(session: LdapSession, domainDn: string): Promise<BoundAccount> {
  const dn = await findAccountDn(session, session.username, domainDn);
  const [entry] = await session.search(
    {
      base: dn,
      scope: 'base',
      attributes: ['objectSid', 'tokenGroups', 'sAMAccountName'],
      binary: ['objectSid', 'tokenGroups'],
    },
    "read of the bound account's groups",
  );
  const sidBytes = entry ? binary(entry, 'objectSid') : null;
  if (!entry || !sidBytes)
    throw new AppError(
      ErrorCode.LdapOperationFailed,
      `Cannot read the SID of ${dn}.`,
      'Check that the account can read its own object.',
    );
  const sid = sidFromBytes(sidBytes);
  const groups = binaries(entry, 'tokenGroups').map(sidFromBytes);
  return {
    dn: entry.dn,
    sid,
    sAMAccountName: requireText(entry, 'sAMAccountName'),
    tokenSids: [...new Set([sid, ...groups, EVERYONE_SID, AUTHENTICATED_USERS_SID])],
  };
}
