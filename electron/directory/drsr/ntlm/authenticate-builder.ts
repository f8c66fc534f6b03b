/**
 * Builds the client's AUTHENTICATE_MESSAGE from a decoded CHALLENGE: NTLMv2 response, key
 * exchange and, when the server sent a timestamp, the MIC (MS-NLMP 3.1.5.1.2, drsr-notes §2.3).
 * Pure: randomness and time come in as inputs.
 */
import { hmacMd5 } from '../crypto/hmac.ts';
import { AvId, encodeAvPairs, findAvPair, withMicFlag } from './av-pairs.ts';
import { encodeAuthenticate, MIC_AT } from './authenticate-message.ts';
import type { ChallengeMessage } from './challenge.ts';
import { malformed } from './errors.ts';
import { CLIENT_FLAGS } from './flags.ts';
import { exchangeSessionKey } from './keys.ts';
import { buildClientBlob, computeNtlmv2Response, lmv2Response } from './ntlmv2.ts';

const NT_PROOF_LENGTH = 16;

export interface AuthenticateInputs {
  readonly responseKeyNt: Buffer;
  readonly user: string;
  readonly domain: string;
  readonly workstation: string;
  /** The exact NEGOTIATE and CHALLENGE bytes exchanged: the MIC covers them. */
  readonly negotiateMessage: Buffer;
  readonly challengeMessage: Buffer;
  readonly challenge: ChallengeMessage;
  readonly clientChallenge: Buffer;
  readonly exportedSessionKey: Buffer;
  /** FILETIME for the blob, used only when the CHALLENGE carries no MsvAvTimestamp. */
  readonly clientTimestamp: Buffer;
}

export function buildAuthenticate(inputs: AuthenticateInputs): Buffer {
  const { challenge, responseKeyNt, clientChallenge, exportedSessionKey } = inputs;
  const serverTimestamp = findAvPair(challenge.targetInfo, AvId.Timestamp);
  // With a server timestamp the spec wants a MIC, announced in the echoed MsvAvFlags.
  const withMic = serverTimestamp !== undefined;
  const targetInfo = encodeAvPairs(withMic ? withMicFlag(challenge.targetInfo) : challenge.targetInfo);
  const blob = buildClientBlob(serverTimestamp ?? inputs.clientTimestamp, clientChallenge, targetInfo);
  // A hostile server could send target info too large to echo back in a u16-length field.
  if (NT_PROOF_LENGTH + blob.length > 0xffff) throw malformed('target info too large to echo back');
  const response = computeNtlmv2Response(responseKeyNt, challenge.serverChallenge, blob);
  // KeyExchangeKey = SessionBaseKey for NTLMv2.
  const encryptedRandomSessionKey = exchangeSessionKey(response.sessionBaseKey, exportedSessionKey);
  response.sessionBaseKey.fill(0);
  const message = encodeAuthenticate({
    // Spec 3.1.5.1.2: when a MIC is sent, the LM response is Z(24).
    lmChallengeResponse: withMic
      ? Buffer.alloc(24)
      : lmv2Response(responseKeyNt, challenge.serverChallenge, clientChallenge),
    ntChallengeResponse: response.ntChallengeResponse,
    domain: inputs.domain,
    user: inputs.user,
    workstation: inputs.workstation,
    encryptedRandomSessionKey,
    flags: (CLIENT_FLAGS & challenge.flags) >>> 0,
  });
  if (withMic) {
    hmacMd5(exportedSessionKey, inputs.negotiateMessage, inputs.challengeMessage, message).copy(
      message,
      MIC_AT,
    );
  }
  return message;
}
