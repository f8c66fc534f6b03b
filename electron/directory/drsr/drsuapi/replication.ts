/**
 * Paged replication of a naming context (EXOP_NONE), full or from a saved cursor (drsr-notes
 * §3.6): each request echoes the previous usnvecTo verbatim on the same bind handle; each page
 * yields its users with the cursor that resumes after it. The caller commits cursors.
 */
import { NIL_GUID } from '../ndr/guid.ts';
import type { RpcDeadline } from '../rpc/connection.ts';
import { FULL_SYNC_FLAGS, INCREMENTAL_FLAGS, USER_ATTRIBUTES } from './constants.ts';
import type { ReplicationCursor } from './cursor.ts';
import { drsrCursorInvalid, drsrUnexpected } from './errors.ts';
import { decodeGetNcChangesReply, peekReplyHead, type ReplicaObject } from './get-nc-changes-reply.ts';
import { PrefixTable } from './prefix-table.ts';
import type { DrsSession } from './session.ts';
import { type ReplicatedUser, toUserRecord } from './user-record.ts';
import { type UsnVector, usnVectorsEqual, ZERO_USN_VECTOR } from './usn.ts';

export interface ReplicationPage {
  /** Objects of class user in this page (computers, trusts and inetOrgPersons marked by `kind`). */
  readonly users: readonly ReplicatedUser[];
  /** Resumes after this page: commit it once `users` are processed. */
  readonly cursor: ReplicationCursor;
  /** False on the last page of the cycle; its cursor is then `complete`. */
  readonly more: boolean;
  /** Objects the DC sent in this page, users or not. */
  readonly objectCount: number;
}

export interface ReplicateOptions extends RpcDeadline {
  readonly ncDn: string;
  readonly destinationDsa: string;
  /** cMaxObjects; Samba caps it at 1000 ("drs:max object sync"). */
  readonly pageSize: number;
  readonly maxBytes: number;
  readonly cursor: ReplicationCursor | null;
  /** Upper bound on requests, against a DC that never ends a cycle. */
  readonly maxPages: number;
}

/** What replication needs of a session (a narrow seam, so paging can be tested without a DC). */
export type ReplicationSession = Pick<DrsSession, 'getNcChangesStub' | 'sessionKey'>;

/** Reads an object whole when a delta left out what it is (on a separate bind handle). */
export type Hydrate = (dn: string) => Promise<ReplicatedUser | null>;

/**
 * Pipelined: as soon as a reply arrives, the next request (which needs only the reply's
 * usnvecTo, at a fixed offset) goes out, and the reply is decoded and decrypted while the DC
 * builds the next page. A consumer that stops early leaves at most one page fetched for nothing.
 */
export async function* replicate(
  session: ReplicationSession,
  hydrate: Hydrate,
  options: ReplicateOptions,
): AsyncGenerator<ReplicationPage, void, undefined> {
  const { ncDn, cursor: start, timeoutMs, signal } = options;
  if (start !== null && start.ncDn.toLowerCase() !== ncDn.toLowerCase()) {
    throw drsrCursorInvalid(`it belongs to ${start.ncDn}, not ${ncDn}`);
  }
  const upToDate = start?.upToDate ?? null;
  const deadline = {
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(signal === undefined ? {} : { signal }),
  };
  const fetch = (usnVector: UsnVector, invocationId: string): Promise<Buffer> => {
    const stub = session.getNcChangesStub(
      {
        destinationDsa: options.destinationDsa,
        invocationId,
        dn: ncDn,
        usnVector,
        upToDate,
        flags: start === null ? FULL_SYNC_FLAGS : INCREMENTAL_FLAGS,
        maxObjects: options.pageSize,
        maxBytes: options.maxBytes,
        attributes: USER_ATTRIBUTES,
      },
      deadline,
    );
    stub.catch(() => undefined); // awaited below; this only stops an abandoned prefetch from being "unhandled"
    return stub;
  };
  let usnVector = start?.usnVector ?? ZERO_USN_VECTOR;
  let pending = fetch(usnVector, start?.invocationId ?? NIL_GUID);
  for (let page = 0; page < options.maxPages; page++) {
    const stub = await pending;
    const head = peekReplyHead(stub);
    if (head.moreData) pending = fetch(head.usnVectorTo, head.invocationId);
    const reply = decodeGetNcChangesReply(stub);
    if (reply.moreData && reply.objects.length === 0 && usnVectorsEqual(reply.usnVectorTo, usnVector)) {
      throw drsrUnexpected('a page without objects or progress that announces more data');
    }
    usnVector = reply.usnVectorTo;
    const table =
      reply.prefixTable.length > 0 ? new PrefixTable(reply.prefixTable) : PrefixTable.defaultTable();
    const users = await usersOf(reply.objects, table, session.sessionKey, start !== null ? hydrate : null);
    yield {
      users,
      cursor: {
        version: 1,
        ncDn,
        invocationId: reply.invocationId,
        usnVector: reply.usnVectorTo,
        upToDate: reply.moreData ? upToDate : (reply.upToDate ?? upToDate),
        complete: !reply.moreData,
      },
      more: reply.moreData,
      objectCount: reply.objects.length,
    };
    if (!reply.moreData) return;
  }
  throw drsrUnexpected(`the replication cycle did not end within ${options.maxPages} pages`);
}

async function usersOf(
  objects: readonly ReplicaObject[],
  table: PrefixTable,
  key: Buffer,
  hydrate: Hydrate | null,
): Promise<ReplicatedUser[]> {
  const users: ReplicatedUser[] = [];
  for (const object of objects) {
    const verdict = toUserRecord(object, table, key);
    if (verdict.type === 'user') users.push(verdict.user);
    else if (verdict.type === 'incomplete' && hydrate !== null) {
      const user = await hydrate(object.name.dn);
      if (user !== null) users.push(user);
    }
  }
  return users;
}
