/**
 * Fuzzing the transport: random and mutated PDUs, byte streams, fragment sequences and
 * endpoint-mapper replies must decode or fail with one of our named codes, quickly and
 * without large allocations. Seeded, so a failure replays.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { RpcConnection } from '../../../../../electron/directory/drsr/rpc/connection.ts';
import {
  DRSUAPI_SYNTAX,
  EPM_SYNTAX,
  NDR20_SYNTAX,
  PduType,
} from '../../../../../electron/directory/drsr/rpc/constants.ts';
import {
  decodeEptMapResponse,
  towerTcpPort,
  buildTcpTower,
} from '../../../../../electron/directory/drsr/rpc/epm.ts';
import { fragmentResponse } from '../../../../../electron/directory/drsr/rpc/fragment.ts';
import { StubReassembler } from '../../../../../electron/directory/drsr/rpc/reassembly.ts';
import { PduFramer } from '../../../../../electron/directory/drsr/rpc/framing.ts';
import {
  decodePdu,
  encodeAuth3,
  encodeBind,
  encodeBindAck,
  encodeBindNak,
  encodeFault,
  encodeRequest,
} from '../../../../../electron/directory/drsr/rpc/pdu.ts';
import { NdrWriter } from '../../../../../electron/directory/drsr/ndr/writer.ts';
import { AppError, ErrorCode } from '../../../../../shared/errors.ts';
import { codeOf, prng } from '../ndr/helpers.ts';
import { fakeSecurityPair } from './fake-security.ts';
import { acceptBind, type FakeServer, receiveCall, startServer } from './fake-server.ts';

const rnd = prng(0xc0ffee);
const auth = { authType: 0x0a, authLevel: 6, contextId: 1, value: Buffer.alloc(16, 0xaa) };

function validPdus(): Buffer[] {
  const contexts = [{ contextId: 0, abstractSyntax: DRSUAPI_SYNTAX, transferSyntaxes: [NDR20_SYNTAX] }];
  const results = [{ result: 0, reason: 0, transferSyntax: NDR20_SYNTAX }];
  const common = { flags: 3, callId: 2 };
  return [
    encodeBind({
      ...common,
      type: PduType.Bind,
      maxXmitFrag: 5840,
      maxRecvFrag: 5840,
      assocGroupId: 0,
      contexts,
      auth,
    }),
    encodeBindAck({
      ...common,
      type: PduType.BindAck,
      maxXmitFrag: 5840,
      maxRecvFrag: 5840,
      assocGroupId: 1,
      secondaryAddress: '49153',
      results,
      auth,
    }),
    encodeBindNak({ ...common, type: PduType.BindNak, rejectReason: 2, versions: [{ major: 5, minor: 0 }] }),
    encodeAuth3({ ...common, type: PduType.Auth3, auth }),
    encodeRequest(
      {
        ...common,
        type: PduType.Request,
        allocHint: 9,
        contextId: 0,
        opnum: 3,
        objectUuid: EPM_SYNTAX.uuid,
        stub: rnd.bytes(9),
        auth,
      },
      7,
    ),
    ...fragmentResponse({ callId: 2, contextId: 0, stub: rnd.bytes(300), maxXmitFrag: 200, auth: null }),
    encodeFault({ ...common, type: PduType.Fault, allocHint: 0, contextId: 0, cancelCount: 0, status: 5 }),
  ];
}

const EXTREMES = [0, 1, 0x7f, 0x80, 0xff, 0xfe];

function mutate(input: Buffer): Buffer {
  let out = Buffer.from(input);
  for (let edits = 1 + rnd.int(3); edits > 0; edits--) {
    const kind = rnd.int(4);
    if (kind === 0 && out.length > 0) out[rnd.int(out.length)] = rnd.int(256);
    else if (kind === 1 && out.length > 0)
      out[rnd.int(Math.min(out.length, 40))] = EXTREMES[rnd.int(EXTREMES.length)] ?? 0;
    else if (kind === 2) out = out.subarray(0, rnd.int(out.length + 1));
    else out = Buffer.concat([out, rnd.bytes(rnd.int(12))]);
  }
  // Often keep frag_length consistent, so mutations reach the body decoders.
  if (rnd.int(2) === 0 && out.length >= 10) out.writeUInt16LE(out.length, 8);
  return out;
}

function expectCodes(fn: () => unknown, allowed: readonly ErrorCode[]): void {
  const code = codeOf(fn);
  // Checked by hand first: a vitest expect() per iteration costs more than the decoding.
  if (code !== null && !allowed.includes(code)) expect(allowed).toContain(code);
}

describe('RPC fuzz', () => {
  it('decodePdu only throws RpcMalformed on 40k random and mutated PDUs', () => {
    const started = performance.now();
    const pdus = validPdus();
    for (let i = 0; i < 40_000; i++) {
      const input = i % 4 === 0 ? rnd.bytes(rnd.int(120)) : mutate(pdus[i % pdus.length] ?? Buffer.alloc(0));
      expectCodes(() => decodePdu(input), [ErrorCode.RpcMalformed]);
    }
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('PduFramer returns exactly the PDUs sent, whatever the chunking, and rejects bad lengths', () => {
    const pdus = validPdus();
    const stream = Buffer.concat(pdus);
    for (let i = 0; i < 500; i++) {
      const framer = new PduFramer();
      const out: Buffer[] = [];
      for (let at = 0; at < stream.length;) {
        const n = 1 + rnd.int(64);
        out.push(...framer.push(stream.subarray(at, at + n)));
        at += n;
      }
      // Buffer.equals: vitest's deep equality is slow on buffers.
      expect(out.length === pdus.length && out.every((b, k) => pdus[k]?.equals(b))).toBe(true);
      expect(framer.buffered).toBe(0);
      const garbage = new PduFramer();
      expectCodes(() => garbage.push(mutate(stream)), [ErrorCode.RpcMalformed]);
    }
  });

  it('StubReassembler only throws named errors on 3k mutated fragment sequences', () => {
    const started = performance.now();
    for (let i = 0; i < 3000; i++) {
      const sealed = i % 2 === 0;
      const pair = fakeSecurityPair(i + 1);
      const stub = rnd.bytes(rnd.int(700));
      const frags = fragmentResponse({
        callId: 4,
        contextId: 0,
        stub,
        maxXmitFrag: 120 + rnd.int(200),
        auth: sealed ? { security: pair.server, contextId: 1 } : null,
      });
      const victim = rnd.int(frags.length);
      const r = new StubReassembler({
        callId: 4,
        auth: sealed ? { security: pair.client, contextId: 1 } : null,
        maxStubBytes: 600,
      });
      expectCodes(
        () => frags.forEach((f, k) => r.push(k === victim ? mutate(f) : f)),
        [ErrorCode.RpcMalformed, ErrorCode.RpcFault, ErrorCode.WireFormat],
      );
    }
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('ept_map reply decoding only throws NdrMalformed or RpcMalformed', () => {
    const w = new NdrWriter().contextHandle(Buffer.alloc(20)).u32(2);
    const towers = [buildTcpTower(DRSUAPI_SYNTAX, 49153), buildTcpTower(EPM_SYNTAX, 135)];
    w.conformantVaryingArray(towers, (w, t) =>
      w.pointer(t, (w, t) => w.conformance(t.length).u32(t.length).bytes(t)),
    );
    const reply = w.flushDeferred().u32(0).finish();
    for (let i = 0; i < 5000; i++) {
      const input = mutate(reply);
      expectCodes(
        () => decodeEptMapResponse(input).towers.forEach((t) => towerTcpPort(t)),
        [ErrorCode.NdrMalformed, ErrorCode.RpcMalformed],
      );
    }
  });
});

describe('RpcConnection fuzz against a hostile server', () => {
  let server: FakeServer | null = null;
  let replies: Buffer[] = [];
  afterAll(async () => server?.close());

  it('ends 60 binds and calls answered with mutated PDUs with a named error or a result, never a hang', async () => {
    const valid =
      fragmentResponse({
        callId: 2,
        contextId: 0,
        stub: Buffer.alloc(50, 1),
        maxXmitFrag: 5840,
        auth: null,
      })[0] ?? Buffer.alloc(0);
    const ack = validPdus()[1] ?? Buffer.alloc(0);
    let hostileBind = false;
    server = await startServer(async (peer) => {
      if (hostileBind) {
        await peer.receive();
        await peer.send(replies.shift() ?? Buffer.alloc(0));
        return peer.end();
      }
      await acceptBind(peer);
      await receiveCall(peer, null);
      await peer.send(replies.shift() ?? Buffer.alloc(0));
      peer.end();
    });
    const allowed = [
      ErrorCode.RpcMalformed,
      ErrorCode.RpcFault,
      ErrorCode.RpcBindRejected,
      ErrorCode.RpcConnectionLost,
      ErrorCode.RpcTimeout,
    ];
    const started = performance.now();
    for (let i = 0; i < 60; i++) {
      hostileBind = i % 2 === 1;
      // The bind_ack template has call_id 2; the client's bind is call 1, so fix it up first.
      const template = hostileBind ? Buffer.from(ack) : valid;
      if (hostileBind) template.writeUInt32LE(1, 12);
      replies = [mutate(template)];
      const conn = await RpcConnection.connect('127.0.0.1', server.port, { timeoutMs: 1000 });
      try {
        await conn.bind({ abstractSyntax: DRSUAPI_SYNTAX, timeoutMs: 1000 });
        await conn.call(3, Buffer.from('x'), { timeoutMs: 1000 });
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect(allowed).toContain((error as AppError).code);
      } finally {
        conn.close();
      }
    }
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
