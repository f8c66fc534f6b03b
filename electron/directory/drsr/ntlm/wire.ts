/**
 * Bounds-checked primitives shared by the three NTLM message codecs (MS-NLMP 2.2.1).
 * Every length and offset read from the wire goes through here before it is used.
 */
import { malformed } from './errors.ts';

export const SIGNATURE = Buffer.from('NTLMSSP\0', 'latin1');

export const MessageType = { Negotiate: 1, Challenge: 2, Authenticate: 3 } as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** Windows Server 2022 (10.0.20348), NTLM revision 15: informational only. */
export const CLIENT_VERSION = Buffer.from([10, 0, 0x7c, 0x4f, 0, 0, 0, 15]);
export const VERSION_LENGTH = 8;

/** Checks the signature, the message type and the fixed-header length. */
export function checkHeader(buf: Buffer, type: MessageType, minLength: number): void {
  if (buf.length < minLength) throw malformed(`message of type ${type} is shorter than ${minLength} bytes`);
  if (!buf.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw malformed('missing NTLMSSP signature');
  const actual = buf.readUInt32LE(8);
  if (actual !== type) throw malformed(`expected message type ${type}, got ${actual}`);
}

/** Reads the fields entry at `at` and returns a copy of the bytes it points to. */
export function readPayload(buf: Buffer, at: number, what: string): Buffer {
  if (at + 8 > buf.length) throw malformed(`${what} fields are truncated`);
  const length = buf.readUInt16LE(at);
  const offset = buf.readUInt32LE(at + 4);
  // An empty field may carry any offset (Windows and Samba both emit such offsets).
  if (length === 0) return Buffer.alloc(0);
  if (offset > buf.length || length > buf.length - offset)
    throw malformed(`${what} lies outside the message`);
  return Buffer.from(buf.subarray(offset, offset + length));
}

/** Lowest payload offset of the non-empty fields at `positions`, to tell which optional headers exist. */
export function lowestOffset(buf: Buffer, positions: readonly number[]): number {
  let lowest = buf.length;
  for (const at of positions) {
    if (buf.readUInt16LE(at) !== 0) lowest = Math.min(lowest, buf.readUInt32LE(at + 4));
  }
  return lowest;
}

/** Writes the fixed 8-byte signature + type prefix. */
export function writeHeader(buf: Buffer, type: MessageType): void {
  SIGNATURE.copy(buf, 0);
  buf.writeUInt32LE(type, 8);
}

/**
 * Appends `parts` after a fixed header of `headerLength` bytes and writes their fields
 * entries at `positions`; returns the whole message.
 */
export function assemble(header: Buffer, positions: readonly number[], parts: readonly Uint8Array[]): Buffer {
  let offset = header.length;
  parts.forEach((part, n) => {
    if (part.length > 0xffff) throw new RangeError('NTLM payload field exceeds 65535 bytes');
    const at = positions[n]!;
    header.writeUInt16LE(part.length, at);
    header.writeUInt16LE(part.length, at + 2);
    header.writeUInt32LE(offset, at + 4);
    offset += part.length;
  });
  return Buffer.concat([header, ...parts]);
}

export function encodeString(text: string, unicode: boolean): Buffer {
  return Buffer.from(text, unicode ? 'utf16le' : 'latin1');
}

export function decodeString(bytes: Buffer, unicode: boolean, what: string): string {
  if (!unicode) return bytes.toString('latin1');
  if (bytes.length % 2 !== 0) throw malformed(`${what} has an odd UTF-16 length`);
  return bytes.toString('utf16le');
}
