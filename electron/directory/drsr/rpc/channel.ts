/**
 * One TCP connection carrying whole PDUs: connect with a deadline, send, receive one PDU at a
 * time. `fail(error)` ends it: the socket is destroyed and the pending and every later receive
 * reject with that error, which is how timeouts, cancellation and EOF reach the caller.
 */
import { connect, type Socket } from 'node:net';
import { type AppError, CancelledError } from '../../../../shared/errors.ts';
import { rpcConnectionLost, rpcMalformed, rpcUnreachable, rpcUsage } from './errors.ts';
import { PduFramer } from './framing.ts';

/** PDUs nobody asked for; a well-behaved server never queues more than a call's reply. */
const MAX_UNREAD_PDUS = 4096;

const CONNECT_ERRORS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused (nothing listens on that port, or a firewall rejects it)',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ETIMEDOUT: 'the connection attempt timed out',
  ENOTFOUND: 'the host name could not be resolved',
  EAI_AGAIN: 'the host name could not be resolved (DNS lookup failed)',
};

export class PduChannel {
  readonly endpoint: string;
  private readonly socket: Socket;
  private readonly framer = new PduFramer();
  private readonly inbox: Buffer[] = [];
  private waiter: { resolve(pdu: Buffer): void; reject(error: Error): void } | null = null;
  private failure: Error | null = null;

  private constructor(socket: Socket, endpoint: string) {
    this.socket = socket;
    this.endpoint = endpoint;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    // The peer going away keeps what it sent before: a reply followed by a close still counts.
    socket.on('end', () =>
      this.terminate(rpcConnectionLost(endpoint, 'the server closed the connection'), true),
    );
    socket.on('close', () => this.terminate(rpcConnectionLost(endpoint, 'the connection was closed'), true));
    socket.on('error', (e) => this.terminate(rpcConnectionLost(endpoint, e.message), true));
  }

  static open(host: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<PduChannel> {
    const endpoint = `${host}:${port}`;
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new CancelledError());
      const socket = connect({ host, port });
      const onConnect = (): void => settle(null);
      const onError = (e: NodeJS.ErrnoException): void =>
        settle(rpcUnreachable(endpoint, CONNECT_ERRORS[e.code ?? ''] ?? e.message, e));
      const onAbort = (): void => settle(new CancelledError());
      const timer = setTimeout(
        () => settle(rpcUnreachable(endpoint, `no answer within ${Math.round(timeoutMs / 1000)} s`)),
        timeoutMs,
      );
      const settle = (error: AppError | null): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        socket.off('connect', onConnect).off('error', onError);
        if (error === null) return resolve(new PduChannel(socket, endpoint));
        socket.on('error', () => undefined).destroy();
        reject(error);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      socket.once('connect', onConnect);
      socket.once('error', onError);
    });
  }

  get isOpen(): boolean {
    return this.failure === null;
  }

  send(pdus: readonly Buffer[]): void {
    if (this.failure !== null) throw this.failure;
    for (const pdu of pdus) this.socket.write(pdu);
  }

  receive(): Promise<Buffer> {
    const next = this.inbox.shift();
    if (next !== undefined) return Promise.resolve(next);
    if (this.failure !== null) return Promise.reject(this.failure);
    if (this.waiter !== null) return Promise.reject(rpcUsage('two concurrent receives on one connection'));
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  /**
   * Ends the connection (timeout, cancellation, protocol error): unread PDUs are dropped, and
   * the first error wins: it is what the pending and every later receive see.
   */
  fail(error: Error): void {
    this.terminate(error, false);
  }

  private terminate(error: Error, keepUnread: boolean): void {
    if (this.failure !== null) return;
    this.failure = error;
    if (!keepUnread) this.inbox.length = 0;
    this.socket.destroy();
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.reject(error);
  }

  close(): void {
    this.fail(rpcConnectionLost(this.endpoint, 'the connection was closed by this client'));
  }

  private onData(chunk: Buffer): void {
    if (this.failure !== null) return;
    try {
      for (const pdu of this.framer.push(chunk)) this.deliver(pdu);
    } catch (error) {
      this.fail(error instanceof Error ? error : rpcMalformed(String(error)));
    }
  }

  private deliver(pdu: Buffer): void {
    const waiter = this.waiter;
    if (waiter !== null) {
      this.waiter = null;
      waiter.resolve(pdu);
      return;
    }
    if (this.inbox.length >= MAX_UNREAD_PDUS) throw rpcMalformed('too many unsolicited PDUs');
    this.inbox.push(pdu);
  }
}
