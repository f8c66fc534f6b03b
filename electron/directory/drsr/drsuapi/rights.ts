/**
 * Which replication right is missing. Samba and Windows check DS-Replication-Get-Changes for
 * every GetNCChanges, and DS-Replication-Get-Changes-All only when the request can reveal
 * secrets (drsr-notes §6.1). So after an access denial, a probe that asks for one non-secret
 * attribute tells the two apart: allowed means only Get-Changes-All is missing.
 */
import type { AppError } from '../../../../shared/errors.ts';
import type { RpcDeadline } from '../rpc/connection.ts';
import { FULL_SYNC_FLAGS, PROBE_ATTRIBUTES } from './constants.ts';
import { DrsrCallError, DrsrMissingRightsError, isAccessDenied, type ReplicationRight } from './errors.ts';
import type { DrsSession } from './session.ts';

export interface RightsContext {
  readonly ncDn: string;
  readonly destinationDsa: string;
  /** The account as the user gave it, and its DN when known (for the grant command). */
  readonly account: string;
  readonly accountDn: string | null;
}

export function isRightsDenial(error: unknown): error is DrsrCallError {
  return error instanceof DrsrCallError && isAccessDenied(error.werror);
}

/** Turns an access denial into DrsrMissingRightsError naming the right(s); other errors pass through. */
export async function explainDenial(
  session: DrsSession,
  error: unknown,
  context: RightsContext,
  deadline: RpcDeadline = {},
): Promise<unknown> {
  if (!isRightsDenial(error)) return error;
  let missing: ReplicationRight[];
  let unverified: ReplicationRight[] = [];
  try {
    await session.getNcChanges(
      {
        destinationDsa: context.destinationDsa,
        dn: context.ncDn,
        flags: FULL_SYNC_FLAGS,
        maxObjects: 1,
        maxBytes: 1 << 16,
        attributes: PROBE_ATTRIBUTES,
      },
      deadline,
    );
    missing = ['Get-Changes-All'];
  } catch (probeError) {
    if (!isRightsDenial(probeError)) return error;
    missing = ['Get-Changes'];
    unverified = ['Get-Changes-All'];
  }
  return new DrsrMissingRightsError(missing, unverified, context) satisfies AppError;
}
