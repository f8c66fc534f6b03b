/**
 * "Sync this user now": read one user from the directory (by the engine's record of them, else
 * by name), apply the same account and scope rules, hash and deliver their current password —
 * whether or not it changed since the last delivery, as a full sync would — and record the
 * result. It moves neither the replication cursor nor the full-pass bookkeeping, so it may run
 * beside a cycle; whichever delivers last, the tenant keeps the latest change.
 */
import { AppError, ErrorCode } from '../../shared/errors.ts';
import type { UserRecord } from './records.ts';
import type { CycleDeps } from './cycle.ts';
import { pageContext } from './cycle-steps.ts';
import { findRecord } from './diagnose.ts';
import { processPage } from './page.ts';
import type { SyncFeatures } from './ports.ts';

export interface UserSyncResult {
  /** The user as the engine names them (UPN, else sAMAccountName). */
  readonly user: string;
  readonly result: UserRecord['result'];
  readonly message: string;
}

function describe(name: string, record: UserRecord): string {
  switch (record.result) {
    case 'delivered':
      return `Delivered the current password of ${name} at ${record.deliveredAt ?? 'now'}.`;
    case 'staged':
      return `Staging mode: the current password of ${name} was hashed and recorded, not sent.`;
    case 'failed':
      return `The password of ${name} was not delivered: ${record.errorMessage ?? record.errorCode ?? 'the tenant refused it'}.`;
    case 'noPassword':
      return `${name} has no password in the directory: there is nothing to deliver.`;
    case 'filtered':
      return `${name} is not synchronized: ${record.reason ?? 'an account rule filters it'}.`;
    case 'outOfScope':
      return `${name} is outside the synchronized OUs: ${record.reason ?? 'change the scope to include it'}.`;
  }
}

export async function syncOneUser(
  query: string,
  deps: CycleDeps,
  features: SyncFeatures,
  signal: AbortSignal,
): Promise<UserSyncResult> {
  const known = findRecord(deps.recorder.state, query);
  const user = await deps.source.readUser(
    known
      ? { by: 'objectGuid', value: known.objectGuid, lastKnownDn: known.dn }
      : { by: 'name', value: query },
    signal,
  );
  if (user === null) {
    throw new AppError(
      ErrorCode.UserNotFound,
      `The domain controller has no user ${query}.`,
      'Check the name (a UPN, sAMAccountName, DOMAIN\\name or DN); if the user was deleted or moved to another domain, nothing is synchronized for them.',
    );
  }
  // A delta page (no pass id: the full-pass bookkeeping stays as it is), but every user is sent.
  const delta = pageContext(
    deps,
    { kind: 'delta', from: '' },
    features.userForcePasswordChangeOnLogonEnabled,
  );
  const outcome = await processPage([user], { ...delta, kind: 'full' }, signal);
  await deps.recorder.commit(outcome.ops);
  const record = deps.recorder.state.users.get(user.objectGuid);
  const name = user.userPrincipalName ?? user.samAccountName;
  if (record === undefined) {
    return {
      user: name,
      result: 'filtered',
      message: `${name} is not a user account the engine synchronizes.`,
    };
  }
  return { user: name, result: record.result, message: describe(name, record) };
}
