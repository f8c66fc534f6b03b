/**
 * A stand-in for NTLM packet privacy with the same shape and the same pitfalls: a *stateful*
 * keystream per direction (so fragments unsealed out of order, twice or not at all break the
 * stream), a checksum over the plaintext header..trailer, and per-direction sequence numbers.
 */
import { crc32 } from 'node:zlib';
import type {
  PacketSecurity,
  RpcAuthenticator,
} from '../../../../../electron/directory/drsr/rpc/security.ts';
import { AppError, ErrorCode } from '../../../../../shared/errors.ts';

class KeyStream {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }

  next(): number {
    // xorshift32
    this.state ^= this.state << 13;
    this.state ^= this.state >>> 17;
    this.state ^= this.state << 5;
    this.state >>>= 0;
    return this.state & 0xff;
  }
}

function badSignature(detail: string): AppError {
  return new AppError(ErrorCode.WireFormat, `fake security: ${detail}`, 'test only');
}

function side(outSeed: number, inSeed: number): PacketSecurity {
  const out = new KeyStream(outSeed);
  const inbound = new KeyStream(inSeed);
  let sendSeq = 0;
  let recvSeq = 0;
  return {
    authType: 0x0a,
    authLevel: 6,
    signatureLength: 16,
    sealOutgoing(pdu, sealStart, sealEnd) {
      const sigAt = pdu.length - 16;
      const checksum = crc32(pdu.subarray(0, sigAt));
      for (let i = sealStart; i < sealEnd; i++) pdu[i] = (pdu[i] ?? 0) ^ out.next();
      pdu.writeUInt32LE(1, sigAt);
      pdu.writeUInt32LE((checksum ^ (out.next() * 0x01010101)) >>> 0, sigAt + 4);
      pdu.writeUInt32LE(0, sigAt + 8);
      pdu.writeUInt32LE(sendSeq++, sigAt + 12);
    },
    unsealIncoming(pdu, sealStart, sealEnd) {
      const sigAt = pdu.length - 16;
      for (let i = sealStart; i < sealEnd; i++) pdu[i] = (pdu[i] ?? 0) ^ inbound.next();
      const expected = (crc32(pdu.subarray(0, sigAt)) ^ (inbound.next() * 0x01010101)) >>> 0;
      if (pdu.readUInt32LE(sigAt) !== 1 || pdu.readUInt32LE(sigAt + 4) !== expected)
        throw badSignature('checksum');
      if (pdu.readUInt32LE(sigAt + 12) !== recvSeq++) throw badSignature('sequence number');
    },
  };
}

/** Two ends of one sealed association. */
export function fakeSecurityPair(seed = 7): { client: PacketSecurity; server: PacketSecurity } {
  return { client: side(seed, seed + 1), server: side(seed + 1, seed) };
}

export const NEGOTIATE = Buffer.from('NTLMSSP-NEGOTIATE');
export const CHALLENGE = Buffer.from('NTLMSSP-CHALLENGE');
export const AUTHENTICATE = Buffer.from('NTLMSSP-AUTHENTICATE');

/** Client authenticator whose packet security pairs with `server` of the same seed. */
export function fakeAuthenticator(security: PacketSecurity): RpcAuthenticator & { challenges: Buffer[] } {
  const challenges: Buffer[] = [];
  return {
    authType: 0x0a,
    authLevel: 6,
    challenges,
    negotiate: () => NEGOTIATE,
    authenticate(challenge) {
      challenges.push(challenge);
      return { token: AUTHENTICATE, security };
    },
  };
}
