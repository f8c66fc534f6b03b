/**
 * One object's current attributes and secrets by DN: GetNCChanges with EXOP_REPL_OBJ (not
 * EXOP_REPL_SECRET, which on Samba writes msDS-RevealedUsers, drsr-notes §6.2). Callers run it
 * on a bind handle of its own: on Samba 4.17 it resets a running full sync on the same handle.
 */
import type { RpcDeadline } from '../rpc/connection.ts';
import { EXOP_ERR_SUCCESS, ExtendedOp, REPL_OBJ_FLAGS, USER_ATTRIBUTES } from './constants.ts';
import {
  DrsrCallError,
  drsrUnexpected,
  drsrUserNotFound,
  WERR_DS_DRA_BAD_DN,
  WERR_DS_OBJ_NOT_FOUND,
} from './errors.ts';
import type { GetNcChangesReply } from './get-nc-changes-reply.ts';
import { PrefixTable } from './prefix-table.ts';
import type { DrsSession } from './session.ts';
import { type ReplicatedUser, toUserRecord } from './user-record.ts';

/** The user at `dn`, or null when the object exists but is not a user. */
export async function readObject(
  session: DrsSession,
  dsa: string,
  dn: string,
  deadline: RpcDeadline = {},
): Promise<ReplicatedUser | null> {
  let reply: GetNcChangesReply;
  try {
    reply = await session.getNcChanges(
      {
        destinationDsa: dsa,
        invocationId: dsa,
        dn,
        flags: REPL_OBJ_FLAGS,
        maxObjects: 1,
        maxBytes: 0,
        extendedOp: ExtendedOp.ReplObj,
        attributes: USER_ATTRIBUTES,
      },
      deadline,
    );
  } catch (error) {
    if (
      error instanceof DrsrCallError &&
      (error.werror === WERR_DS_DRA_BAD_DN || error.werror === WERR_DS_OBJ_NOT_FOUND)
    ) {
      throw drsrUserNotFound(dn, 'no object has that DN');
    }
    throw error;
  }
  if (reply.extendedRet !== EXOP_ERR_SUCCESS)
    throw drsrUnexpected(`EXOP_REPL_OBJ ended with extended result ${reply.extendedRet}`);
  const object = reply.objects.find((o) => o.name.dn.toLowerCase() === dn.toLowerCase()) ?? reply.objects[0];
  if (object === undefined) throw drsrUserNotFound(dn, 'the domain controller returned no object');
  const table =
    reply.prefixTable.length > 0 ? new PrefixTable(reply.prefixTable) : PrefixTable.defaultTable();
  const verdict = toUserRecord(object, table, session.sessionKey);
  return verdict.type === 'user' ? verdict.user : null;
}
