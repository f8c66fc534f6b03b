/**
 * One authenticated drsuapi association: TCP connection, NTLM bind at packet privacy, DRSBind
 * handle (rebound when the server reports a replication epoch), and the typed calls on it.
 * Samba keeps a replication cycle's state per bind handle (drsr-notes §6.4), so a session runs
 * one thing at a time: a paged sync, or single-object reads, never both.
 */
import { AppError, ErrorCode } from '../../../../shared/errors.ts';
import { NtlmAuthenticator } from '../ntlm/authenticator.ts';
import { DRSUAPI_SYNTAX } from '../rpc/constants.ts';
import { type RpcDeadline, RpcConnection } from '../rpc/connection.ts';
import { RpcFaultError } from '../rpc/faults.ts';
import {
  decodeBindReply,
  decodeUnbindReply,
  encodeBindRequest,
  encodeUnbindRequest,
  type DrsExtensions,
} from './bind.ts';
import { DrsOpnum, type NameFormat } from './constants.ts';
import { type CrackedName, decodeCrackNamesReply, encodeCrackNamesRequest } from './crack-names.ts';
import { type DomainControllerInfo, decodeDcInfoReply, encodeDcInfoRequest } from './dc-info.ts';
import { DrsrCallError, drsrAuthFailed } from './errors.ts';
import { decodeGetNcChangesReply, type GetNcChangesReply, replyWerror } from './get-nc-changes-reply.ts';
import { encodeGetNcChangesRequest, type GetNcChangesRequest } from './get-nc-changes-request.ts';

/**
 * Debug hook, off unless given: sees each call's plaintext stubs and the session key that
 * decrypts their secrets. Only the fixture capture script uses it; never wire it to a log.
 */
export type StubCapture = (call: {
  readonly opnum: number;
  readonly request: Buffer;
  readonly reply: Buffer;
  readonly sessionKey: Buffer;
}) => void;

export interface DrsSessionOptions extends RpcDeadline {
  readonly host: string;
  readonly port: number;
  readonly username: string;
  readonly domain: string;
  readonly password: string;
  readonly capture?: StubCapture;
}

const NCA_S_PROTO_ERROR = 0x1c01000b;
const UNBIND_TIMEOUT_MS = 5_000;

export class DrsSession {
  readonly endpoint: string;
  readonly account: string;
  readonly serverExtensions: DrsExtensions | null;
  readonly #conn: RpcConnection;
  readonly #sessionKey: Buffer;
  readonly #capture: StubCapture | undefined;
  readonly #handle: Buffer;

  private constructor(
    conn: RpcConnection,
    key: Buffer,
    account: string,
    bound: BindState,
    capture?: StubCapture,
  ) {
    this.#conn = conn;
    this.#sessionKey = key;
    this.endpoint = conn.endpoint;
    this.account = account;
    this.#handle = bound.handle;
    this.serverExtensions = bound.extensions;
    this.#capture = capture;
  }

  static async open(options: DrsSessionOptions): Promise<DrsSession> {
    const { host, port, username, domain, password, capture, ...deadline } = options;
    const account = domain === '' ? username : `${domain}\\${username}`;
    const conn = await RpcConnection.connect(host, port, deadline);
    const auth = new NtlmAuthenticator({ username, domain, password });
    let key: Buffer | null = null;
    try {
      await conn.bind({ abstractSyntax: DRSUAPI_SYNTAX, authenticator: auth, ...deadline });
      const sessionKey = auth.exportedSessionKey();
      key = sessionKey;
      const bound = await firstBind(
        conn,
        account,
        deadline,
        capture && ((call) => capture({ ...call, sessionKey })),
      );
      return new DrsSession(conn, sessionKey, account, bound, capture);
    } catch (error) {
      key?.fill(0);
      conn.close();
      throw error;
    } finally {
      auth.dispose();
    }
  }

  get isOpen(): boolean {
    return this.#conn.isOpen;
  }

  /** The NTLM ExportedSessionKey: the key of every replicated secret on this session. */
  get sessionKey(): Buffer {
    return this.#sessionKey;
  }

