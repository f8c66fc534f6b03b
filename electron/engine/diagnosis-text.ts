/** A diagnosis as text, for `phs diagnose` and the log. */
import type { Diagnosis } from './diagnose.ts';

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

function scopeText(d: Diagnosis): string {
  if (!d.scope) return 'unknown';
  switch (d.scope.reason) {
    case 'wholeDirectory':
      return 'yes (no OU selection: the whole directory)';
    case 'includedOU':
      return `yes (under included ${d.scope.ou ?? ''})`;
    case 'excludedOU':
      return `no (under excluded ${d.scope.ou ?? ''})`;
    case 'notInIncludedOU':
      return 'no (not under any included OU)';
    case 'unreadableDn':
      return 'no (the DN cannot be parsed)';
  }
}

export function renderDiagnosis(d: Diagnosis): string {
  const lines: string[] = [];
  const row = (label: string, value: string): void => void lines.push(`  ${label.padEnd(20)}${value}`);
  const id = d.identity;
  lines.push(id ? `User ${id.upn ?? id.samAccountName} (${id.samAccountName})` : `User "${d.query}"`);
  lines.push(`${d.verdict.severity.toUpperCase()}: ${d.verdict.summary}`);
  if (d.verdict.remediation) lines.push(`  What to do:         ${d.verdict.remediation}`);
  if (id) {
    row('DN', id.dn);
    row('Source anchor', id.sourceAnchor);
  }
  row(
    'Directory',
    d.directory.status === 'unreachable'
      ? `unreachable: ${d.directory.error?.message ?? ''}`
      : d.directory.status === 'found'
        ? 'found'
        : 'not found',
  );
  if (d.account)
    row(
      'User object',
      d.account.notAUser
        ? `no (${d.account.notAUser})`
        : `yes${d.account.disabled ? ' (disabled: its hash is synced all the same, as Entra Connect does)' : ''}`,
    );
  row('In scope', scopeText(d));
  if (d.password) {
    row('Password readable', yesNo(d.password.readable));
    row('Must change', yesNo(d.password.mustChangeAtNextLogon));
    row('Current change', d.password.currentChange ?? 'none');
  }
  const r = d.record;
  if (r) {
    row('Last change seen', r.changeSeen ?? 'none');
    row('Last delivered', r.changeDelivered ? `${r.changeDelivered} (at ${r.deliveredAt ?? '?'})` : 'never');
    row('Last result', `${r.result}${r.reason ? ` (${r.reason})` : ''} at ${r.updatedAt}`);
    if (r.errorCode) row('Error', `${r.errorCode}: ${r.errorMessage ?? ''}`);
    row('Attempts', `${r.attempts}${r.nextRetryAt ? `, next retry ${r.nextRetryAt}` : ''}`);
  } else {
    row('Engine record', 'none yet');
  }
  const t = d.engine.tenant;
  row(
    'Engine',
    `${d.engine.enabled ? 'enabled' : 'not enabled'}${d.engine.stagingMode ? ', staging mode' : ''}`,
  );
  if (t)
    row(
      'Tenant',
      `passwordSyncEnabled ${yesNo(t.passwordSyncEnabled)}, force change on logon ${yesNo(t.userForcePasswordChangeOnLogonEnabled)}`,
    );
  return lines.join('\n');
}
