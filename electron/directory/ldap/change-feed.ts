/**
 * "Which users changed since watermark W, and did their password change?" by uSNChanged on the
 * DC that issued W. USNs are local to one DC's database, so the DC's invocation id must still be
 * the one in W: another DC, or this DC restored from a backup (new invocation id), or a USN
 * below W, or a different scope means a full resync. A password change is seen in
 * replPropertyMetaData: unicodePwd was written at a USN above W.
 */
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import type { LdapSession } from './connection/session.ts';
import { readRootDse } from './discovery.ts';
import { binary, integer, requireText } from './entry.ts';
import { Attid, changedAfter, parseReplPropertyMetaData } from './repl-metadata.ts';
import { scopeKey, validateScope, type Scope } from './scope.ts';
import { guidFromBytes } from './sd/guid.ts';
import {
  USER_ATTRIBUTES,
  USER_BINARY_ATTRIBUTES,
  scopedUserEntries,
  userFromEntry,
  type DirectoryUser,
} from './users.ts';
import { decodeWatermark, encodeWatermark, type Watermark, type WatermarkState } from './watermark.ts';

export interface ChangedUser {
  readonly user: DirectoryUser;
  readonly passwordChanged: boolean;
}

export type ResyncReason = 'noWatermark' | 'differentDc' | 'restoredDc' | 'usnRollback' | 'scopeChanged';

export type ChangeResult =
  /** Commit `watermark` once these users are processed. */
  | { readonly kind: 'changes'; readonly users: readonly ChangedUser[]; readonly watermark: Watermark }
  /** Run a full sync, then commit `watermark` (taken before it started). */
  | {
      readonly kind: 'resyncRequired';
      readonly reason: ResyncReason;
      readonly message: string;
      readonly watermark: Watermark;
    };

/** The DC's identity and USN right now, for `scope`. */
export async function currentWatermarkState(session: LdapSession, scope: Scope): Promise<WatermarkState> {
  const root = await readRootDse(session);
  const ntdsDn = requireText(root, 'dsServiceName');
  const [ntds] = await session.search(
    { base: ntdsDn, scope: 'base', attributes: ['invocationId'], binary: ['invocationId'] },
    "read of the DC's invocation id",
  );
  const invocation = ntds ? binary(ntds, 'invocationId') : null;
  if (!invocation)
    throw new AppError(
      ErrorCode.LdapOperationFailed,
      `Cannot read the invocation id of ${ntdsDn}.`,
      'The account needs read access to the configuration partition (Authenticated Users have it by default).',
    );
  return {
    dc: requireText(root, 'dnsHostName').toLowerCase(),
    invocationId: guidFromBytes(invocation),
    usn: integer(root, 'highestCommittedUSN') ?? 0,
    scope: scopeKey(scope),
  };
}

interface Resync {
  readonly reason: ResyncReason;
  readonly message: string;
}

const NO_WATERMARK: Resync = {
  reason: 'noWatermark',
  message: 'No watermark yet: a full synchronisation comes first.',
};

export function resyncReason(previous: WatermarkState | null, now: WatermarkState): Resync | null {
  if (previous === null) return NO_WATERMARK;
  if (previous.invocationId !== now.invocationId) {
    return previous.dc === now.dc
      ? {
          reason: 'restoredDc',
          message: `${now.dc} has a new invocation id (its database was restored): its USNs no longer match the watermark.`,
        }
      : {
          reason: 'differentDc',
          message: `The watermark is from ${previous.dc}, this is ${now.dc}: USNs are local to one DC.`,
        };
  }
  if (now.usn < previous.usn)
    return {
      reason: 'usnRollback',
      message: `${now.dc}'s highest USN ${now.usn} is below the watermark's ${previous.usn}.`,
    };
  if (previous.scope !== now.scope)
    return {
      reason: 'scopeChanged',
      message: 'The sync scope changed: users newly in scope need a full synchronisation.',
    };
  return null;
}

export async function changesSince(
  session: LdapSession,
  scope: Scope,
  watermark: Watermark | null,
): Promise<ChangeResult> {
  validateScope(scope);
  const previous = watermark === null ? null : decodeWatermark(watermark);
  // Read before searching: anything committed later is above it and comes again next time.
  const now = await currentWatermarkState(session, scope);
  const next = encodeWatermark(now);
  const resync = resyncReason(previous, now);
  if (previous === null || resync !== null) {
    return { kind: 'resyncRequired', ...(resync ?? NO_WATERMARK), watermark: next };
  }
  const users: ChangedUser[] = [];
  const search = {
    extraFilter: `(uSNChanged>=${previous.usn + 1})`,
    attributes: [...USER_ATTRIBUTES, 'replPropertyMetaData'],
    binary: [...USER_BINARY_ATTRIBUTES, 'replPropertyMetaData'],
  };
  for await (const entry of scopedUserEntries(session, scope, search)) {
    const metadata = binary(entry, 'replPropertyMetaData');
    users.push({
      user: userFromEntry(entry),
      passwordChanged:
        metadata !== null &&
        changedAfter(parseReplPropertyMetaData(metadata), Attid.unicodePwd, previous.usn),
    });
  }
  return { kind: 'changes', users, watermark: next };
}
