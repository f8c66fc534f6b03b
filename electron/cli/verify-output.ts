/** `phs verify`'s human output: one line per status, the clocks, then who needs attention. */
import {
  VERIFY_STATUSES,
  type UserVerdict,
  type VerifyReport,
  type VerifyStatus,
  type VerifySummary,
} from '../verify/model.ts';
import { needsAttention } from '../verify/report.ts';

const LABEL: Readonly<Record<VerifyStatus, string>> = {
  inSync: 'in sync',
  pending: 'pending',
  behind: 'behind',
  notInCloud: 'not in cloud',
  noPassword: 'no password',
  disabled: 'disabled',
  filtered: 'filtered',
};

function meaning(status: VerifyStatus, s: VerifySummary): string {
  switch (status) {
    case 'inSync':
      return 'the cloud holds the latest on-premises password change';
    case 'pending':
      return s.graceSeconds === 0
        ? 'none with --grace 0: every change not in the cloud yet counts as behind'
        : `changed on premises less than ${duration(s.graceSeconds)} ago; not in the cloud yet`;
    case 'behind':
      return `changed on premises${s.graceSeconds === 0 ? '' : ` ${duration(s.graceSeconds)} ago or more`}; the cloud still has an older password or none`;
    case 'notInCloud':
      return "no synced cloud user carries this user's source anchor";
    case 'noPassword':
      return 'no password on premises: nothing to sync';
    case 'disabled':
      return 'disabled on premises or in the cloud: not compared';
    case 'filtered':
      return 'left out by the sync rules (system account, or must change password at next logon)';
  }
}

/** 45 s, 12 min, 3 h, 2 days. */
export function duration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} days`;
}

function clockLine(s: VerifySummary): string {
  const c = s.dcClock;
  if (c === null)
    return 'DC clock: the DC did not report its time (rootDSE currentTime); it was not checked.';
  const side =
    c.offsetSeconds === 0
      ? 'in step with'
      : `${duration(Math.abs(c.offsetSeconds))} ${c.offsetSeconds > 0 ? 'ahead of' : 'behind'}`;
  return c.withinSkew
    ? `DC clock: ${side} this machine (tolerance ${s.skewSeconds} s).`
    : `WARNING: the DC clock is ${side} this machine, more than the ${s.skewSeconds} s tolerance. Fix the DC's time source (w32tm /resync); verdicts near the grace period may be wrong.`;
}

function when(iso: string | null, checkedAt: string): string {
  if (iso === null) return 'never';
  const ago = Math.max(0, Math.round((Date.parse(checkedAt) - Date.parse(iso)) / 1000));
  return `${iso} (${duration(ago)} ago)`;
}

function userLine(u: UserVerdict): string {
  const name = `${u.sAMAccountName}${u.userPrincipalName ? ` (${u.userPrincipalName})` : ''}`;
  const onPrem = `changed on premises ${u.onPremisesChangedAt ?? 'at an unknown time (must change at next logon)'}`;
  const cloud =
    u.status === 'notInCloud'
      ? `no synced cloud user with source anchor ${u.sourceAnchor}`
      : `cloud ${u.cloudChangedAt ?? 'has no password time'}`;
  return `  ${name}: ${onPrem}; ${cloud}${u.lagSeconds === null ? '' : ` — waiting ${duration(u.lagSeconds)}`}`;
}

export function formatVerify(report: VerifyReport): string {
  const s = report.summary;
  const lines = [
    `Password hash sync verified from both ends at ${s.checkedAt}: ${s.total} user${s.total === 1 ? '' : 's'} in scope.`,
    ...VERIFY_STATUSES.map(
      (st) => `  ${LABEL[st].padEnd(13)}${String(s.counts[st]).padStart(6)}  ${meaning(st, s)}`,
    ),
    clockLine(s),
  ];
  if (s.heartbeat !== null)
    lines.push(
      `Tenant heartbeat: last directory sync ${when(s.heartbeat.onPremisesLastSyncDateTime, s.checkedAt)}, last password sync ${when(s.heartbeat.onPremisesLastPasswordSyncDateTime, s.checkedAt)}.`,
    );
  if (s.forceChangeFeature === null)
    lines.push(
      "Note: the tenant's userForcePasswordChangeOnLogonEnabled could not be read (OnPremDirectorySynchronization.Read.All); users who must change their password at next logon are counted as filtered.",
    );
  for (const status of ['behind', 'notInCloud'] as const) {
    const users = report.users.filter((u) => u.status === status);
    if (users.length > 0)
      lines.push(
        '',
        `${LABEL[status][0]!.toUpperCase()}${LABEL[status].slice(1)} (${users.length}):`,
        ...users.map(userLine),
      );
  }
  const attention = s.counts.behind + s.counts.notInCloud;
  lines.push(
    '',
    needsAttention(s.counts)
      ? `Result: ${attention} user${attention === 1 ? ' needs' : 's need'} attention.`
      : 'Result: no user is behind or missing from the cloud.',
  );
  return lines.join('\n');
}
