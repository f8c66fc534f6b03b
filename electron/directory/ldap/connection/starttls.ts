/**
 * The StartTLS exchange (RFC 4511 4.14) on a fresh TCP connection, before any TLS: one
 * ExtendedRequest out, one ExtendedResponse back. We do it ourselves so the TLS handshake that
 * follows runs through the same code (and the same trust checks) as LDAPS.
 */
import { ExtendedRequest } from 'ldapts';

export const START_TLS_OID = '1.3.6.1.4.1.1466.20037';
const EXTENDED_RESPONSE_TAG = 0x78;
const MAX_RESPONSE_BYTES = 64 * 1024;

export function startTlsRequest(messageId = 1): Buffer {
  return new ExtendedRequest({ messageId, oid: START_TLS_OID }).write();
}

export type StartTlsReply =
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'result'; readonly resultCode: number; readonly diagnostic: string }
  /** Not an LDAP message at all: usually a TLS alert because the port speaks LDAPS. */
  | { readonly kind: 'garbage'; readonly detail: string };

interface Tlv {
  readonly tag: number;
  readonly start: number;
  readonly end: number;
}

/** Reads one BER TLV at `offset` inside `[0, limit)`; null when more bytes are needed. */
function readTlv(buf: Buffer, offset: number, limit: number): Tlv | null | 'bad' {
  if (offset + 2 > limit) return null;
  const tag = buf[offset]!;
  let length = buf[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes === 0 || bytes > 3) return 'bad';
    if (start + bytes > limit) return null;
    length = buf.readUIntBE(start, bytes);
    start += bytes;
  }
  if (length > MAX_RESPONSE_BYTES) return 'bad';
  if (start + length > limit) return null;
  return { tag, start, end: start + length };
}

export function parseStartTlsReply(buf: Buffer): StartTlsReply {
  if (buf.length > 0 && buf[0] !== 0x30)
    return { kind: 'garbage', detail: `first bytes ${buf.subarray(0, 4).toString('hex')}` };
  const message = readTlv(buf, 0, buf.length);
  if (message === 'bad') return { kind: 'garbage', detail: 'impossible length' };
  if (message === null)
    return buf.length > MAX_RESPONSE_BYTES ? { kind: 'garbage', detail: 'too long' } : { kind: 'incomplete' };
  const id = readTlv(buf, message.start, message.end);
  if (id === null || id === 'bad' || id.tag !== 0x02) return { kind: 'garbage', detail: 'no message id' };
  const op = readTlv(buf, id.end, message.end);
  if (op === null || op === 'bad' || op.tag !== EXTENDED_RESPONSE_TAG)
    return { kind: 'garbage', detail: 'not an extended response' };
  const code = readTlv(buf, op.start, op.end);
  if (
    code === null ||
    code === 'bad' ||
    code.tag !== 0x0a ||
    code.end - code.start < 1 ||
    code.end - code.start > 4
  ) {
    return { kind: 'garbage', detail: 'no result code' };
  }
  const resultCode = buf.readUIntBE(code.start, code.end - code.start);
  const matched = readTlv(buf, code.end, op.end);
  const diagnostic = matched === null || matched === 'bad' ? null : readTlv(buf, matched.end, op.end);
  const text =
    diagnostic === null || diagnostic === 'bad' ? '' : buf.toString('utf8', diagnostic.start, diagnostic.end);
  return { kind: 'result', resultCode, diagnostic: text };
}
