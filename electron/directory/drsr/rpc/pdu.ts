/**
 * DCE/RPC connection-oriented PDU codecs: one entry point to decode any received PDU, plus
 * the per-type encoders. Decoding is strict: frag_length must span the buffer exactly and every
 * length and offset inside is checked, so a hostile peer gets RpcMalformed, never a crash.
 */
import { PduType } from './constants.ts';
import { rpcMalformed } from './errors.ts';
import {
  type Auth3Pdu,
  type BindAckPdu,
  type BindNakPdu,
  type BindPdu,
  decodeAuth3,
  decodeBind,
  decodeBindAck,
  decodeBindNak,
} from './pdu-bind.ts';
import {
  decodeFault,
  decodeRequest,
  decodeResponse,
  type FaultPdu,
  type RequestPdu,
  type ResponsePdu,
} from './pdu-call.ts';
import { decodeHeader } from './pdu-header.ts';

export type { AuthTrailer, DecodedAuth, PduHeader } from './pdu-header.ts';
export { decodeHeader, peekHeader } from './pdu-header.ts';
export type { Auth3Pdu, BindAckPdu, BindNakPdu, BindPdu, ContextElement, ContextResult } from './pdu-bind.ts';
export { encodeAuth3, encodeBind, encodeBindAck, encodeBindNak } from './pdu-bind.ts';
export type { FaultPdu, RequestPdu, ResponsePdu } from './pdu-call.ts';
export { encodeFault, encodeRequest, encodeResponse, requestStubOffset } from './pdu-call.ts';

export type Pdu = BindPdu | BindAckPdu | BindNakPdu | Auth3Pdu | RequestPdu | ResponsePdu | FaultPdu;

/** Decodes one complete PDU (exactly frag_length bytes). Stubs are views into `buf`. */
export function decodePdu(buf: Buffer): Pdu {
  const header = decodeHeader(buf);
  switch (header.type) {
    case PduType.Request:
      return decodeRequest(buf, header);
    case PduType.Response:
      return decodeResponse(buf, header);
    case PduType.Fault:
      return decodeFault(buf, header);
    case PduType.Bind:
    case PduType.AlterContext:
      return decodeBind(buf, header);
    case PduType.BindAck:
    case PduType.AlterContextResp:
      return decodeBindAck(buf, header);
    case PduType.BindNak:
      return decodeBindNak(buf, header);
    case PduType.Auth3:
      return decodeAuth3(buf, header);
    default:
      throw rpcMalformed(`unsupported PDU type ${header.type}`);
  }
}
