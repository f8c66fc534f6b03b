/**
 * Can the bound account replicate secrets? It needs two control-access rights on the domain
 * head: Replicating Directory Changes and Replicating Directory Changes All. We read the head's
 * DACL (SD-flags control: DACL only, which any reader may see) and evaluate it for the
 * account's token, the way the DC would.
 */
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import { resolveBoundAccount } from './account.ts';
import type { LdapSession } from './connection/session.ts';
import { SdFlagsControl, SecurityInformation } from './controls.ts';
import { binary } from './entry.ts';
import { checkControlAccess, type RightDecision } from './sd/access-check.ts';
import { parseSecurityDescriptor, type SecurityDescriptor } from './sd/security-descriptor.ts';

export const REPLICATING_DIRECTORY_CHANGES = '1131f6aa-9c07-11d1-f79f-00c04fc2dcd2';
export const REPLICATING_DIRECTORY_CHANGES_ALL = '1131f6ad-9c07-11d1-f79f-00c04fc2dcd2';

export const REPLICATION_RIGHTS = [
  {
    key: 'replicatingDirectoryChanges',
    guid: REPLICATING_DIRECTORY_CHANGES,
    name: 'Replicating Directory Changes',
  },
  {
    key: 'replicatingDirectoryChangesAll',
    guid: REPLICATING_DIRECTORY_CHANGES_ALL,
    name: 'Replicating Directory Changes All',
  },
] as const;

export interface ReplicationDecisions {
  readonly replicatingDirectoryChanges: RightDecision;
  readonly replicatingDirectoryChangesAll: RightDecision;
}

export interface RightsReport extends ReplicationDecisions {
  readonly account: {
    readonly dn: string;
    readonly sid: string;
    readonly sAMAccountName: string;
    readonly downLevelName: string;
  };
  readonly domainDn: string;
  readonly canSync: boolean;
}

export function evaluateReplicationRights(
  sd: SecurityDescriptor,
  tokenSids: Iterable<string>,
): ReplicationDecisions {
  const token = new Set(tokenSids);
  return {
    replicatingDirectoryChanges: checkControlAccess(sd, token, REPLICATING_DIRECTORY_CHANGES),
    replicatingDirectoryChangesAll: checkControlAccess(sd, token, REPLICATING_DIRECTORY_CHANGES_ALL),
  };
}

export async function readDomainDacl(session: LdapSession, domainDn: string): Promise<SecurityDescriptor> {
  const [head] = await session.search(
    {
      base: domainDn,
      scope: 'base',
      attributes: ['nTSecurityDescriptor'],
      binary: ['nTSecurityDescriptor'],
      controls: [new SdFlagsControl(SecurityInformation.Dacl)],
    },
    "read of the domain's security descriptor",
  );
  const bytes = head ? binary(head, 'nTSecurityDescriptor') : null;
  if (!bytes) {
    throw new AppError(
      ErrorCode.LdapOperationFailed,
      `Cannot read the permissions of ${domainDn}.`,
      'The account needs "Read permissions" on the domain head (granted to Authenticated Users by default).',
    );
  }
  return parseSecurityDescriptor(bytes);
}

export async function checkReplicationRights(
  session: LdapSession,
  domainDn: string,
  netbiosName: string,
): Promise<RightsReport> {
  const [account, sd] = await Promise.all([
    resolveBoundAccount(session, domainDn),
    readDomainDacl(session, domainDn),
  ]);
  const decisions = evaluateReplicationRights(sd, account.tokenSids);
  return {
    account: {
      dn: account.dn,
      sid: account.sid,
      sAMAccountName: account.sAMAccountName,
      downLevelName: `${netbiosName}\\${account.sAMAccountName}`,
    },
    domainDn,
    ...decisions,
    canSync:
      decisions.replicatingDirectoryChanges.granted && decisions.replicatingDirectoryChangesAll.granted,
  };
}
