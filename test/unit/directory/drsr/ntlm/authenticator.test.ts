import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../../../shared/errors.ts';
import {
  AvId,
  decodeAvPairs,
  encodeAvPairs,
  findAvPair,
} from '../../../../../electron/directory/drsr/ntlm/av-pairs.ts';
import { decodeAuthenticate } from '../../../../../electron/directory/drsr/ntlm/authenticate-message.ts';
import { buildAuthenticate } from '../../../../../electron/directory/drsr/ntlm/authenticate-builder.ts';
import { encodeChallenge } from '../../../../../electron/directory/drsr/ntlm/challenge.ts';
import { NtlmAuthenticator } from '../../../../../electron/directory/drsr/ntlm/authenticator.ts';
import { NtlmPacketSecurity } from '../../../../../electron/directory/drsr/ntlm/packet-security.ts';
import { ntowfv2 } from '../../../../../electron/directory/drsr/ntlm/ntlmv2.ts';
import { ntHash } from '../../../../../electron/crypto/md4.ts';
import { LIVE_FLAGS, liveChallenge, verifyAuthenticate } from './fake-server.ts';

const CREDENTIALS = { username: 'Administrator', domain: 'LAB', password: 'Passw0rd!' };
const SESSION_KEY = Buffer.alloc(16, 0x55);
const CLIENT_CHALLENGE = Buffer.alloc(8, 0xaa);
const fixedRandom = (size: number): Buffer => Buffer.from(size === 16 ? SESSION_KEY : CLIENT_CHALLENGE);

function handshake(challenge: Buffer, password = CREDENTIALS.password) {
  const client = new NtlmAuthenticator(CREDENTIALS, { randomBytes: fixedRandom, now: () => 0 });
  const negotiate = client.negotiate();
  const { token, security } = client.authenticate(challenge);
  return {
    client,
    security,
    verified: verifyAuthenticate(password, { negotiate, challenge, authenticate: token }),
  };
}

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return undefined;
}

