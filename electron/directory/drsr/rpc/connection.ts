/**
 * A DCE/RPC client association over TCP (ncacn_ip_tcp): bind (optionally authenticated,
 * three legs: NEGOTIATE in bind, CHALLENGE in bind_ack, AUTHENTICATE in auth3), then calls.
 *
 * One call at a time: calls queue in order. A timeout, a cancellation or any protocol error
 * closes the connection, because a late reply would desynchronise call ids and the sealing
 * streams; a fault only fails its own call. Callers reconnect after a closed connection.
 */
import { CancelledError } from '../../../../shared/errors.ts';
import { PduChannel } from './channel.ts';
import { DEFAULT_MAX_FRAGMENT, type SyntaxId } from './constants.ts';
import { rpcConnectionLost, rpcTimeout, rpcUsage } from './errors.ts';
import { RpcFaultError } from './faults.ts';
import { type CallSecurity, fragmentRequest } from './fragment.ts';
import { StubReassembler } from './reassembly.ts';
import { negotiateBind, type RpcBindResult } from './bind.ts';
import type { RpcAuthenticator } from './security.ts';

export type { RpcBindResult } from './bind.ts';

export const DEFAULT_CONNECT_TIMEOUT_MS = 15_000;
export const DEFAULT_BIND_TIMEOUT_MS = 30_000;
export const DEFAULT_CALL_TIMEOUT_MS = 120_000;

export interface RpcDeadline {
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

export interface RpcBindOptions extends RpcDeadline {
  readonly abstractSyntax: SyntaxId;
  /** Null or absent: an unauthenticated bind (the endpoint mapper). */
  readonly authenticator?: RpcAuthenticator | null;
  /** Fragment size offered; the server may lower it. */
  readonly maxFragment?: number;
}

export interface RpcCallOptions extends RpcDeadline {
  /** Cap on the reassembled reply stub (default 64 MiB). */
  readonly maxStubBytes?: number;
}

interface Session {
  readonly maxXmitFrag: number;
  readonly auth: CallSecurity | null;
}

/** Presentation context id of our single context. */
const CONTEXT_ID = 0;

export class RpcConnection {
  private readonly channel: PduChannel;
  private nextCallId = 1;
  private session: Session | null = null;
  private tail: Promise<void> = Promise.resolve();

  private constructor(channel: PduChannel) {
    this.channel = channel;
  }

  static async connect(host: string, port: number, options: RpcDeadline = {}): Promise<RpcConnection> {
    const channel = await PduChannel.open(
      host,
      port,
      options.timeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      options.signal,
    );
    return new RpcConnection(channel);
  }

  get endpoint(): string {
    return this.channel.endpoint;
  }

  get isOpen(): boolean {
    return this.channel.isOpen;
  }

  bind(options: RpcBindOptions): Promise<RpcBindResult> {
    return this.serialise(options, 'the bind request', DEFAULT_BIND_TIMEOUT_MS, async () => {
      if (this.session !== null) throw rpcUsage('bind() on a connection that is already bound');
      const { auth, ...result } = await negotiateBind(this.channel, this.nextCallId++, CONTEXT_ID, {
        abstractSyntax: options.abstractSyntax,
        authenticator: options.authenticator ?? null,
        maxFragment: options.maxFragment ?? DEFAULT_MAX_FRAGMENT,
      }).catch((error: unknown) => {
        // Even a fault in answer to a bind leaves no usable association.
        this.channel.fail(error instanceof Error ? error : new Error(String(error)));
        throw error;
      });
      this.session = { maxXmitFrag: result.maxXmitFrag, auth };
      return result;
    });
  }

  /** Sends one request and returns the reassembled (unsealed) response stub. */
  call(opnum: number, stub: Buffer, options: RpcCallOptions = {}): Promise<Buffer> {
    return this.serialise(options, `RPC operation ${opnum}`, DEFAULT_CALL_TIMEOUT_MS, async () => {
      const session = this.session;
      if (session === null) throw rpcUsage('call() before bind()');
      const callId = this.nextCallId++;
      const { maxXmitFrag, auth } = session;
      this.channel.send(fragmentRequest({ callId, contextId: CONTEXT_ID, opnum, stub, maxXmitFrag, auth }));
      const reassembler = new StubReassembler({
        callId,
        auth,
        opnum,
        ...(options.maxStubBytes === undefined ? {} : { maxStubBytes: options.maxStubBytes }),
      });
      for (;;) {
        const reply = reassembler.push(await this.channel.receive());
        if (reply !== null) return reply;
      }
    });
  }

  close(): void {
    this.channel.close();
  }

  /**
   * Runs `work` after every earlier call, under the deadline. Waiting in the queue does not
   * count against the timeout, and cancelling while queued leaves the connection intact.
   */
  private async serialise<T>(
    options: RpcDeadline,
    what: string,
    defaultTimeoutMs: number,
    work: () => Promise<T>,
  ): Promise<T> {
    const previous = this.tail;
    let release: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => (release = resolve));
    this.tail = previous.then(() => mine);
    try {
      await abortable(previous, options.signal);
      if (!this.channel.isOpen) throw rpcConnectionLost(this.endpoint, 'the connection is closed');
      return await this.underDeadline(options.timeoutMs ?? defaultTimeoutMs, options.signal, what, work);
    } finally {
      release();
    }
  }

  private async underDeadline<T>(
    timeoutMs: number,
    signal: AbortSignal | undefined,
    what: string,
    work: () => Promise<T>,
  ): Promise<T> {
    const timer = setTimeout(() => this.channel.fail(rpcTimeout(what, timeoutMs)), timeoutMs);
    const onAbort = (): void => this.channel.fail(new CancelledError());
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await work();
    } catch (error) {
      // A fault ends one call cleanly; anything else leaves the association in an unknown state.
      if (!(error instanceof RpcFaultError))
        this.channel.fail(error instanceof Error ? error : new Error(String(error)));
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

function abortable(turn: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return turn;
  if (signal.aborted) return Promise.reject(new CancelledError());
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(new CancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    void turn.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}
