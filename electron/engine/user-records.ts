/** Builds the per-user records the engine stores, from what it saw and what the tenant answered. */
import type { UserRecord, UserResult } from './records.ts';
import { backoffDelay, type Backoff } from './clock.ts';
import type { SourceUser } from './ports.ts';

export type UserIdentity = Pick<
  SourceUser,
  'objectGuid' | 'sourceAnchor' | 'dn' | 'samAccountName' | 'userPrincipalName'
>;

export interface RecordContext {
  readonly now: number;
  /** The full pass under way (null outside full passes: the previous value is kept). */
  readonly passId: string | null;
}

function base(
  user: UserIdentity,
  prev: UserRecord | undefined,
  stamp: string | null,
  ctx: RecordContext,
): Omit<UserRecord, 'result' | 'reason'> {
  return {
    objectGuid: user.objectGuid,
    sourceAnchor: user.sourceAnchor,
    dn: user.dn,
    samAccountName: user.samAccountName,
    upn: user.userPrincipalName,
    changeSeen: stamp,
    changeDelivered: prev?.changeDelivered ?? null,
    deliveredAt: prev?.deliveredAt ?? null,
    forceChange: prev?.forceChange ?? false,
    errorCode: null,
    errorMessage: null,
    attempts: 0,
    nextRetryAt: null,
    updatedAt: new Date(ctx.now).toISOString(),
    fullPass: ctx.passId ?? prev?.fullPass ?? null,
  };
}

/** Not delivered, on purpose: out of scope, filtered, no password. */
export function skippedRecord(
  user: UserIdentity,
  prev: UserRecord | undefined,
  stamp: string | null,
  result: Extract<UserResult, 'outOfScope' | 'filtered' | 'noPassword'>,
  reason: string | null,
  ctx: RecordContext,
): UserRecord {
  return { ...base(user, prev, stamp, ctx), result, reason };
}

export function deliveredRecord(
  user: UserIdentity,
  prev: UserRecord | undefined,
  stamp: string | null,
  forceChange: boolean,
  reason: string | null,
  ctx: RecordContext,
): UserRecord {
  const at = new Date(ctx.now).toISOString();
  return {
    ...base(user, prev, stamp, ctx),
    result: 'delivered',
    reason,
    changeDelivered: stamp,
    deliveredAt: at,
    forceChange,
  };
}

export function stagedRecord(
  user: UserIdentity,
  prev: UserRecord | undefined,
  stamp: string | null,
  forceChange: boolean,
  ctx: RecordContext,
): UserRecord {
  return {
    ...base(user, prev, stamp, ctx),
    result: 'staged',
    reason: forceChange ? 'wouldSendWithForceChange' : 'wouldSend',
  };
}

/** A credential the tenant refused: counted, and retried later with backoff until the policy gives up. */
export function failedRecord(
  user: UserIdentity,
  prev: UserRecord | undefined,
  stamp: string | null,
  failure: { readonly code: string; readonly message: string },
  policy: Backoff & { readonly maxAttempts: number },
  random: () => number,
  ctx: RecordContext,
): UserRecord {
  const sameChange = prev?.result === 'failed' && prev.changeSeen === stamp;
  const attempts = (sameChange ? prev.attempts : 0) + 1;
  const nextRetryAt =
    attempts >= policy.maxAttempts
      ? null
      : new Date(ctx.now + backoffDelay(attempts - 1, policy, random)).toISOString();
  return {
    ...base(user, prev, stamp, ctx),
    result: 'failed',
    reason: failure.code,
    errorCode: failure.code,
    errorMessage: failure.message,
    attempts,
    nextRetryAt,
  };
}

/** Seen again, nothing to deliver: keep the record, follow renames and moves. Undefined = no change. */
export function refreshedRecord(
  user: UserIdentity,
  prev: UserRecord,
  ctx: RecordContext,
): UserRecord | undefined {
  const fullPass = ctx.passId ?? prev.fullPass;
  if (
    prev.dn === user.dn &&
    prev.upn === user.userPrincipalName &&
    prev.samAccountName === user.samAccountName &&
    prev.fullPass === fullPass
  )
    return undefined;
  return {
    ...prev,
    dn: user.dn,
    upn: user.userPrincipalName,
    samAccountName: user.samAccountName,
    fullPass,
    updatedAt: new Date(ctx.now).toISOString(),
  };
}

/** Whether a skip record would say something new (avoids rewriting 100k identical records). */
export function sameRecord(a: UserRecord | undefined, b: UserRecord): boolean {
  if (!a) return false;
  return (
    a.result === b.result &&
    a.reason === b.reason &&
    a.dn === b.dn &&
    a.upn === b.upn &&
    a.samAccountName === b.samAccountName &&
    a.changeSeen === b.changeSeen &&
    a.nextRetryAt === b.nextRetryAt &&
    a.fullPass === b.fullPass &&
    a.sourceAnchor === b.sourceAnchor
  );
}
