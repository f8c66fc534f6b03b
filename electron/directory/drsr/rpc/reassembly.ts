/**
 * Reassembling a call's reply from its fragments (drsr-notes §1.4, §2.5): each fragment is
 * checked, unsealed on its own through PacketSecurity, stripped of its auth pad and appended,
 * up to LAST_FRAG, under a size cap that does not trust alloc_hint.
 */
import { PduType, PfcFlag, RESPONSE_HEADER_LENGTH } from './constants.ts';
import { rpcMalformed } from './errors.ts';
import { RpcFaultError } from './faults.ts';
import type { CallSecurity } from './fragment.ts';
import { decodePdu, requestStubOffset } from './pdu.ts';
import type { DecodedAuth } from './pdu.ts';

/** Default cap on a reassembled reply: well above GetNCChanges with cMaxBytes = 8 MiB. */
export const DEFAULT_MAX_STUB_BYTES = 64 * 1024 * 1024;

export interface ReassemblyOptions {
  readonly callId: number;
  readonly auth: CallSecurity | null;
  /** Opnum of the call, for the fault message. */
  readonly opnum?: number;
  readonly maxStubBytes?: number;
  /** Response for a client; Request for a (test) server reassembling a call. */
  readonly pduType?: typeof PduType.Response | typeof PduType.Request;
}

/**
 * Feeds the fragments of one call, in order. A fault ends the call with RpcFaultError; any
 * inconsistency (call id, fragment flags, verifier, size cap) with RpcMalformed.
 */
export class StubReassembler {
  private readonly options: ReassemblyOptions;
  private readonly chunks: Buffer[] = [];
  private total = 0;
  private done = false;

  constructor(options: ReassemblyOptions) {
    this.options = options;
  }

  /** Takes one whole PDU (a private buffer: it is unsealed in place). Returns the stub after LAST_FRAG. */
  push(fragment: Buffer): Buffer | null {
    if (this.done) throw rpcMalformed('a fragment arrived after the last fragment of the call');
    const pdu = decodePdu(fragment);
    // A fault is reported whatever its call_id: servers send connection-level faults with call_id 0.
    if (pdu.type === PduType.Fault) throw new RpcFaultError(pdu.status, this.options.opnum ?? null);
    if (pdu.callId !== this.options.callId) {
      throw rpcMalformed(`call_id ${pdu.callId} received while waiting for call ${this.options.callId}`);
    }
    const expected = this.options.pduType ?? PduType.Response;
    if (pdu.type !== expected) throw rpcMalformed(`unexpected PDU type ${pdu.type} during a call`);
    const first = this.chunks.length === 0;
    if (Boolean(pdu.flags & PfcFlag.FirstFrag) !== first)
      throw rpcMalformed('fragments out of order (FIRST_FRAG)');
    this.unseal(
      fragment,
      pdu.auth,
      pdu.type === PduType.Request ? requestStubOffset(pdu.flags) : RESPONSE_HEADER_LENGTH,
    );
    this.total += pdu.stub.length;
    const cap = this.options.maxStubBytes ?? DEFAULT_MAX_STUB_BYTES;
    if (this.total > cap) throw rpcMalformed(`reply exceeds the ${cap}-byte limit`);
    this.chunks.push(pdu.stub);
    if (!(pdu.flags & PfcFlag.LastFrag)) return null;
    this.done = true;
    return Buffer.concat(this.chunks, this.total);
  }

  private unseal(fragment: Buffer, auth: DecodedAuth | null, sealStart: number): void {
    const expected = this.options.auth;
    if (expected === null) {
      if (auth !== null) throw rpcMalformed('an auth verifier on an unauthenticated connection');
      return;
    }
    const { security, contextId } = expected;
    if (auth === null) throw rpcMalformed('a fragment without its auth verifier');
    if (
      auth.authType !== security.authType ||
      auth.authLevel !== security.authLevel ||
      auth.contextId !== contextId
    ) {
      throw rpcMalformed('the auth verifier does not match the one negotiated at bind');
    }
    if (auth.value.length !== security.signatureLength)
      throw rpcMalformed(`a ${auth.value.length}-byte signature`);
    // The stub view returned by decodePdu shares `fragment`, so it reads as plaintext afterwards.
    security.unsealIncoming(fragment, sealStart, auth.trailerOffset);
  }
}
