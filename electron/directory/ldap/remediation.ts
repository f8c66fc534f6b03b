/**
 * What an administrator runs to grant the missing replication rights, in both forms: dsacls
 * (Windows, from PowerShell or cmd) and samba-tool (on a Samba DC). A deny ACE must be removed
 * first: granting does not override it.
 */
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import { REPLICATION_RIGHTS, type RightsReport } from './rights.ts';

export interface GrantCommands {
  readonly dsacls: string;
  readonly sambaTool: string;
}

export function grantCommands(
  report: Pick<RightsReport, 'account' | 'domainDn'>,
  right: (typeof REPLICATION_RIGHTS)[number],
): GrantCommands {
  return {
    dsacls: `dsacls "${report.domainDn}" /G "${report.account.downLevelName}:CA;${right.name}"`,
    sambaTool: `samba-tool dsacl set --objectdn='${report.domainDn}' --sddl='(OA;;CR;${right.guid};;${report.account.sid})'`,
  };
}

/** Null when the account holds both rights; otherwise the error naming what is missing and how to fix it. */
export function missingRightsError(report: RightsReport): AppError | null {
  const missing = REPLICATION_RIGHTS.filter((r) => !report[r.key].granted);
  if (missing.length === 0) return null;
  const denied = missing.filter((r) => {
    const decision = report[r.key];
    return !decision.granted && decision.reason === 'denied';
  });
  const names = missing.map((r) => `"${r.name}"`).join(' and ');
  const lines = missing.flatMap((r) => {
    const c = grantCommands(report, r);
    return [`  PowerShell: ${c.dsacls}`, `  Samba:      ${c.sambaTool}`];
  });
  const denyNote =
    denied.length === 0
      ? ''
      : ` First remove the deny entries for ${denied.map((r) => `"${r.name}"`).join(' and ')} on ${report.domainDn} (a deny placed before an allow wins): dsacls "${report.domainDn}" /R "${report.account.downLevelName}" removes all of this account's entries.`;
  return new AppError(
    ErrorCode.MissingReplicationRights,
    `The account ${report.account.downLevelName} (${report.account.sid}) lacks ${names} on ${report.domainDn}, so it cannot read password hashes.`,
    `A domain administrator grants ${missing.length === 1 ? 'it' : 'them'} with:${denyNote}\n${lines.join('\n')}`,
  );
}
