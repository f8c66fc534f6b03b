/** The one-sentence answer of a diagnosis, and what to do about it. */
import type { Diagnosis } from './diagnose.ts';

export interface Verdict {
  readonly severity: 'ok' | 'info' | 'warning' | 'error';
  readonly summary: string;
  readonly remediation: string | null;
}

/** What to do about each per-user failure the tenant can report. */
export const FAILURE_REMEDIATION: Readonly<Record<string, string>> = {
  unknownUser:
    'The tenant has no user with this source anchor yet. Make sure object synchronization (Entra Connect or Cloud Sync) created the user with this onPremisesImmutableId; the engine retries on its own.',
  rejectedFormat: 'The tenant refused the credential format. This is a bug: report it with the log file.',
  invalidItem:
    "The tenant refused the item (source anchor or change date). Check that the user's source anchor in the cloud matches the directory.",
  failed:
    "The tenant could not store the credential. The engine retries with backoff; if it persists, check the tenant's service health.",
};

const NOT_A_USER: Readonly<Record<string, string>> = {
  computer: 'a computer account',
  inetOrgPerson: 'an iNetOrgPerson object',
  trustAccount: 'a trust account',
  notAUser: 'not a user object',
};

type DiagnosisFacts = Omit<Diagnosis, 'verdict'>;

function v(severity: Verdict['severity'], summary: string, remediation: string | null = null): Verdict {
  return { severity, summary, remediation };
}

export function verdictOf(d: DiagnosisFacts): Verdict {
  const name = d.identity ? (d.identity.upn ?? d.identity.samAccountName) : d.query;
  if (!d.identity) {
    return d.directory.status === 'unreachable'
      ? v(
          'warning',
          `The directory could not be read (${d.directory.error?.message ?? 'unknown error'}) and the engine has no record of "${d.query}".`,
          d.directory.error?.remediation ?? null,
        )
      : v(
          'error',
          `No user "${d.query}" in the directory or in the engine's records.`,
          'Check the name: sAMAccountName, DOMAIN\\name, UPN, DN or objectGUID.',
        );
  }
  if (d.account?.notAUser)
    return v(
      'info',
      `${name} is ${NOT_A_USER[d.account.notAUser]}: password hash sync only handles user objects.`,
    );
  if (d.scope && !d.scope.inScope) {
    const why =
      d.scope.reason === 'excludedOU'
        ? `it is under the excluded OU ${d.scope.ou}`
        : d.scope.reason === 'unreadableDn'
          ? 'its DN cannot be parsed'
          : 'it is not under any included OU';
    return v(
      'info',
      `${name} is out of scope: ${why}.`,
      'Change the OU selection (scope) if this user should be synchronised.',
    );
  }
  if (d.filter === 'systemAccount')
    return v(
      'info',
      `${name} is a system account (critical system object, krbtgt, MSOL_, AAD_): never synchronised.`,
    );
  if (d.password && !d.password.readable)
    return v(
      'info',
      `${name} has no password in the directory: there is nothing to synchronise.`,
      'Set a password for the account if it should sign in to the cloud.',
    );
  if (d.filter === 'mustChangePassword') {
    return v(
      'warning',
      `${name} must change the password at next logon: filtered, as the tenant's userForcePasswordChangeOnLogonEnabled is off.`,
      'Turn on userForcePasswordChangeOnLogonEnabled in the tenant, or let the user change the password on premises.',
    );
  }
  if (!d.engine.enabled)
    return v(
      'warning',
      'Password hash sync is not enabled here: nothing is delivered.',
      'Enable it (the Enable button or "phs enable").',
    );
  if (!d.engine.stagingMode && d.engine.tenant?.passwordSyncEnabled === false) {
    return v(
      'error',
      'passwordSyncEnabled is off in the tenant: no password is accepted.',
      'Enable password hash sync again (the Enable button or "phs enable").',
    );
  }
  const r = d.record;
  if (d.engine.stagingMode)
    return v(
      'info',
      `Staging mode: ${name}'s password ${r?.result === 'staged' ? 'was hashed and would have been sent' : 'will be hashed, not sent'}.`,
    );
  if (r?.result === 'failed') {
    const retry = r.nextRetryAt
      ? `next retry ${r.nextRetryAt}`
      : 'no more automatic retries (until the password changes or a full sync runs)';
    return v(
      'error',
      `The tenant refused ${name}'s password: ${r.errorCode ?? 'failed'} — ${r.errorMessage ?? ''} (${r.attempts} attempt${r.attempts === 1 ? '' : 's'}; ${retry}).`,
      FAILURE_REMEDIATION[r.errorCode ?? 'failed'] ?? FAILURE_REMEDIATION.failed!,
    );
  }
  if (d.directory.status === 'unreachable')
    return v(
      'warning',
      `The directory could not be read now: ${d.directory.error?.message ?? ''} The last result is shown.`,
      d.directory.error?.remediation ?? null,
    );
  if (r?.result === 'delivered' && d.upToDate !== false)
    return v(
      'ok',
      `${name}'s current password was delivered at ${r.deliveredAt ?? '?'}${r.forceChange ? ' (with a forced change at next logon)' : ''}.`,
    );
  if (r?.result === 'delivered')
    return v(
      'info',
      `${name} changed the password after the last delivery (${r.deliveredAt ?? '?'}): the next cycle delivers it.`,
    );
  return v('info', `${name} is in scope and has not been delivered yet: the next cycle delivers it.`);
}
