/**
 * A scripted DCE/RPC peer on 127.0.0.1 port 0 for connection tests. Each accepted socket runs
 * the test's script; replies are written in random-sized TCP chunks to exercise framing.
 */
import { createServer, type Server, type Socket } from 'node:net';
import {
  NDR20_SYNTAX,
  PduType,
  SINGLE_FRAGMENT_FLAGS,
} from '../../../../../electron/directory/drsr/rpc/constants.ts';
import { type CallSecurity, fragmentResponse } from '../../../../../electron/directory/drsr/rpc/fragment.ts';
import { StubReassembler } from '../../../../../electron/directory/drsr/rpc/reassembly.ts';
import { PduFramer } from '../../../../../electron/directory/drsr/rpc/framing.ts';
import {
  type Auth3Pdu,
  type BindPdu,
  decodePdu,
  encodeBindAck,
  type RequestPdu,
} from '../../../../../electron/directory/drsr/rpc/pdu.ts';
import type { PacketSecurity } from '../../../../../electron/directory/drsr/rpc/security.ts';
import { prng } from '../ndr/helpers.ts';

export interface PeerSocket {
  receive(): Promise<Buffer>;
  /** Writes the PDUs' bytes in random chunks with short pauses. */
  send(...pdus: Buffer[]): Promise<void>;
  end(): void;
  readonly socket: Socket;
}

export interface FakeServer {
  readonly port: number;
  readonly connections: number;
  close(): Promise<void>;
}

export async function startServer(
  script: (peer: PeerSocket) => Promise<void>,
  seed = 1,
): Promise<FakeServer> {
  const sockets = new Set<Socket>();
  const rnd = prng(seed);
  let connections = 0;
  const server: Server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    script(peer(socket, rnd)).catch(() => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function peer(socket: Socket, rnd: ReturnType<typeof prng>): PeerSocket {
  const framer = new PduFramer();
  const inbox: Buffer[] = [];
  const waiters: ((pdu: Buffer) => void)[] = [];
  socket.on('data', (chunk: Buffer) => {
    for (const pdu of framer.push(chunk)) {
      const w = waiters.shift();
      if (w) w(pdu);
      else inbox.push(pdu);
    }
  });
  return {
    socket,
    receive: () => {
      const next = inbox.shift();
      return next ? Promise.resolve(next) : new Promise((resolve) => waiters.push(resolve));
    },
    async send(...pdus) {
      const bytes = Buffer.concat(pdus);
      for (let at = 0; at < bytes.length;) {
        const n = 1 + rnd.int(Math.min(700, bytes.length - at));
        socket.write(bytes.subarray(at, at + n));
        at += n;
        if (rnd.int(4) === 0) await new Promise((r) => setImmediate(r));
      }
    },
    end: () => socket.end(),
  };
}

/** Answers a bind like Samba: accept NDR20, echo the auth context, send the challenge. */
export async function acceptBind(
  peer: PeerSocket,
  challenge?: Buffer,
): Promise<{ bind: BindPdu; auth3: Auth3Pdu | null }> {
  const bind = decodePdu(await peer.receive());
  if (bind.type !== PduType.Bind) throw new Error(`expected bind, got ${bind.type}`);
  const auth = bind.auth && challenge ? { ...bind.auth, value: challenge } : null;
  await peer.send(
    encodeBindAck({
      type: PduType.BindAck,
      flags: SINGLE_FRAGMENT_FLAGS,
      callId: bind.callId,
      maxXmitFrag: Math.min(bind.maxXmitFrag, 5840),
      maxRecvFrag: Math.min(bind.maxRecvFrag, 5840),
      assocGroupId: 0x1234,
      secondaryAddress: '49153',
      results: [{ result: 0, reason: 0, transferSyntax: NDR20_SYNTAX }],
      auth,
    }),
  );
  if (auth === null) return { bind, auth3: null };
  const auth3 = decodePdu(await peer.receive());
  if (auth3.type !== PduType.Auth3) throw new Error('expected auth3');
  return { bind, auth3 };
}

/** Reads one whole request (unsealing with the server side of the pair). */
export async function receiveCall(
  peer: PeerSocket,
  server: PacketSecurity | null,
): Promise<{ first: RequestPdu; stub: Buffer; fragments: number }> {
  const firstRaw = await peer.receive();
  const first = decodePdu(Buffer.from(firstRaw));
  if (first.type !== PduType.Request) throw new Error(`expected request, got ${first.type}`);
  const auth: CallSecurity | null = server && { security: server, contextId: first.auth?.contextId ?? 0 };
  const reassembler = new StubReassembler({ callId: first.callId, auth, pduType: PduType.Request });
  let fragments = 1;
  for (let stub = reassembler.push(firstRaw); ; fragments++) {
    if (stub !== null) return { first, stub, fragments };
    stub = reassembler.push(await peer.receive());
  }
}

export function replyFragments(
  callId: number,
  stub: Buffer,
  server: PacketSecurity | null,
  maxXmitFrag = 5840,
): Buffer[] {
  const auth = server && { security: server, contextId: 1 };
  return fragmentResponse({ callId, contextId: 0, stub, maxXmitFrag, auth });
}
