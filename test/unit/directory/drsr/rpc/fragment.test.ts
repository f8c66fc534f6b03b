import { describe, expect, it } from 'vitest';
import { PduType, PfcFlag } from '../../../../../electron/directory/drsr/rpc/constants.ts';
import { RpcFaultError } from '../../../../../electron/directory/drsr/rpc/faults.ts';
import {
  type CallSecurity,
  fragmentRequest,
  fragmentResponse,
} from '../../../../../electron/directory/drsr/rpc/fragment.ts';
import { StubReassembler } from '../../../../../electron/directory/drsr/rpc/reassembly.ts';
import { decodePdu, encodeFault } from '../../../../../electron/directory/drsr/rpc/pdu.ts';
import { ErrorCode } from '../../../../../shared/errors.ts';
import { expectAppError, prng } from '../ndr/helpers.ts';
import { fakeSecurityPair } from './fake-security.ts';

const rnd = prng(42);

function securedPair(seed: number): { client: CallSecurity; server: CallSecurity } {
  const pair = fakeSecurityPair(seed);
  return { client: { security: pair.client, contextId: 1 }, server: { security: pair.server, contextId: 1 } };
}

function reassemble(fragments: Buffer[], options: ConstructorParameters<typeof StubReassembler>[0]): Buffer {
  const r = new StubReassembler(options);
  let out: Buffer | null = null;
  fragments.forEach((f, i) => {
    out = r.push(Buffer.from(f));
    expect(out === null).toBe(i < fragments.length - 1);
  });
  if (out === null) throw new Error('no stub');
  return out;
}

describe('request fragmentation and reassembly', () => {
  // Sealed chunk sizes: 72 -> 16, 100 -> 48, 5840 -> 5792. Boundary stubs sit around them.
  const sizes = [0, 1, 15, 16, 17, 47, 48, 49, 96, 5791, 5792, 5793, 11584, 11585, 65536 + 3];
  const frags = [72, 100, 1432, 5840];

  for (const sealed of [false, true]) {
    it(`splits and rejoins every boundary size (${sealed ? 'sealed' : 'clear'})`, () => {
      let seed = 1;
      for (const maxXmitFrag of frags) {
        for (const size of [...sizes, rnd.int(30000)]) {
          if (maxXmitFrag <= 100 && size > 12000) continue; // thousands of tiny fragments add nothing
          const { client, server } = securedPair(seed++);
          const stub = rnd.bytes(size);
          const fragments = fragmentRequest({
            callId: 5,
            contextId: 0,
            opnum: 3,
            stub,
            maxXmitFrag,
            auth: sealed ? client : null,
          });
          checkFragments(fragments, stub, maxXmitFrag, sealed);
          const serverAuth = sealed ? server : null;
          // Buffer.equals: vitest's deep equality walks large buffers byte by byte, slowly.
          expect(
            reassemble(fragments, { callId: 5, auth: serverAuth, pduType: PduType.Request }).equals(stub),
          ).toBe(true);

          const reply = fragmentResponse({ callId: 5, contextId: 0, stub, maxXmitFrag, auth: serverAuth });
          expect(reassemble(reply, { callId: 5, auth: sealed ? client : null }).equals(stub)).toBe(true);
        }
      }
    });
  }

  function checkFragments(fragments: Buffer[], stub: Buffer, maxXmitFrag: number, sealed: boolean): void {
    let remaining = stub.length;
    fragments.forEach((raw, i) => {
      expect(raw.length).toBeLessThanOrEqual(maxXmitFrag);
      const pdu = decodePdu(Buffer.from(raw));
      if (pdu.type !== PduType.Request) throw new Error('not a request');
      expect(pdu.callId).toBe(5);
      expect(pdu.opnum).toBe(3);
      expect(Boolean(pdu.flags & PfcFlag.FirstFrag)).toBe(i === 0);
      expect(Boolean(pdu.flags & PfcFlag.LastFrag)).toBe(i === fragments.length - 1);
      expect(pdu.allocHint).toBe(remaining);
      remaining -= pdu.stub.length;
      if (!sealed) {
        expect(pdu.auth).toBeNull();
        return;
      }
      const auth = pdu.auth;
      if (auth === null) throw new Error('no verifier');
      expect((pdu.stub.length + auth.padLength) % 16).toBe(0);
      if (i < fragments.length - 1) expect(auth.padLength).toBe(0);
      expect(auth.trailerOffset % 4).toBe(0);
      const plain = stub.subarray(stub.length - remaining - pdu.stub.length, stub.length - remaining);
      if (pdu.stub.length >= 8) expect(pdu.stub.equals(plain)).toBe(false);
    });
    expect(remaining).toBe(0);
  }
});

