/**
 * A test-side NTLM "server": builds CHALLENGE messages like the lab Samba DC and verifies an
 * AUTHENTICATE the way a DC would, recovering the ExportedSessionKey independently of the client.
 */
import { hmacMd5 } from '../../../../../electron/directory/drsr/crypto/hmac.ts';
import { AvId, type AvPair } from '../../../../../electron/directory/drsr/ntlm/av-pairs.ts';
import {
  decodeAuthenticate,
  MIC_AT,
  MIC_LENGTH,
  type AuthenticateMessage,
} from '../../../../../electron/directory/drsr/ntlm/authenticate-message.ts';
import { encodeChallenge } from '../../../../../electron/directory/drsr/ntlm/challenge.ts';
import { exchangeSessionKey } from '../../../../../electron/directory/drsr/ntlm/keys.ts';
import { computeNtlmv2Response, ntowfv2 } from '../../../../../electron/directory/drsr/ntlm/ntlmv2.ts';
import { ntHash } from '../../../../../electron/crypto/md4.ts';

/** Flags the lab Samba peer grants (drsr-notes §2.2). */
export const LIVE_FLAGS = 0xe2898235;
export const SERVER_CHALLENGE = Buffer.from('0123456789abcdef', 'hex');

const utf16 = (text: string): Buffer => Buffer.from(text, 'utf16le');

export function liveTargetInfo(timestamp: Buffer | null): readonly AvPair[] {
  const pairs: AvPair[] = [
    { id: AvId.NbDomainName, value: utf16('LAB') },
    { id: AvId.NbComputerName, value: utf16('DC1') },
    { id: AvId.DnsDomainName, value: utf16('lab.example.test') },
    { id: AvId.DnsComputerName, value: utf16('dc1.lab.example.test') },
  ];
  return timestamp === null ? pairs : [...pairs, { id: AvId.Timestamp, value: timestamp }];
}

export function liveChallenge(options: { timestamp?: Buffer | null; flags?: number } = {}): Buffer {
  return encodeChallenge({
    flags: options.flags ?? LIVE_FLAGS,
    targetName: 'LAB',
    serverChallenge: SERVER_CHALLENGE,
    targetInfo: liveTargetInfo(
      options.timestamp === undefined ? Buffer.from('00a1b2c3d4e5d901', 'hex') : options.timestamp,
    ),
    version: Buffer.from([10, 0, 0x7c, 0x4f, 0, 0, 0, 15]),
  });
}

export interface VerifiedLogon {
  readonly message: AuthenticateMessage;
  readonly exportedSessionKey: Buffer;
  readonly micValid: boolean | null;
}

/** Verifies NTProofStr against `password` and the MIC when present; throws on a bad proof. */
export function verifyAuthenticate(
  password: string,
  exchange: { readonly negotiate: Buffer; readonly challenge: Buffer; readonly authenticate: Buffer },
): VerifiedLogon {
  const message = decodeAuthenticate(exchange.authenticate);
  const responseKeyNt = ntowfv2(ntHash(password), message.user, message.domain);
  const blob = message.ntChallengeResponse.subarray(16);
  const response = computeNtlmv2Response(responseKeyNt, SERVER_CHALLENGE, blob);
  if (!response.ntProofStr.equals(message.ntChallengeResponse.subarray(0, 16)))
    throw new Error('bad NTProofStr');
  const exportedSessionKey = exchangeSessionKey(response.sessionBaseKey, message.encryptedRandomSessionKey);
  let micValid: boolean | null = null;
  if (message.mic !== null && !message.mic.equals(Buffer.alloc(MIC_LENGTH))) {
    const zeroed = Buffer.from(exchange.authenticate);
    zeroed.fill(0, MIC_AT, MIC_AT + MIC_LENGTH);
    micValid = hmacMd5(exportedSessionKey, exchange.negotiate, exchange.challenge, zeroed).equals(
      message.mic,
    );
  }
  return { message, exportedSessionKey, micValid };
}
