/**
 * CHALLENGE_MESSAGE (MS-NLMP 2.2.1.2). The decoder is pure and bounds-checks every field;
 * whether the offered flags are good enough is a separate question (flags.ts).
 */
import { decodeAvPairs, encodeAvPairs, type AvPair } from './av-pairs.ts';
import { hasFlag, NegotiateFlag } from './flags.ts';
import {
  assemble,
  checkHeader,
  decodeString,
  encodeString,
  lowestOffset,
  MessageType,
  readPayload,
  VERSION_LENGTH,
  writeHeader,
} from './wire.ts';

export interface ChallengeMessage {
  readonly flags: number;
  readonly targetName: string;
  readonly serverChallenge: Buffer;
  /** Decoded target info without the MsvAvEOL terminator; empty when the server sent none. */
  readonly targetInfo: readonly AvPair[];
  readonly version: Buffer | null;
}

const TARGET_NAME_AT = 12;
const FLAGS_AT = 20;
const CHALLENGE_AT = 24;
const TARGET_INFO_AT = 40;
const VERSION_AT = 48;
const FIXED_LENGTH = 48;
const CHALLENGE_LENGTH = 8;

export function decodeChallenge(buf: Buffer): ChallengeMessage {
  checkHeader(buf, MessageType.Challenge, FIXED_LENGTH);
  const flags = buf.readUInt32LE(FLAGS_AT);
  const unicode = hasFlag(flags, NegotiateFlag.Unicode);
  const targetInfoBytes = readPayload(buf, TARGET_INFO_AT, 'target info');
  const hasVersion =
    hasFlag(flags, NegotiateFlag.Version) &&
    buf.length >= VERSION_AT + VERSION_LENGTH &&
    lowestOffset(buf, [TARGET_NAME_AT, TARGET_INFO_AT]) >= VERSION_AT + VERSION_LENGTH;
  return {
    flags,
    targetName: decodeString(readPayload(buf, TARGET_NAME_AT, 'target name'), unicode, 'target name'),
    serverChallenge: Buffer.from(buf.subarray(CHALLENGE_AT, CHALLENGE_AT + CHALLENGE_LENGTH)),
    targetInfo: targetInfoBytes.length === 0 ? [] : decodeAvPairs(targetInfoBytes),
    version: hasVersion ? Buffer.from(buf.subarray(VERSION_AT, VERSION_AT + VERSION_LENGTH)) : null,
  };
}

export interface ChallengeFields {
  readonly flags: number;
  readonly targetName: string;
  readonly serverChallenge: Buffer;
  readonly targetInfo: readonly AvPair[];
  readonly version?: Buffer;
}

/** The server side of the exchange: used by tests and fuzzing, never sent by this client. */
export function encodeChallenge(fields: ChallengeFields): Buffer {
  if (fields.serverChallenge.length !== CHALLENGE_LENGTH)
    throw new RangeError('server challenge must be 8 bytes');
  const header = Buffer.alloc(VERSION_AT + VERSION_LENGTH);
  writeHeader(header, MessageType.Challenge);
  header.writeUInt32LE(fields.flags >>> 0, FLAGS_AT);
  fields.serverChallenge.copy(header, CHALLENGE_AT);
  fields.version?.copy(header, VERSION_AT, 0, VERSION_LENGTH);
  const unicode = hasFlag(fields.flags, NegotiateFlag.Unicode);
  return assemble(
    header,
    [TARGET_NAME_AT, TARGET_INFO_AT],
    [encodeString(fields.targetName, unicode), encodeAvPairs(fields.targetInfo)],
  );
}