describe('StubReassembler checks', () => {
  const stub = Buffer.alloc(100, 1);

  it('reports a fault as RpcFaultError with its status name', () => {
    const fault = encodeFault({
      type: PduType.Fault,
      flags: 3,
      callId: 0,
      allocHint: 0,
      contextId: 0,
      cancelCount: 0,
      status: 0x1c01000b,
    });
    const error = expectAppError(
      () => new StubReassembler({ callId: 7, auth: null, opnum: 3 }).push(fault),
      ErrorCode.RpcFault,
    );
    expect(error).toBeInstanceOf(RpcFaultError);
    expect((error as RpcFaultError).statusName).toBe('nca_s_proto_error');
    expect(error.message).toContain('authentication failed or protocol error');
  });

  it('rejects a wrong call id, missing FIRST_FRAG, extra fragments and oversized replies', () => {
    const [a, b] = fragmentResponse({ callId: 7, contextId: 0, stub, maxXmitFrag: 80, auth: null });
    if (a === undefined || b === undefined) throw new Error('expected fragments');
    expectAppError(() => new StubReassembler({ callId: 8, auth: null }).push(a), ErrorCode.RpcMalformed);
    expectAppError(() => new StubReassembler({ callId: 7, auth: null }).push(b), ErrorCode.RpcMalformed);
    const capped = new StubReassembler({ callId: 7, auth: null, maxStubBytes: 60 });
    capped.push(a);
    expectAppError(() => capped.push(b), ErrorCode.RpcMalformed);
    const [single] = fragmentResponse({ callId: 7, contextId: 0, stub, maxXmitFrag: 5840, auth: null });
    if (single === undefined) throw new Error('expected a fragment');
    const done = new StubReassembler({ callId: 7, auth: null });
    done.push(Buffer.from(single));
    expectAppError(() => done.push(Buffer.from(single)), ErrorCode.RpcMalformed);
  });

  it('rejects verifiers that are missing, unexpected, mismatched or tampered', () => {
    const { client, server } = securedPair(99);
    const sealed = () => fragmentResponse({ callId: 7, contextId: 0, stub, maxXmitFrag: 5840, auth: server });
    const clear = fragmentResponse({ callId: 7, contextId: 0, stub, maxXmitFrag: 5840, auth: null });
    expectAppError(
      () => new StubReassembler({ callId: 7, auth: client }).push(clear[0] ?? Buffer.alloc(0)),
      ErrorCode.RpcMalformed,
    );
    expectAppError(
      () => new StubReassembler({ callId: 7, auth: null }).push(sealed()[0] ?? Buffer.alloc(0)),
      ErrorCode.RpcMalformed,
    );
    const otherContext = { ...client, contextId: 2 };
    expectAppError(
      () => new StubReassembler({ callId: 7, auth: otherContext }).push(sealed()[0] ?? Buffer.alloc(0)),
      ErrorCode.RpcMalformed,
    );
    const fresh = securedPair(1234);
    const tamperedFresh =
      fragmentResponse({ callId: 7, contextId: 0, stub, maxXmitFrag: 5840, auth: fresh.server })[0] ??
      Buffer.alloc(0);
    tamperedFresh[30] = (tamperedFresh[30] ?? 0) ^ 1;
    expectAppError(
      () => new StubReassembler({ callId: 7, auth: fresh.client }).push(tamperedFresh),
      ErrorCode.WireFormat,
    );
  });

  it('refuses a max_xmit_frag too small to carry stub data', () => {
    expectAppError(
      () => fragmentRequest({ callId: 1, contextId: 0, opnum: 0, stub, maxXmitFrag: 30, auth: null }),
      ErrorCode.Internal,
    );
  });
});
