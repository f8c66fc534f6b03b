/**
 * The 16-byte common header, syntax identifiers and the sec_trailer + auth_value that end a
 * PDU (drsr-notes §1.2, §1.5). PDU bodies are NDR, so the codecs build on NdrWriter/NdrReader
 * with offset 0 at the PDU start: "pad to 4 from the start of the PDU" is then plain align(4).
 */
import { NdrReader } from '../ndr/reader.ts';
import { NdrWriter } from '../ndr/writer.ts';
import { HEADER_LENGTH, SEC_TRAILER_LENGTH, type SyntaxId } from './constants.ts';
import { rpcMalformed } from './errors.ts';

export interface PduHeader {
  readonly type: number;
  readonly flags: number;
  readonly fragLength: number;
  readonly authLength: number;
  readonly callId: number;
}

/** What a sender puts in the sec_trailer and auth_value. */
export interface AuthTrailer {
  readonly authType: number;
  readonly authLevel: number;
  readonly contextId: number;
  readonly value: Buffer;
}

/** A received verifier, with where it sits so the stub region can be unsealed in place. */
export interface DecodedAuth extends AuthTrailer {
  readonly padLength: number;
  readonly trailerOffset: number;
}

/** A reader over `buf` whose errors are RpcMalformed, not NdrMalformed. */
export function pduReader(buf: Buffer): NdrReader {
  return new NdrReader(buf, {
    malformed: (detail, offset) => rpcMalformed(`${detail} at PDU offset ${offset}`),
  });
}

/** Starts a PDU; frag_length and auth_length are patched by `finishPdu`. */
export function startPdu(type: number, flags: number, callId: number): NdrWriter {
  return new NdrWriter()
    .u8(5)
    .u8(0)
    .u8(type)
    .u8(flags)
    .bytes(Buffer.from([0x10, 0, 0, 0]))
    .u16(0)
    .u16(0)
    .u32(callId);
}

export function finishPdu(w: NdrWriter, authLength: number): Buffer {
  const pdu = w.finish();
  if (pdu.length > 0xffff) throw rpcMalformed(`PDU of ${pdu.length} bytes exceeds the 16-bit frag_length`);
  pdu.writeUInt16LE(pdu.length, 8);
  pdu.writeUInt16LE(authLength, 10);
  return pdu;
}

/** Writes `padLength` zero bytes, the sec_trailer and the auth_value. */
export function writeAuth(w: NdrWriter, auth: AuthTrailer, padLength: number): void {
  w.bytes(Buffer.alloc(padLength)).u8(auth.authType).u8(auth.authLevel).u8(padLength).u8(0);
  w.u32(auth.contextId).bytes(auth.value);
}

/** Validates the common header of a PDU that must span exactly `buf`. */
export function decodeHeader(buf: Buffer): PduHeader {
  if (buf.length < HEADER_LENGTH) throw rpcMalformed(`${buf.length}-byte PDU is shorter than its header`);
  const header = peekHeader(buf);
  if (buf[0] !== 5 || (buf[1] !== 0 && buf[1] !== 1))
    throw rpcMalformed(`unsupported RPC version ${buf[0]}.${buf[1]}`);
  if (((buf[4] ?? 0) & 0xf0) !== 0x10) throw rpcMalformed('big-endian data representation is not supported');
  if (header.fragLength !== buf.length) {
    throw rpcMalformed(`frag_length ${header.fragLength} does not match the ${buf.length} bytes received`);
  }
  if (header.authLength > 0 && header.authLength + SEC_TRAILER_LENGTH > header.fragLength - HEADER_LENGTH) {
    throw rpcMalformed(`auth_length ${header.authLength} does not fit in frag_length ${header.fragLength}`);
  }
  return header;
}

/** Header fields without validation (framing needs frag_length before the PDU is complete). */
export function peekHeader(buf: Buffer): PduHeader {
  return {
    type: buf.readUInt8(2),
    flags: buf.readUInt8(3),
    fragLength: buf.readUInt16LE(8),
    authLength: buf.readUInt16LE(10),
    callId: buf.readUInt32LE(12),
  };
}

/**
 * Locates the verifier of a PDU whose body starts at `bodyStart`. Returns where the body ends
 * (before the auth pad) and the decoded verifier, or the PDU end and null without one.
 */
export function decodeAuth(
  buf: Buffer,
  header: PduHeader,
  bodyStart: number,
): { bodyEnd: number; auth: DecodedAuth | null } {
  if (header.fragLength < bodyStart)
    throw rpcMalformed(`PDU type ${header.type} is too short for its header`);
  if (header.authLength === 0) return { bodyEnd: header.fragLength, auth: null };
  const trailerOffset = header.fragLength - header.authLength - SEC_TRAILER_LENGTH;
  if (trailerOffset < bodyStart) throw rpcMalformed('the auth verifier overlaps the PDU header');
  const padLength = buf.readUInt8(trailerOffset + 2);
  if (padLength > trailerOffset - bodyStart)
    throw rpcMalformed(`auth_pad_length ${padLength} exceeds the body`);
  const auth: DecodedAuth = {
    authType: buf.readUInt8(trailerOffset),
    authLevel: buf.readUInt8(trailerOffset + 1),
    contextId: buf.readUInt32LE(trailerOffset + 4),
    value: Buffer.from(buf.subarray(trailerOffset + SEC_TRAILER_LENGTH)),
    padLength,
    trailerOffset,
  };
  return { bodyEnd: trailerOffset - padLength, auth };
}

export function writeSyntax(w: NdrWriter, s: SyntaxId): void {
  w.guid(s.uuid).u16(s.major).u16(s.minor);
}

export function readSyntax(r: NdrReader): SyntaxId {
  return { uuid: r.guid(), major: r.u16(), minor: r.u16() };
}
