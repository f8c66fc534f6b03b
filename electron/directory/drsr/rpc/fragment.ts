/**
 * Splitting a call's stub into fragments (drsr-notes §1.4, §2.5); reassembly.ts is the reverse.
 *
 * Sealed fragments: each carries its own auth pad (stub padded to 16), sec_trailer and
 * signature, and is sealed on its own through PacketSecurity. NDR alignment is a property of
 * the reassembled stub, so fragments may split the stub at any byte.
 */
import {
  AUTH_PAD_ALIGNMENT,
  PduType,
  PfcFlag,
  REQUEST_HEADER_LENGTH,
  SEC_TRAILER_LENGTH,
} from './constants.ts';
import { rpcUsage } from './errors.ts';
import { encodeRequest, encodeResponse } from './pdu.ts';
import type { AuthTrailer } from './pdu.ts';
import type { PacketSecurity } from './security.ts';

/** The packet security of an authenticated connection and the auth_context_id fixed at bind. */
export interface CallSecurity {
  readonly security: PacketSecurity;
  readonly contextId: number;
}

export interface OutgoingStub {
  readonly callId: number;
  /** Presentation context id from the bind (p_cont_id). */
  readonly contextId: number;
  readonly stub: Buffer;
  readonly maxXmitFrag: number;
  readonly auth: CallSecurity | null;
}

export function fragmentRequest(call: OutgoingStub & { readonly opnum: number }): Buffer[] {
  return fragment(call, (flags, allocHint, chunk, auth, pad) =>
    encodeRequest(
      {
        type: PduType.Request,
        flags,
        callId: call.callId,
        allocHint,
        contextId: call.contextId,
        opnum: call.opnum,
        objectUuid: null,
        stub: chunk,
        auth,
      },
      pad,
    ),
  );
}

/** The server side, for test peers: same splitting and sealing rules as requests. */
export function fragmentResponse(call: OutgoingStub): Buffer[] {
  return fragment(call, (flags, allocHint, chunk, auth, pad) =>
    encodeResponse(
      {
        type: PduType.Response,
        flags,
        callId: call.callId,
        allocHint,
        contextId: call.contextId,
        cancelCount: 0,
        stub: chunk,
        auth,
      },
      pad,
    ),
  );
}

type EncodeFragment = (
  flags: number,
  allocHint: number,
  chunk: Buffer,
  auth: AuthTrailer | null,
  pad: number,
) => Buffer;

function fragment(call: OutgoingStub, encode: EncodeFragment): Buffer[] {
  const chunkSize = maxChunk(call.maxXmitFrag, call.auth);
  const out: Buffer[] = [];
  for (let offset = 0; offset === 0 || offset < call.stub.length; offset += chunkSize) {
    const chunk = call.stub.subarray(offset, offset + chunkSize);
    const last = offset + chunkSize >= call.stub.length;
    const flags = (offset === 0 ? PfcFlag.FirstFrag : 0) | (last ? PfcFlag.LastFrag : 0);
    out.push(
      sealed(call.auth, chunk, (auth, pad) => encode(flags, call.stub.length - offset, chunk, auth, pad)),
    );
  }
  return out;
}

/** Builds one fragment with a zeroed signature, then seals it in place. */
function sealed(
  auth: CallSecurity | null,
  chunk: Buffer,
  build: (auth: AuthTrailer | null, pad: number) => Buffer,
): Buffer {
  if (auth === null) return build(null, 0);
  const { security, contextId } = auth;
  const pad = (AUTH_PAD_ALIGNMENT - (chunk.length % AUTH_PAD_ALIGNMENT)) % AUTH_PAD_ALIGNMENT;
  const value = Buffer.alloc(security.signatureLength);
  const pdu = build({ authType: security.authType, authLevel: security.authLevel, contextId, value }, pad);
  const trailerOffset = pdu.length - security.signatureLength - SEC_TRAILER_LENGTH;
  // Requests (without object UUID) and responses both have a 24-byte header before the stub.
  security.sealOutgoing(pdu, REQUEST_HEADER_LENGTH, trailerOffset);
  return pdu;
}

/** Stub bytes per fragment; a multiple of 16 when sealed so only the last one needs a pad. */
function maxChunk(maxXmitFrag: number, auth: CallSecurity | null): number {
  const overhead =
    REQUEST_HEADER_LENGTH + (auth === null ? 0 : SEC_TRAILER_LENGTH + auth.security.signatureLength);
  const room = maxXmitFrag - overhead;
  const chunk = auth === null ? room : room - (room % AUTH_PAD_ALIGNMENT);
  if (chunk < AUTH_PAD_ALIGNMENT) throw rpcUsage(`max_xmit_frag ${maxXmitFrag} leaves no room for stub data`);
  return chunk;
}
