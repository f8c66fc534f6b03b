/**
 * MS-NLMP 4.2.4 (NTLMv2) known answers, as listed in drsr-notes §7.3: user "User",
 * domain "Domain", password "Password", ServerChallenge 0123456789abcdef, ClientChallenge aa×8,
 * timestamp 0, RandomSessionKey 55×16, AV pairs NbDomain "Domain", NbComputer "Server".
 */
import { describe, expect, it } from 'vitest';
import { AvId, encodeAvPairs } from '../../../../../electron/directory/drsr/ntlm/av-pairs.ts';
import { deriveSessionKeys, exchangeSessionKey } from '../../../../../electron/directory/drsr/ntlm/keys.ts';
import {
  buildClientBlob,
  computeNtlmv2Response,
  fileTime,
  lmv2Response,
  ntowfv2,
} from '../../../../../electron/directory/drsr/ntlm/ntlmv2.ts';
import { ntHash } from '../../../../../electron/crypto/md4.ts';

const hex = (buf: Buffer): string => buf.toString('hex');
const SERVER_CHALLENGE = Buffer.from('0123456789abcdef', 'hex');
const CLIENT_CHALLENGE = Buffer.alloc(8, 0xaa);
const RANDOM_SESSION_KEY = Buffer.alloc(16, 0x55);
const TARGET_INFO = encodeAvPairs([
  { id: AvId.NbDomainName, value: Buffer.from('Domain', 'utf16le') },
  { id: AvId.NbComputerName, value: Buffer.from('Server', 'utf16le') },
]);

const responseKeyNt = ntowfv2(ntHash('Password'), 'User', 'Domain');
const blob = buildClientBlob(Buffer.alloc(8), CLIENT_CHALLENGE, TARGET_INFO);
const response = computeNtlmv2Response(responseKeyNt, SERVER_CHALLENGE, blob);

describe('NTLMv2 (MS-NLMP 4.2.4)', () => {
  it('derives NTOWFv2 from the NT hash, the uppercased user and the domain', () => {
    expect(hex(responseKeyNt)).toBe('0c868a403bfd7a93a3001ef22ef02e3f');
  });

  it('computes the LMv2 response', () => {
    expect(hex(lmv2Response(responseKeyNt, SERVER_CHALLENGE, CLIENT_CHALLENGE))).toBe(
      '86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa',
    );
  });

  it('computes NTProofStr over a blob that ends with Z(4)', () => {
    expect(hex(response.ntProofStr)).toBe('68cd0ab851e51c96aabc927bebef6a1c');
    expect(hex(blob.subarray(blob.length - 4))).toBe('00000000');
    expect(response.ntChallengeResponse).toEqual(Buffer.concat([response.ntProofStr, blob]));
  });

  it('computes the SessionBaseKey and the EncryptedRandomSessionKey', () => {
    expect(hex(response.sessionBaseKey)).toBe('8de40ccadbc14a82f15cb0ad0de95ca3');
    expect(hex(exchangeSessionKey(response.sessionBaseKey, RANDOM_SESSION_KEY))).toBe(
      'c5dad2544fc9799094ce1ce90bc9d03e',
    );
  });

  it('derives the client sign and seal keys (MS-NLMP 3.4.5)', () => {
    const keys = deriveSessionKeys(RANDOM_SESSION_KEY);
    expect(hex(keys.clientToServer.signKey)).toBe('4788dc861b4782f35d43fd98fe1a2d39');
    expect(hex(keys.clientToServer.sealKey)).toBe('59f600973cc4960a25480a7c196e4c58');
    expect(keys.serverToClient.signKey).not.toEqual(keys.clientToServer.signKey);
    expect(keys.serverToClient.sealKey).not.toEqual(keys.clientToServer.sealKey);
  });

  it('uppercases the user name unit by unit, like Windows', () => {
    const hash = ntHash('Password');
    expect(ntowfv2(hash, 'user', 'Domain')).toEqual(responseKeyNt);
    // "ß" has no single-unit uppercase: JS would turn it into "SS", Windows keeps it.
    expect(ntowfv2(hash, 'straße', 'D')).toEqual(ntowfv2(hash, 'STRAßE', 'D'));
    expect(ntowfv2(hash, 'straße', 'D')).not.toEqual(ntowfv2(hash, 'STRASSE', 'D'));
  });
});

describe('fileTime', () => {
  it('counts 100 ns ticks since 1601', () => {
    expect(fileTime(0).readBigUInt64LE()).toBe(116444736000000000n);
    expect(fileTime(1).readBigUInt64LE()).toBe(116444736000010000n);
  });
});