describe('NtlmAuthenticator against a test-side server', () => {
  it('produces an AUTHENTICATE the server verifies, with the same exported session key', () => {
    const { client, verified } = handshake(liveChallenge());
    expect(verified.message.user).toBe('Administrator');
    expect(verified.message.domain).toBe('LAB');
    expect(verified.exportedSessionKey).toEqual(SESSION_KEY);
    expect(client.exportedSessionKey()).toEqual(SESSION_KEY);
  });

  it('fails verification with another password', () => {
    expect(() => handshake(liveChallenge(), 'wrong')).toThrow('bad NTProofStr');
  });

  it('sends the granted flags only', () => {
    const { verified } = handshake(liveChallenge());
    expect(verified.message.flags).toBe(0xe2088235);
  });

  it('with a server timestamp: echoes it, sets MsvAvFlags 0x2, sends Z(24) as LM and a valid MIC', () => {
    const { verified } = handshake(liveChallenge({ timestamp: Buffer.from('00a1b2c3d4e5d901', 'hex') }));
    const blob = verified.message.ntChallengeResponse.subarray(16);
    expect(blob.subarray(8, 16).toString('hex')).toBe('00a1b2c3d4e5d901');
    const echoed = decodeAvPairs(blob.subarray(28, blob.length - 4));
    expect(findAvPair(echoed, AvId.Flags)?.readUInt32LE(0)).toBe(0x2);
    expect(verified.message.lmChallengeResponse).toEqual(Buffer.alloc(24));
    expect(verified.micValid).toBe(true);
  });

  it('without a server timestamp: uses the local clock, sends LMv2 and no MIC', () => {
    const { verified } = handshake(liveChallenge({ timestamp: null }));
    const blob = verified.message.ntChallengeResponse.subarray(16);
    expect(blob.readBigUInt64LE(8)).toBe(116444736000000000n);
    expect(verified.message.lmChallengeResponse.subarray(16)).toEqual(CLIENT_CHALLENGE);
    expect(verified.micValid).toBeNull();
  });

  it('seals traffic the server unseals, and the reverse', () => {
    const { security, verified } = handshake(liveChallenge());
    const server = NtlmPacketSecurity.fromSessionKey(verified.exportedSessionKey, 'server');
    for (const [from, to] of [
      [security, server],
      [server, security],
      [security, server],
    ] as const) {
      const pdu = Buffer.concat([
        Buffer.alloc(24, 1),
        Buffer.from('stub bytes 16 b.'),
        Buffer.alloc(8, 2),
        Buffer.alloc(16),
      ]);
      const plain = Buffer.from(pdu);
      from.sealOutgoing(pdu, 24, 40);
      to.unsealIncoming(pdu, 24, 40);
      expect(pdu.subarray(0, 48)).toEqual(plain.subarray(0, 48));
    }
  });

  it('rejects a challenge without key exchange as NtlmUnsupported', () => {
    const client = new NtlmAuthenticator(CREDENTIALS);
    client.negotiate();
    expect(
      codeOf(() => client.authenticate(liveChallenge({ flags: (LIVE_FLAGS & ~0x40000000) >>> 0 }))),
    ).toBe(ErrorCode.NtlmUnsupported);
  });

  it('rejects garbage as NtlmMalformed', () => {
    const client = new NtlmAuthenticator(CREDENTIALS);
    client.negotiate();
    expect(codeOf(() => client.authenticate(Buffer.from('not ntlm at all')))).toBe(ErrorCode.NtlmMalformed);
  });

  it('rejects target info too large to echo back as NtlmMalformed', () => {
    const client = new NtlmAuthenticator(CREDENTIALS);
    client.negotiate();
    const challenge = encodeChallenge({
      flags: LIVE_FLAGS,
      targetName: '',
      serverChallenge: Buffer.alloc(8),
      targetInfo: [{ id: AvId.DnsTreeName, value: Buffer.alloc(65_500) }],
    });
    expect(codeOf(() => client.authenticate(challenge))).toBe(ErrorCode.NtlmMalformed);
  });

  it('enforces the call order and single use', () => {
    const client = new NtlmAuthenticator(CREDENTIALS);
    expect(codeOf(() => client.authenticate(liveChallenge()))).toBe(ErrorCode.Internal);
    expect(codeOf(() => client.exportedSessionKey())).toBe(ErrorCode.Internal);
    client.negotiate();
    client.authenticate(liveChallenge());
    expect(codeOf(() => client.authenticate(liveChallenge()))).toBe(ErrorCode.Internal);
    client.dispose();
    expect(codeOf(() => client.exportedSessionKey())).toBe(ErrorCode.Internal);
  });

  it('hands out copies of the session key', () => {
    const { client } = handshake(liveChallenge());
    client.exportedSessionKey().fill(0);
    expect(client.exportedSessionKey()).toEqual(SESSION_KEY);
  });
});

describe('buildAuthenticate with the MS-NLMP 4.2.4 inputs', () => {
  it('carries the published LMv2, NTProofStr and EncryptedRandomSessionKey', () => {
    const challenge = {
      flags: LIVE_FLAGS,
      targetName: 'Server',
      serverChallenge: Buffer.from('0123456789abcdef', 'hex'),
      targetInfo: [
        { id: AvId.NbDomainName, value: Buffer.from('Domain', 'utf16le') },
        { id: AvId.NbComputerName, value: Buffer.from('Server', 'utf16le') },
      ],
      version: null,
    };
    const token = buildAuthenticate({
      responseKeyNt: ntowfv2(ntHash('Password'), 'User', 'Domain'),
      user: 'User',
      domain: 'Domain',
      workstation: 'COMPUTER',
      negotiateMessage: Buffer.alloc(0),
      challengeMessage: Buffer.alloc(0),
      challenge,
      clientChallenge: CLIENT_CHALLENGE,
      exportedSessionKey: SESSION_KEY,
      clientTimestamp: Buffer.alloc(8),
    });
    const message = decodeAuthenticate(token);
    expect(message.lmChallengeResponse.toString('hex')).toBe(
      '86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa',
    );
    expect(message.ntChallengeResponse.subarray(0, 16).toString('hex')).toBe(
      '68cd0ab851e51c96aabc927bebef6a1c',
    );
    expect(message.ntChallengeResponse.subarray(44, message.ntChallengeResponse.length - 4)).toEqual(
      encodeAvPairs(challenge.targetInfo),
    );
    expect(message.encryptedRandomSessionKey.toString('hex')).toBe('c5dad2544fc9799094ce1ce90bc9d03e');
    expect(message.mic).toEqual(Buffer.alloc(16));
  });
});
