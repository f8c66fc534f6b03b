/**
 * Association PDUs: bind / alter_context, bind_ack / alter_context_resp, bind_nak and auth3
 * (drsr-notes §1.3). Encoders take an AuthTrailer; decoders return a DecodedAuth.
 */
import type { NdrReader } from '../ndr/reader.ts';
import { HEADER_LENGTH, PduType, type SyntaxId } from './constants.ts';
import { rpcMalformed } from './errors.ts';
import {
  type AuthTrailer,
  type DecodedAuth,
  decodeAuth,
  finishPdu,
  type PduHeader,
  pduReader,
  readSyntax,
  startPdu,
  writeAuth,
  writeSyntax,
} from './pdu-header.ts';

export interface ContextElement {
  readonly contextId: number;
  readonly abstractSyntax: SyntaxId;
  readonly transferSyntaxes: readonly SyntaxId[];
}

export interface BindPdu<A extends AuthTrailer = DecodedAuth> {
  readonly type: typeof PduType.Bind | typeof PduType.AlterContext;
  readonly flags: number;
  readonly callId: number;
  readonly maxXmitFrag: number;
  readonly maxRecvFrag: number;
  readonly assocGroupId: number;
  readonly contexts: readonly ContextElement[];
  readonly auth: A | null;
}

/** result: 0 accept, 1 user rejection, 2 provider rejection; reason explains a rejection. */
export interface ContextResult {
  readonly result: number;
  readonly reason: number;
  readonly transferSyntax: SyntaxId;
}

export interface BindAckPdu<A extends AuthTrailer = DecodedAuth> {
  readonly type: typeof PduType.BindAck | typeof PduType.AlterContextResp;
  readonly flags: number;
  readonly callId: number;
  readonly maxXmitFrag: number;
  readonly maxRecvFrag: number;
  readonly assocGroupId: number;
  /** The server port as a string ("49153"), empty in alter_context_resp. */
  readonly secondaryAddress: string;
  readonly results: readonly ContextResult[];
  readonly auth: A | null;
}

export interface BindNakPdu {
  readonly type: typeof PduType.BindNak;
  readonly flags: number;
  readonly callId: number;
  readonly rejectReason: number;
  readonly versions: readonly { readonly major: number; readonly minor: number }[];
}

export interface Auth3Pdu<A extends AuthTrailer = DecodedAuth> {
  readonly type: typeof PduType.Auth3;
  readonly flags: number;
  readonly callId: number;
  readonly auth: A;
}

export function encodeBind(pdu: BindPdu<AuthTrailer>): Buffer {
  const w = startPdu(pdu.type, pdu.flags, pdu.callId)
    .u16(pdu.maxXmitFrag)
    .u16(pdu.maxRecvFrag)
    .u32(pdu.assocGroupId);
  w.u8(pdu.contexts.length).u8(0).u16(0);
  for (const c of pdu.contexts) {
    w.u16(c.contextId).u8(c.transferSyntaxes.length).u8(0);
    writeSyntax(w, c.abstractSyntax);
    c.transferSyntaxes.forEach((s) => writeSyntax(w, s));
  }
  return finishWithAuth(w, pdu.auth);
}

export function encodeBindAck(pdu: BindAckPdu<AuthTrailer>): Buffer {
  const w = startPdu(pdu.type, pdu.flags, pdu.callId)
    .u16(pdu.maxXmitFrag)
    .u16(pdu.maxRecvFrag)
    .u32(pdu.assocGroupId);
  const address = Buffer.from(`${pdu.secondaryAddress}\0`, 'latin1');
  w.u16(pdu.secondaryAddress === '' ? 0 : address.length).bytes(
    pdu.secondaryAddress === '' ? Buffer.alloc(0) : address,
  );
  w.align(4).u8(pdu.results.length).u8(0).u16(0);
  for (const res of pdu.results) {
    w.u16(res.result).u16(res.reason);
    writeSyntax(w, res.transferSyntax);
  }
  return finishWithAuth(w, pdu.auth);
}

