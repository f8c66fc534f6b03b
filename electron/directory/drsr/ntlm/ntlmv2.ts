/**
 * NTLMv2 responses and the session base key (MS-NLMP 3.3.2). Pure functions over buffers;
 * the NT hash comes from electron/phs/md4.ts.
 */
import { hmacMd5 } from '../crypto/hmac.ts';

/** 100 ns ticks between 1601-01-01 and 1970-01-01. */
const FILETIME_EPOCH_OFFSET = 116444736000000000n;

/**
 * Uppercases one UTF-16 unit at a time, like Windows' RtlUpcaseUnicodeString: JS toUpperCase
 * can change the length ("ß" → "SS"), which would give a key the DC never computes.
 */
function upcaseLikeWindows(text: string): string {
  let out = '';
  for (const unit of text) {
    const upper = unit.toUpperCase();
    out += upper.length === unit.length ? upper : unit;
  }
  return out;
}

/** ResponseKeyNT = HMAC_MD5(NT hash, UTF-16LE(UPPER(user) ‖ domain)). */
export function ntowfv2(ntHash: Uint8Array, user: string, domain: string): Buffer {
  return hmacMd5(ntHash, Buffer.from(upcaseLikeWindows(user) + domain, 'utf16le'));
}

/** A FILETIME (u64 LE) for the given Unix time in milliseconds. */
export function fileTime(unixMillis: number): Buffer {
  const out = Buffer.alloc(8);
  out.writeBigUInt64LE(BigInt(Math.trunc(unixMillis)) * 10000n + FILETIME_EPOCH_OFFSET);
  return out;
}

/**
 * The client blob ("temp"): 01 01, Z(6), timestamp, client challenge, Z(4), AV pairs, Z(4).
 * The trailing Z(4) is what the spec's pseudo-code appends and what its 4.2.4 vectors need.
 */
export function buildClientBlob(timestamp: Buffer, clientChallenge: Buffer, targetInfo: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from([1, 1, 0, 0, 0, 0, 0, 0]),
    timestamp,
    clientChallenge,
    Buffer.alloc(4),
    targetInfo,
    Buffer.alloc(4),
  ]);
}

export interface Ntlmv2Response {
  readonly ntProofStr: Buffer;
  /** NTProofStr ‖ temp: the NtChallengeResponse sent in AUTHENTICATE. */
  readonly ntChallengeResponse: Buffer;
  readonly sessionBaseKey: Buffer;
}

export function computeNtlmv2Response(
  responseKeyNt: Buffer,
  serverChallenge: Buffer,
  blob: Buffer,
): Ntlmv2Response {
  const ntProofStr = hmacMd5(responseKeyNt, serverChallenge, blob);
  return {
    ntProofStr,
    ntChallengeResponse: Buffer.concat([ntProofStr, blob]),
    sessionBaseKey: hmacMd5(responseKeyNt, ntProofStr),
  };
}

/** LMv2 = HMAC_MD5(ResponseKeyNT, ServerChallenge ‖ ClientChallenge) ‖ ClientChallenge. */
export function lmv2Response(
  responseKeyNt: Buffer,
  serverChallenge: Buffer,
  clientChallenge: Buffer,
): Buffer {
  return Buffer.concat([hmacMd5(responseKeyNt, serverChallenge, clientChallenge), clientChallenge]);
}