  async dcInfo(domain: string, deadline: RpcDeadline = {}): Promise<readonly DomainControllerInfo[]> {
    const reply = decodeDcInfoReply(
      await this.call(DrsOpnum.DomainControllerInfo, encodeDcInfoRequest(this.#handle, domain), deadline),
    );
    if (reply.werror !== 0)
      throw new DrsrCallError('the domain controller list (DRSDomainControllerInfo)', reply.werror);
    return reply.controllers;
  }

  async crackNames(
    offered: NameFormat,
    desired: NameFormat,
    names: readonly string[],
    deadline: RpcDeadline = {},
  ): Promise<readonly CrackedName[]> {
    const stub = encodeCrackNamesRequest(this.#handle, offered, desired, names);
    const reply = decodeCrackNamesReply(await this.call(DrsOpnum.CrackNames, stub, deadline));
    if (reply.werror !== 0) throw new DrsrCallError('a name lookup (DRSCrackNames)', reply.werror);
    return reply.items;
  }

  /** Throws DrsrCallError for a non-zero WERROR; the reply is decoded only on success. */
  async getNcChanges(request: GetNcChangesRequest, deadline: RpcDeadline = {}): Promise<GetNcChangesReply> {
    return decodeGetNcChangesReply(await this.getNcChangesStub(request, deadline));
  }

  /** The undecoded reply stub of a successful call (for pipelining: decode it while the next runs). */
  async getNcChangesStub(request: GetNcChangesRequest, deadline: RpcDeadline = {}): Promise<Buffer> {
    const stub = await this.call(
      DrsOpnum.GetNCChanges,
      encodeGetNcChangesRequest(this.#handle, request),
      deadline,
    );
    const werror = replyWerror(stub);
    if (werror !== null && werror !== 0)
      throw new DrsrCallError(`replication of ${request.dn} (DRSGetNCChanges)`, werror);
    return stub;
  }

  /** Unbinds (best effort, briefly) and closes the connection; wipes the session key. */
  async close(): Promise<void> {
    if (this.#conn.isOpen) {
      await this.call(DrsOpnum.Unbind, encodeUnbindRequest(this.#handle), { timeoutMs: UNBIND_TIMEOUT_MS })
        .then(decodeUnbindReply)
        .catch(() => undefined);
    }
    this.#conn.close();
    this.#sessionKey.fill(0);
  }

  private async call(opnum: number, request: Buffer, deadline: RpcDeadline): Promise<Buffer> {
    const reply = await this.#conn.call(opnum, request, deadline);
    this.#capture?.({ opnum, request, reply, sessionKey: this.#sessionKey });
    return reply;
  }
}

interface BindState {
  readonly handle: Buffer;
  readonly extensions: DrsExtensions | null;
}

/**
 * DRSBind, the first sealed call: Samba answers a wrong password here, with fault
 * nca_s_proto_error and a disconnect (drsr-notes §2.1 item 4). A non-zero epoch means a renamed
 * domain: bind again with it (§3.1).
 */
type BindCapture = (call: {
  readonly opnum: number;
  readonly request: Buffer;
  readonly reply: Buffer;
}) => void;

async function firstBind(
  conn: RpcConnection,
  account: string,
  deadline: RpcDeadline,
  capture?: BindCapture,
): Promise<BindState> {
  const bind = async (epoch: number): Promise<BindState> => {
    const request = encodeBindRequest(epoch);
    const stub = await conn.call(DrsOpnum.Bind, request, deadline);
    capture?.({ opnum: DrsOpnum.Bind, request, reply: stub });
    const reply = decodeBindReply(stub);
    if (reply.werror !== 0) throw new DrsrCallError('the replication session (DRSBind)', reply.werror);
    return { handle: reply.handle, extensions: reply.serverExtensions };
  };
  let first: BindState;
  try {
    first = await bind(0);
  } catch (error) {
    if (isAuthRejection(error)) throw drsrAuthFailed(account, conn.endpoint, error);
    throw error;
  }
  const epoch = first.extensions?.replEpoch ?? 0;
  if (epoch === 0) return first;
  const second = await bind(epoch);
  // The first handle is of no further use; free its server-side state.
  await conn
    .call(DrsOpnum.Unbind, encodeUnbindRequest(first.handle), deadline)
    .then(decodeUnbindReply)
    .catch(() => undefined);
  return second;
}

function isAuthRejection(error: unknown): boolean {
  if (error instanceof RpcFaultError) return error.status === NCA_S_PROTO_ERROR || error.status === 0x5;
  return error instanceof AppError && error.code === ErrorCode.RpcConnectionLost;
}