export function encodeBindNak(pdu: BindNakPdu): Buffer {
  const w = startPdu(PduType.BindNak, pdu.flags, pdu.callId).u16(pdu.rejectReason).u8(pdu.versions.length);
  pdu.versions.forEach((v) => w.u8(v.major).u8(v.minor));
  return finishPdu(w.align(4), 0);
}

export function encodeAuth3(pdu: Auth3Pdu<AuthTrailer>): Buffer {
  // The 4-byte body is a pad field (MS-RPCE 2.2.2.10); the trailer then starts 4-aligned.
  return finishWithAuth(startPdu(PduType.Auth3, pdu.flags, pdu.callId).u32(0), pdu.auth);
}

export function decodeBind(buf: Buffer, header: PduHeader): BindPdu {
  const { bodyEnd, auth } = decodeAuth(buf, header, HEADER_LENGTH + 12);
  const r = body(buf, bodyEnd);
  const [maxXmitFrag, maxRecvFrag, assocGroupId] = [r.u16(), r.u16(), r.u32()];
  const count = r.u8();
  r.skip(3);
  const contexts = r.elements(count, 24, (r) => {
    const contextId = r.u16();
    const transfers = r.u8();
    r.skip(1);
    return {
      contextId,
      abstractSyntax: readSyntax(r),
      transferSyntaxes: r.elements(transfers, 20, readSyntax),
    };
  });
  const type = header.type === PduType.AlterContext ? PduType.AlterContext : PduType.Bind;
  return {
    type,
    flags: header.flags,
    callId: header.callId,
    maxXmitFrag,
    maxRecvFrag,
    assocGroupId,
    contexts,
    auth,
  };
}

export function decodeBindAck(buf: Buffer, header: PduHeader): BindAckPdu {
  const { bodyEnd, auth } = decodeAuth(buf, header, HEADER_LENGTH + 10);
  const r = body(buf, bodyEnd);
  const [maxXmitFrag, maxRecvFrag, assocGroupId] = [r.u16(), r.u16(), r.u32()];
  const secondaryAddress = r.bytes(r.u16()).toString('latin1').replace(/\0$/, '');
  r.align(4);
  const count = r.u8();
  r.skip(3);
  const results = r.elements(count, 24, (r) => ({
    result: r.u16(),
    reason: r.u16(),
    transferSyntax: readSyntax(r),
  }));
  const type = header.type === PduType.AlterContextResp ? PduType.AlterContextResp : PduType.BindAck;
  return {
    type,
    flags: header.flags,
    callId: header.callId,
    maxXmitFrag,
    maxRecvFrag,
    assocGroupId,
    secondaryAddress,
    results,
    auth,
  };
}

export function decodeBindNak(buf: Buffer, header: PduHeader): BindNakPdu {
  const r = body(buf, header.fragLength);
  const rejectReason = r.u16();
  // The version list is optional in practice; MS-RPCE may append an extended-error signature.
  const versions = r.remaining === 0 ? [] : r.elements(r.u8(), 2, (r) => ({ major: r.u8(), minor: r.u8() }));
  return { type: PduType.BindNak, flags: header.flags, callId: header.callId, rejectReason, versions };
}

export function decodeAuth3(buf: Buffer, header: PduHeader): Auth3Pdu {
  const { auth } = decodeAuth(buf, header, HEADER_LENGTH);
  if (auth === null) throw rpcMalformed('auth3 without an auth verifier');
  return { type: PduType.Auth3, flags: header.flags, callId: header.callId, auth };
}

function finishWithAuth(w: ReturnType<typeof startPdu>, auth: AuthTrailer | null): Buffer {
  if (auth === null) return finishPdu(w, 0);
  const pad = (4 - (w.offset % 4)) % 4;
  writeAuth(w, auth, pad);
  return finishPdu(w, auth.value.length);
}

/** A reader over the PDU up to the end of its body, positioned after the common header. */
function body(buf: Buffer, bodyEnd: number): NdrReader {
  return pduReader(buf.subarray(0, bodyEnd)).skip(HEADER_LENGTH);
}
