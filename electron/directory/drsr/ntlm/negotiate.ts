/**
 * NEGOTIATE_MESSAGE (MS-NLMP 2.2.1.1). The client leaves the domain and workstation empty:
 * they are optional and would only leak host names before authentication.
 */
import { hasFlag, NegotiateFlag } from './flags.ts';
import {
  assemble,
  checkHeader,
  CLIENT_VERSION,
  decodeString,
  lowestOffset,
  MessageType,
  readPayload,
  VERSION_LENGTH,
  writeHeader,
} from './wire.ts';

export interface NegotiateMessage {
  readonly flags: number;
  readonly domain: string;
  readonly workstation: string;
  /** The 8-byte Version structure, or null when the message has none. */
  readonly version: Buffer | null;
}

const DOMAIN_AT = 16;
const WORKSTATION_AT = 24;
const VERSION_AT = 32;
const FIXED_LENGTH = 32;

export function encodeNegotiate(flags: number, version: Buffer = CLIENT_VERSION): Buffer {
  const header = Buffer.alloc(VERSION_AT + VERSION_LENGTH);
  writeHeader(header, MessageType.Negotiate);
  header.writeUInt32LE(flags >>> 0, 12);
  version.copy(header, VERSION_AT, 0, VERSION_LENGTH);
  return assemble(header, [DOMAIN_AT, WORKSTATION_AT], [Buffer.alloc(0), Buffer.alloc(0)]);
}

/** Pure decoder; throws NtlmMalformed on any structural problem. */
export function decodeNegotiate(buf: Buffer): NegotiateMessage {
  checkHeader(buf, MessageType.Negotiate, FIXED_LENGTH);
  const flags = buf.readUInt32LE(12);
  // NEGOTIATE strings are always OEM unless the client also asked for Unicode.
  const unicode = hasFlag(flags, NegotiateFlag.Unicode);
  const hasVersion =
    hasFlag(flags, NegotiateFlag.Version) &&
    lowestOffset(buf, [DOMAIN_AT, WORKSTATION_AT]) >= VERSION_AT + VERSION_LENGTH &&
    buf.length >= VERSION_AT + VERSION_LENGTH;
  return {
    flags,
    domain: decodeString(readPayload(buf, DOMAIN_AT, 'domain name'), unicode, 'domain name'),
    workstation: decodeString(readPayload(buf, WORKSTATION_AT, 'workstation'), unicode, 'workstation'),
    version: hasVersion ? Buffer.from(buf.subarray(VERSION_AT, VERSION_AT + VERSION_LENGTH)) : null,
  };
}
