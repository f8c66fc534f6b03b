/**
 * The NTLMSSP client for DCE/RPC (auth_type 0x0A, packet privacy): NEGOTIATE for the bind,
 * AUTHENTICATE for auth3, then an NtlmPacketSecurity for every sealed request/response.
 * The password is turned into ResponseKeyNT at construction and never stored.
 */
import { randomBytes } from 'node:crypto';
import { AppError, ErrorCode } from '../../../../shared/errors.ts';
import { ntHash } from '../../../crypto/md4.ts';
import type { RpcAuthenticator } from '../rpc/security.ts';
import { buildAuthenticate } from './authenticate-builder.ts';
import { decodeChallenge } from './challenge.ts';
import { CLIENT_FLAGS, requireSessionSecurity } from './flags.ts';
import { encodeNegotiate } from './negotiate.ts';
import { fileTime, ntowfv2 } from './ntlmv2.ts';
import { NtlmPacketSecurity } from './packet-security.ts';

export interface NtlmCredentials {
  readonly username: string;
  /** NetBIOS domain name as the DC knows it, e.g. "LAB". */
  readonly domain: string;
  readonly password: string;
}

export interface NtlmAuthenticatorOptions {
  readonly workstation?: string;
  /** Source of the client challenge and the ExportedSessionKey; crypto.randomBytes by default. */
  readonly randomBytes?: (size: number) => Buffer;
  /** Unix milliseconds, for the blob timestamp when the CHALLENGE carries none. */
  readonly now?: () => number;
}

const SESSION_KEY_LENGTH = 16;
const CLIENT_CHALLENGE_LENGTH = 8;

function outOfOrder(what: string): AppError {
  return new AppError(
    ErrorCode.Internal,
    `NTLM ${what}.`,
    'This is a bug in the RPC layer; report it with the log file.',
  );
}

export class NtlmAuthenticator implements RpcAuthenticator {
  readonly authType = 0x0a;
  readonly authLevel = 6;
  readonly #username: string;
  readonly #domain: string;
  readonly #workstation: string;
  readonly #random: (size: number) => Buffer;
  readonly #now: () => number;
  #responseKeyNt: Buffer | null;
  #negotiateMessage: Buffer | null = null;
  #sessionKey: Buffer | null = null;

  constructor(credentials: NtlmCredentials, options: NtlmAuthenticatorOptions = {}) {
    this.#username = credentials.username;
    this.#domain = credentials.domain;
    this.#workstation = options.workstation ?? '';
    this.#random = options.randomBytes ?? randomBytes;
    this.#now = options.now ?? Date.now;
    const hash = ntHash(credentials.password);
    this.#responseKeyNt = ntowfv2(hash, credentials.username, credentials.domain);
    hash.fill(0);
  }

  negotiate(): Buffer {
    this.#negotiateMessage = encodeNegotiate(CLIENT_FLAGS);
    return Buffer.from(this.#negotiateMessage);
  }

  /** Throws NtlmMalformed for an unparsable CHALLENGE, NtlmUnsupported for a too-weak one. */
  authenticate(challengeMessage: Buffer): { readonly token: Buffer; readonly security: NtlmPacketSecurity } {
    const responseKeyNt = this.#responseKeyNt;
    if (this.#negotiateMessage === null) throw outOfOrder('authenticate() called before negotiate()');
    if (responseKeyNt === null) throw outOfOrder('authenticate() called twice');
    const challenge = decodeChallenge(challengeMessage);
    requireSessionSecurity(challenge.flags);
    const exportedSessionKey = this.#random(SESSION_KEY_LENGTH);
    const token = buildAuthenticate({
      responseKeyNt,
      user: this.#username,
      domain: this.#domain,
      workstation: this.#workstation,
      negotiateMessage: this.#negotiateMessage,
      challengeMessage,
      challenge,
      clientChallenge: this.#random(CLIENT_CHALLENGE_LENGTH),
      exportedSessionKey,
      clientTimestamp: fileTime(this.#now()),
    });
    responseKeyNt.fill(0);
    this.#responseKeyNt = null;
    this.#sessionKey = exportedSessionKey;
    return { token, security: NtlmPacketSecurity.fromSessionKey(exportedSessionKey, 'client') };
  }

  /** A copy of the ExportedSessionKey: the key for replicated-secret decryption (drsr-notes §2.3 item 7). */
  exportedSessionKey(): Buffer {
    if (this.#sessionKey === null) throw outOfOrder('session key requested before authentication');
    return Buffer.from(this.#sessionKey);
  }

  /** Wipes the remaining key material held here (not the PacketSecurity's: dispose that separately). */
  dispose(): void {
    this.#responseKeyNt?.fill(0);
    this.#responseKeyNt = null;
    this.#sessionKey?.fill(0);
    this.#sessionKey = null;
  }
}
