/**
 * AUTHENTICATE_MESSAGE (MS-NLMP 2.2.1.3). The encoder always emits the 88-byte header with
 * Version and a MIC slot so the MIC can be patched in at a fixed offset afterwards.
 */
import { hasFlag, NegotiateFlag } from './flags.ts';
import {
  assemble,
  checkHeader,
  CLIENT_VERSION,
  decodeString,
  encodeString,
  lowestOffset,
  MessageType,
  readPayload,
  VERSION_LENGTH,
  writeHeader,
} from './wire.ts';

export interface AuthenticateMessage {
  readonly lmChallengeResponse: Buffer;
  readonly ntChallengeResponse: Buffer;
  readonly domain: string;
  readonly user: string;
  readonly workstation: string;
  readonly encryptedRandomSessionKey: Buffer;
  readonly flags: number;
  /** Present only when the payload leaves room for the Version and MIC header fields. */
  readonly version: Buffer | null;
  readonly mic: Buffer | null;
}

const LM_AT = 12;
const NT_AT = 20;
const DOMAIN_AT = 28;
const USER_AT = 36;
const WORKSTATION_AT = 44;
const SESSION_KEY_AT = 52;
const FLAGS_AT = 60;
const VERSION_AT = 64;
export const MIC_AT = 72;
export const MIC_LENGTH = 16;
const FIXED_LENGTH = 64;
const FULL_HEADER = MIC_AT + MIC_LENGTH;
const FIELD_POSITIONS = [LM_AT, NT_AT, DOMAIN_AT, USER_AT, WORKSTATION_AT, SESSION_KEY_AT] as const;

export type AuthenticateFields = Omit<AuthenticateMessage, 'version' | 'mic'>;

/** Encodes with a zeroed MIC; the caller patches MIC_AT when it computes one. */
export function encodeAuthenticate(fields: AuthenticateFields): Buffer {
  const header = Buffer.alloc(FULL_HEADER);
  writeHeader(header, MessageType.Authenticate);
  header.writeUInt32LE(fields.flags >>> 0, FLAGS_AT);
  CLIENT_VERSION.copy(header, VERSION_AT);
  const unicode = hasFlag(fields.flags, NegotiateFlag.Unicode);
  return assemble(header, FIELD_POSITIONS, [
    fields.lmChallengeResponse,
    fields.ntChallengeResponse,
    encodeString(fields.domain, unicode),
    encodeString(fields.user, unicode),
    encodeString(fields.workstation, unicode),
    fields.encryptedRandomSessionKey,
  ]);
}

/** Pure decoder (used by tests and fuzzing, and by any server-side verifier). */
export function decodeAuthenticate(buf: Buffer): AuthenticateMessage {
  checkHeader(buf, MessageType.Authenticate, FIXED_LENGTH);
  const flags = buf.readUInt32LE(FLAGS_AT);
  const unicode = hasFlag(flags, NegotiateFlag.Unicode);
  const text = (at: number, what: string): string => decodeString(readPayload(buf, at, what), unicode, what);
  const hasMic = buf.length >= FULL_HEADER && lowestOffset(buf, FIELD_POSITIONS) >= FULL_HEADER;
  return {
    lmChallengeResponse: readPayload(buf, LM_AT, 'LM response'),
    ntChallengeResponse: readPayload(buf, NT_AT, 'NT response'),
    domain: text(DOMAIN_AT, 'domain name'),
    user: text(USER_AT, 'user name'),
    workstation: text(WORKSTATION_AT, 'workstation'),
    encryptedRandomSessionKey: readPayload(buf, SESSION_KEY_AT, 'session key'),
    flags,
    version: hasMic ? Buffer.from(buf.subarray(VERSION_AT, VERSION_AT + VERSION_LENGTH)) : null,
    mic: hasMic ? Buffer.from(buf.subarray(MIC_AT, MIC_AT + MIC_LENGTH)) : null,
  };
}
