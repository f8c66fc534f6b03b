/**
 * Call PDUs: request, response and fault (drsr-notes §1.3). A request/response carries one
 * stub fragment followed, when authenticated, by the auth pad, sec_trailer and auth_value.
 * Decoded stubs are views into the PDU buffer, so unsealing the buffer in place updates them.
 */
import { guidFromBytes, guidToBytes } from '../ndr/guid.ts';
import {
  HEADER_LENGTH,
  PduType,
  PfcFlag,
  REQUEST_HEADER_LENGTH,
  RESPONSE_HEADER_LENGTH,
} from './constants.ts';
import { rpcUsage } from './errors.ts';
import {
  type AuthTrailer,
  type DecodedAuth,
  decodeAuth,
  finishPdu,
  type PduHeader,
  pduReader,
  startPdu,
  writeAuth,
} from './pdu-header.ts';

export interface RequestPdu<A extends AuthTrailer = DecodedAuth> {
  readonly type: typeof PduType.Request;
  readonly flags: number;
  readonly callId: number;
  readonly allocHint: number;
  readonly contextId: number;
  readonly opnum: number;
  /** Present only with PFC_OBJECT_UUID; never needed for drsuapi. */
  readonly objectUuid: string | null;
  readonly stub: Buffer;
  readonly auth: A | null;
}

export interface ResponsePdu<A extends AuthTrailer = DecodedAuth> {
  readonly type: typeof PduType.Response;
  readonly flags: number;
  readonly callId: number;
  readonly allocHint: number;
  readonly contextId: number;
  readonly cancelCount: number;
  readonly stub: Buffer;
  readonly auth: A | null;
}

export interface FaultPdu {
  readonly type: typeof PduType.Fault;
  readonly flags: number;
  readonly callId: number;
  readonly allocHint: number;
  readonly contextId: number;
  readonly cancelCount: number;
  readonly status: number;
}

/** Offset of the stub (= start of the sealed region) in a request. */
export function requestStubOffset(flags: number): number {
  return REQUEST_HEADER_LENGTH + (flags & PfcFlag.ObjectUuid ? 16 : 0);
}

/** `padLength` zero bytes go between stub and sec_trailer; with auth null it must be 0. */
export function encodeRequest(pdu: RequestPdu<AuthTrailer>, padLength = 0): Buffer {
  const flags = pdu.objectUuid === null ? pdu.flags & ~PfcFlag.ObjectUuid : pdu.flags | PfcFlag.ObjectUuid;
  const w = startPdu(PduType.Request, flags, pdu.callId).u32(pdu.allocHint).u16(pdu.contextId).u16(pdu.opnum);
  if (pdu.objectUuid !== null) w.bytes(guidToBytes(pdu.objectUuid));
  w.bytes(pdu.stub);
  return finishStub(w, pdu.auth, padLength);
}

export function encodeResponse(pdu: ResponsePdu<AuthTrailer>, padLength = 0): Buffer {
  const w = startPdu(PduType.Response, pdu.flags, pdu.callId).u32(pdu.allocHint).u16(pdu.contextId);
  w.u8(pdu.cancelCount).u8(0).bytes(pdu.stub);
  return finishStub(w, pdu.auth, padLength);
}

export function encodeFault(pdu: FaultPdu): Buffer {
  const w = startPdu(PduType.Fault, pdu.flags, pdu.callId).u32(pdu.allocHint).u16(pdu.contextId);
  return finishPdu(w.u8(pdu.cancelCount).u8(0).u32(pdu.status).u32(0), 0);
}

export function decodeRequest(buf: Buffer, header: PduHeader): RequestPdu {
  const stubOffset = requestStubOffset(header.flags);
  const { bodyEnd, auth } = decodeAuth(buf, header, stubOffset);
  const objectUuid = header.flags & PfcFlag.ObjectUuid ? guidFromBytes(buf, REQUEST_HEADER_LENGTH) : null;
  return {
    type: PduType.Request,
    flags: header.flags,
    callId: header.callId,
    allocHint: buf.readUInt32LE(HEADER_LENGTH),
    contextId: buf.readUInt16LE(20),
    opnum: buf.readUInt16LE(22),
    objectUuid,
    stub: buf.subarray(stubOffset, bodyEnd),
    auth,
  };
}

export function decodeResponse(buf: Buffer, header: PduHeader): ResponsePdu {
  const { bodyEnd, auth } = decodeAuth(buf, header, RESPONSE_HEADER_LENGTH);
  return {
    type: PduType.Response,
    flags: header.flags,
    callId: header.callId,
    allocHint: buf.readUInt32LE(HEADER_LENGTH),
    contextId: buf.readUInt16LE(20),
    cancelCount: buf.readUInt8(22),
    stub: buf.subarray(RESPONSE_HEADER_LENGTH, bodyEnd),
    auth,
  };
}

/** The status sits at offset 24 whatever follows (a verifier or extended error data). */
export function decodeFault(buf: Buffer, header: PduHeader): FaultPdu {
  const r = pduReader(buf).skip(HEADER_LENGTH);
  const [allocHint, contextId, cancelCount] = [r.u32(), r.u16(), r.u8()];
  r.skip(1);
  return {
    type: PduType.Fault,
    flags: header.flags,
    callId: header.callId,
    allocHint,
    contextId,
    cancelCount,
    status: r.u32(),
  };
}

function finishStub(w: ReturnType<typeof startPdu>, auth: AuthTrailer | null, padLength: number): Buffer {
  if (auth === null) {
    if (padLength !== 0) throw rpcUsage('an auth pad without an auth verifier');
    return finishPdu(w, 0);
  }
  writeAuth(w, auth, padLength);
  return finishPdu(w, auth.value.length);
}
