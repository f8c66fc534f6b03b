import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RpcConnection } from '../../../../../electron/directory/drsr/rpc/connection.ts';
import { DRSUAPI_SYNTAX, PduType } from '../../../../../electron/directory/drsr/rpc/constants.ts';
import { RpcFaultError } from '../../../../../electron/directory/drsr/rpc/faults.ts';
import { encodeBindNak, encodeFault } from '../../../../../electron/directory/drsr/rpc/pdu.ts';
import { AppError, ErrorCode, isCancelled } from '../../../../../shared/errors.ts';
import { AUTHENTICATE, CHALLENGE, fakeAuthenticator, fakeSecurityPair, NEGOTIATE } from './fake-security.ts';
import { acceptBind, type FakeServer, receiveCall, replyFragments, startServer } from './fake-server.ts';

const servers: FakeServer[] = [];
const connections: RpcConnection[] = [];

afterEach(async () => {
  connections.splice(0).forEach((c) => c.close());
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(script: Parameters<typeof startServer>[0], seed?: number): Promise<FakeServer> {
  const server = await startServer(script, seed);
  servers.push(server);
  return server;
}

async function connect(port: number): Promise<RpcConnection> {
  const conn = await RpcConnection.connect('127.0.0.1', port, { timeoutMs: 2000 });
  connections.push(conn);
  return conn;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** The server's answer to a stub: reversed, so an echo bug cannot pass. */
const answer = (stub: Buffer): Buffer => Buffer.from(stub).reverse();

describe('RpcConnection against an in-test DCE/RPC server', () => {
  it('binds without auth and makes multi-fragment calls both ways over randomly chunked TCP', async () => {
    const server = await serve(async (peer) => {
      await acceptBind(peer);
      for (;;) {
        const { first, stub, fragments } = await receiveCall(peer, null);
        expect(fragments).toBeGreaterThan(1);
        await peer.send(...replyFragments(first.callId, answer(stub), null, 1500));
      }
    });
    const conn = await connect(server.port);
    const bound = await conn.bind({ abstractSyntax: DRSUAPI_SYNTAX, maxFragment: 1500 });
    expect(bound).toEqual({
      maxXmitFrag: 1500,
      maxRecvFrag: 1500,
      assocGroupId: 0x1234,
      secondaryAddress: '49153',
    });
    for (const size of [1500, 20_000, 70_001]) {
      const stub = Buffer.from(Array.from({ length: size }, (_, i) => (i * 7) & 0xff));
      expect((await conn.call(3, stub)).equals(answer(stub))).toBe(true);
    }
  });

  it('authenticates in three legs and seals every fragment of every call', async () => {
    const pair = fakeSecurityPair(3);
    const seen: {
      bindToken?: Buffer | undefined;
      auth3Token?: Buffer | undefined;
      auth3CallId?: number;
      callIds: number[];
    } = { callIds: [] };
    const server = await serve(async (peer) => {
      const { bind, auth3 } = await acceptBind(peer, CHALLENGE);
      seen.bindToken = bind.auth?.value;
      seen.auth3Token = auth3?.auth.value;
      seen.auth3CallId = auth3?.callId ?? -1;
      expect(auth3?.auth.contextId).toBe(bind.auth?.contextId);
      for (;;) {
        const { first, stub } = await receiveCall(peer, pair.server);
        seen.callIds.push(first.callId);
        await peer.send(...replyFragments(first.callId, answer(stub), pair.server, 2000));
      }
    });
    const authenticator = fakeAuthenticator(pair.client);
    const conn = await connect(server.port);
    await conn.bind({ abstractSyntax: DRSUAPI_SYNTAX, authenticator, maxFragment: 2000 });
    const stubs = [Buffer.alloc(10, 1), Buffer.alloc(9000, 2), Buffer.alloc(4001, 3)];
    for (const stub of stubs) expect((await conn.call(0, stub)).equals(answer(stub))).toBe(true);
    expect(seen.bindToken).toEqual(NEGOTIATE);
    expect(authenticator.challenges).toEqual([CHALLENGE]);
    expect(seen.auth3Token).toEqual(AUTHENTICATE);
    expect(seen.auth3CallId).toBe(1);
    expect(seen.callIds).toEqual([2, 3, 4]);
  });

  it('serialises concurrent calls: the next request is sent only after the previous reply', async () => {
    let outstanding = 0;
    const server = await serve(async (peer) => {
      await acceptBind(peer);
      for (;;) {
        const { first, stub } = await receiveCall(peer, null);
        outstanding++;
        expect(outstanding).toBe(1);
        await new Promise((r) => setTimeout(r, 5));
        outstanding--;
        await peer.send(...replyFragments(first.callId, answer(stub), null));
      }
    });
    const conn = await connect(server.port);
    await conn.bind({ abstractSyntax: DRSUAPI_SYNTAX });
    const stubs = Array.from({ length: 6 }, (_, i) => Buffer.from(`call ${i}`));
    const replies = await Promise.all(stubs.map((s) => conn.call(1, s)));
    expect(replies).toEqual(stubs.map(answer));
  });

  it('turns a fault into RpcFaultError and keeps the connection usable', async () => {
    const server = await serve(async (peer) => {
      await acceptBind(peer);
      const { first } = await receiveCall(peer, null);
      await peer.send(
        encodeFault({
          type: PduType.Fault,
          flags: 3,
          callId: first.callId,
          allocHint: 0,
          contextId: 0,
          cancelCount: 0,
          status: 0x1c01000b,
        }),
      );
      const next = await receiveCall(peer, null);
      await peer.send(...replyFragments(next.first.callId, answer(next.stub), null));
    });
    const conn = await connect(server.port);
    await conn.bind({ abstractSyntax: DRSUAPI_SYNTAX });
    const error = await rejection(conn.call(0, Buffer.from('x')));
    expect(error).toBeInstanceOf(RpcFaultError);
    expect(error.code).toBe(ErrorCode.RpcFault);
    expect((error as RpcFaultError).status).toBe(0x1c01000b);
    expect(error.message).toContain('authentication failed or protocol error');
    expect(await conn.call(0, Buffer.from('ok'))).toEqual(Buffer.from('ko'));
  });

  it('reports bind_nak as RpcBindRejected', async () => {
    const server = await serve(async (peer) => {
      await peer.receive();
      await peer.send(
        encodeBindNak({
          type: PduType.BindNak,
          flags: 3,
          callId: 1,
          rejectReason: 4,
          versions: [{ major: 5, minor: 0 }],
        }),
      );
    });
    const conn = await connect(server.port);
    const error = await rejection(conn.bind({ abstractSyntax: DRSUAPI_SYNTAX }));
    expect(error.code).toBe(ErrorCode.RpcBindRejected);
    expect(error.message).toContain('protocol version not supported');
    expect(conn.isOpen).toBe(false);
  });

  it('reports a server that closes mid-response as RpcConnectionLost', async () => {
    const server = await serve(async (peer) => {
      await acceptBind(peer);
      const { first, stub } = await receiveCall(peer, null);
      const fragments = replyFragments(first.callId, stub, null, 1500);
      await peer.send(fragments[0] ?? Buffer.alloc(0), (fragments[1] ?? Buffer.alloc(0)).subarray(0, 100));
      peer.end();
    });
    const conn = await connect(server.port);
    await conn.bind({ abstractSyntax: DRSUAPI_SYNTAX });
    const error = await rejection(conn.call(3, Buffer.alloc(5000)));
    expect(error.code).toBe(ErrorCode.RpcConnectionLost);
    expect(conn.isOpen).toBe(false);
    expect((await rejection(conn.call(3, Buffer.alloc(1)))).code).toBe(ErrorCode.RpcConnectionLost);
  });

  it('keeps a complete reply that arrives together with the server closing the connection', async () => {
    const server = await serve(async (peer) => {
      await acceptBind(peer);
      const { first, stub } = await receiveCall(peer, null);
      peer.socket.end(Buffer.concat(replyFragments(first.callId, answer(stub), null, 1500)));
    });
    const conn = await connect(server.port);
    await conn.bind({ abstractSyntax: DRSUAPI_SYNTAX, maxFragment: 1500 });
    const stub = Buffer.alloc(6000, 9);
    stub[0] = 1;
    expect((await conn.call(3, stub)).equals(answer(stub))).toBe(true);
    expect((await rejection(conn.call(3, stub))).code).toBe(ErrorCode.RpcConnectionLost);
  });

  it('times out a call the server never answers and closes the connection', async () => {
    const server = await serve(async (peer) => {
      await acceptBind(peer);
      await receiveCall(peer, null);
    });
    const conn = await connect(server.port);
    await conn.bind({ abstractSyntax: DRSUAPI_SYNTAX });
    const started = Date.now();
    const error = await rejection(conn.call(3, Buffer.alloc(8), { timeoutMs: 150 }));
    expect(error.code).toBe(ErrorCode.RpcTimeout);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(conn.isOpen).toBe(false);
  });

  it('cancels a running call through its AbortSignal, and a queued one without closing', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const server = await serve(async (peer) => {
      await acceptBind(peer);
      const { first, stub } = await receiveCall(peer, null);
      await gate;
      await peer.send(...replyFragments(first.callId, answer(stub), null));
      await receiveCall(peer, null); // the cancelled call's request arrives, never answered
    });
    const conn = await connect(server.port);
    await conn.bind({ abstractSyntax: DRSUAPI_SYNTAX });
    const running = conn.call(1, Buffer.from('first'));
    const queued = new AbortController();
    const queuedCall = conn.call(1, Buffer.from('queued'), { signal: queued.signal });
    queued.abort();
    expect(isCancelled(await rejection(queuedCall))).toBe(true);
    release();
    expect(await running).toEqual(answer(Buffer.from('first')));
    expect(conn.isOpen).toBe(true);

    const controller = new AbortController();
    const call = conn.call(1, Buffer.from('slow'), { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect(isCancelled(await rejection(call))).toBe(true);
    expect(conn.isOpen).toBe(false);
  });

  it('reports a refused connection as RpcUnreachable naming host:port and the firewall ports', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const address = probe.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    await new Promise<void>((r) => probe.close(() => r()));
    const error = await rejection(RpcConnection.connect('127.0.0.1', port, { timeoutMs: 2000 }));
    expect(error.code).toBe(ErrorCode.RpcUnreachable);
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.message).toContain('refused');
    expect(error.remediation).toContain('TCP 135');
    expect(error.remediation).toContain('dynamic RPC port range');
  });

  it('closes on a PDU with an impossible frag_length', async () => {
    const server = await serve(async (peer) => {
      await peer.receive();
      peer.socket.write(Buffer.from('05000c03100000000400000001000000', 'hex'));
    });
    const conn = await connect(server.port);
    expect((await rejection(conn.bind({ abstractSyntax: DRSUAPI_SYNTAX }))).code).toBe(
      ErrorCode.RpcMalformed,
    );
    expect(conn.isOpen).toBe(false);
  });
});
