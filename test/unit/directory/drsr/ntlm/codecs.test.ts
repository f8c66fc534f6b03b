import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../../../shared/errors.ts';
import {
  AvId,
  decodeAvPairs,
  encodeAvPairs,
  findAvPair,
  withMicFlag,
} from '../../../../../electron/directory/drsr/ntlm/av-pairs.ts';
import {
  decodeAuthenticate,
  encodeAuthenticate,
} from '../../../../../electron/directory/drsr/ntlm/authenticate-message.ts';
import { decodeChallenge } from '../../../../../electron/directory/drsr/ntlm/challenge.ts';
import { CLIENT_FLAGS } from '../../../../../electron/directory/drsr/ntlm/flags.ts';
import { decodeNegotiate, encodeNegotiate } from '../../../../../electron/directory/drsr/ntlm/negotiate.ts';
import { LIVE_FLAGS, liveChallenge, liveTargetInfo, SERVER_CHALLENGE } from './fake-server.ts';

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return undefined;
}

describe('NEGOTIATE', () => {
  it('encodes the client flags 0xE2088235 with a Version and empty domain/workstation', () => {
    const bytes = encodeNegotiate(CLIENT_FLAGS);
    expect(bytes.length).toBe(40);
    expect(bytes.subarray(0, 16).toString('hex')).toBe('4e544c4d5353500001000000' + '358208e2');
    expect(bytes.readUInt16LE(16)).toBe(0);
    expect(bytes.readUInt32LE(20)).toBe(40);
    expect(bytes.readUInt32LE(28)).toBe(40);
  });

  it('round-trips', () => {
    const decoded = decodeNegotiate(encodeNegotiate(CLIENT_FLAGS));
    expect(decoded).toEqual({ flags: 0xe2088235, domain: '', workstation: '', version: decoded.version });
    expect(decoded.version).toHaveLength(8);
  });
});

describe('CHALLENGE', () => {
  it('decodes what the lab peer sends: flags, target name, challenge and AV pairs', () => {
    const timestamp = Buffer.from('00a1b2c3d4e5d901', 'hex');
    const decoded = decodeChallenge(liveChallenge({ timestamp }));
    expect(decoded.flags).toBe(LIVE_FLAGS);
    expect(decoded.targetName).toBe('LAB');
    expect(decoded.serverChallenge).toEqual(SERVER_CHALLENGE);
    expect(decoded.targetInfo).toEqual(liveTargetInfo(timestamp));
    expect(findAvPair(decoded.targetInfo, AvId.Timestamp)).toEqual(timestamp);
    expect(decoded.version).toEqual(Buffer.from([10, 0, 0x7c, 0x4f, 0, 0, 0, 15]));
  });

  it('accepts an empty field whatever its offset', () => {
    const bytes = liveChallenge();
    bytes.writeUInt16LE(0, 12);
    bytes.writeUInt32LE(0xffffffff, 16);
    expect(decodeChallenge(bytes).targetName).toBe('');
  });

  it.each([
    ['a short message', (b: Buffer) => b.subarray(0, 47)],
    ['a wrong signature', (b: Buffer) => (b.write('NTLMSSQ', 0, 'latin1'), b)],
    ['a wrong message type', (b: Buffer) => (b.writeUInt32LE(3, 8), b)],
    ['a target info offset past the end', (b: Buffer) => (b.writeUInt32LE(b.length - 2, 44), b)],
    ['a huge target info offset', (b: Buffer) => (b.writeUInt32LE(0xfffffff0, 44), b)],
    ['a target info length past the end', (b: Buffer) => (b.writeUInt16LE(0xffff, 40), b)],
    ['an odd UTF-16 target name', (b: Buffer) => (b.writeUInt16LE(5, 12), b)],
    ['target info cut before MsvAvEOL', (b: Buffer) => (b.writeUInt16LE(b.readUInt16LE(40) - 4, 40), b)],
  ])('rejects %s as NtlmMalformed', (_what, mutate) => {
    expect(codeOf(() => decodeChallenge(mutate(liveChallenge())))).toBe(ErrorCode.NtlmMalformed);
  });
});

describe('AV pairs', () => {
  it('round-trips and appends MsvAvEOL', () => {
    const pairs = liveTargetInfo(Buffer.alloc(8, 1));
    const bytes = encodeAvPairs(pairs);
    expect(bytes.subarray(bytes.length - 4)).toEqual(Buffer.alloc(4));
    expect(decodeAvPairs(bytes)).toEqual(pairs);
  });

  it('rejects a timestamp or flags pair of the wrong size', () => {
    expect(codeOf(() => decodeAvPairs(encodeAvPairs([{ id: AvId.Timestamp, value: Buffer.alloc(7) }])))).toBe(
      ErrorCode.NtlmMalformed,
    );
    expect(codeOf(() => decodeAvPairs(encodeAvPairs([{ id: AvId.Flags, value: Buffer.alloc(2) }])))).toBe(
      ErrorCode.NtlmMalformed,
    );
  });

  it('sets the MIC bit in an existing MsvAvFlags or adds the pair', () => {
    const added = withMicFlag(liveTargetInfo(null));
    expect(findAvPair(added, AvId.Flags)?.readUInt32LE(0)).toBe(0x2);
    const existing = withMicFlag([{ id: AvId.Flags, value: Buffer.from([1, 0, 0, 0]) }]);
    expect(existing).toHaveLength(1);
    expect(findAvPair(existing, AvId.Flags)?.readUInt32LE(0)).toBe(0x3);
  });
});

describe('AUTHENTICATE', () => {
  const fields = {
    lmChallengeResponse: Buffer.alloc(24),
    ntChallengeResponse: Buffer.alloc(60, 7),
    domain: 'LAB',
    user: 'Administrator',
    workstation: 'WS1',
    encryptedRandomSessionKey: Buffer.alloc(16, 9),
    flags: CLIENT_FLAGS,
  };

  it('round-trips with a Version and a zeroed MIC slot', () => {
    const bytes = encodeAuthenticate(fields);
    expect(bytes.readUInt32LE(12 + 4)).toBe(88);
    expect(decodeAuthenticate(bytes)).toEqual({
      ...fields,
      version: bytes.subarray(64, 72),
      mic: Buffer.alloc(16),
    });
  });

  it('reports no MIC when the payload starts at 64', () => {
    const bytes = encodeAuthenticate(fields);
    const short = Buffer.concat([bytes.subarray(0, 64), bytes.subarray(88)]);
    for (const at of [12, 20, 28, 36, 44, 52]) short.writeUInt32LE(short.readUInt32LE(at + 4) - 24, at + 4);
    expect(decodeAuthenticate(short)).toEqual({ ...fields, version: null, mic: null });
  });

  it('rejects a user name that runs past the end', () => {
    const bytes = encodeAuthenticate(fields);
    bytes.writeUInt16LE(bytes.length, 36);
    expect(codeOf(() => decodeAuthenticate(bytes))).toBe(ErrorCode.NtlmMalformed);
  });
});
