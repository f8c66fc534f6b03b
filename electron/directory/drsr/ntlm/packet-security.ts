/**
 * NTLM packet privacy for DCE/RPC PDUs (drsr-notes §2.5, MS-NLMP 3.4.4.2 with extended
 * session security and key exchange). Each direction owns its RC4 stream and sequence number:
 * the streams run for the whole connection, and data and checksum share them, data first.
 */
import { AppError, ErrorCode } from '../../../../shared/errors.ts';
import type { PacketSecurity } from '../rpc/security.ts';
import { equalConstantTime, hmacMd5 } from '../crypto/hmac.ts';
import { Rc4 } from '../crypto/rc4.ts';
import { badSignature, malformed } from './errors.ts';
import { deriveSessionKeys, wipeSessionKeys, type DirectionKeys } from './keys.ts';

const AUTH_TYPE_NTLMSSP = 0x0a;
const AUTH_LEVEL_PRIVACY = 6;
const SIGNATURE_LENGTH = 16;
const SIGNATURE_VERSION = 1;
const CHECKSUM_LENGTH = 8;
const BUG = 'This is a bug in the RPC layer; report it with the log file.';

export type NtlmRole = 'client' | 'server';

/** One direction: its HMAC key, its RC4 stream and its sequence number. */
class SealingStream {
  readonly #signKey: Buffer;
  readonly #rc4: Rc4;
  #seq = 0;

  constructor(keys: DirectionKeys) {
    this.#signKey = Buffer.from(keys.signKey);
    this.#rc4 = new Rc4(keys.sealKey);
  }

  get seq(): number {
    return this.#seq;
  }

  /** HMAC_MD5(SignKey, seq ‖ signed bytes): over the plaintext, so callers sign before sealing. */
  mac(signed: Buffer): Buffer {
    const seq = Buffer.alloc(4);
    seq.writeUInt32LE(this.#seq);
    return hmacMd5(this.#signKey, seq, signed);
  }

  crypt(region: Buffer): void {
    this.#rc4.process(region);
  }

  advance(): void {
    this.#seq = (this.#seq + 1) >>> 0;
  }

  dispose(): void {
    this.#signKey.fill(0);
    this.#rc4.dispose();
  }
}

/** End of the signed bytes, or -1 when [sealStart, sealEnd) does not fit before the signature. */
function signedEndOf(pdu: Buffer, sealStart: number, sealEnd: number): number {
  const signedEnd = pdu.length - SIGNATURE_LENGTH;
  const integers = Number.isInteger(sealStart) && Number.isInteger(sealEnd);
  return integers && sealStart >= 0 && sealStart <= sealEnd && sealEnd <= signedEnd ? signedEnd : -1;
}

export class NtlmPacketSecurity implements PacketSecurity {
  readonly authType = AUTH_TYPE_NTLMSSP;
  readonly authLevel = AUTH_LEVEL_PRIVACY;
  readonly signatureLength = SIGNATURE_LENGTH;
  readonly #out: SealingStream;
  readonly #in: SealingStream;

  constructor(outgoing: DirectionKeys, incoming: DirectionKeys) {
    this.#out = new SealingStream(outgoing);
    this.#in = new SealingStream(incoming);
  }

  /** Derives the four keys from the ExportedSessionKey and picks the directions for `role`. */
  static fromSessionKey(exportedSessionKey: Buffer, role: NtlmRole): NtlmPacketSecurity {
    const keys = deriveSessionKeys(exportedSessionKey);
    try {
      return role === 'client'
        ? new NtlmPacketSecurity(keys.clientToServer, keys.serverToClient)
        : new NtlmPacketSecurity(keys.serverToClient, keys.clientToServer);
    } finally {
      wipeSessionKeys(keys);
    }
  }

  sealOutgoing(pdu: Buffer, sealStart: number, sealEnd: number): void {
    const signedEnd = signedEndOf(pdu, sealStart, sealEnd);
    if (signedEnd < 0) throw new AppError(ErrorCode.Internal, 'Asked to seal a region outside the PDU.', BUG);
    const mac = this.#out.mac(pdu.subarray(0, signedEnd));
    this.#out.crypt(pdu.subarray(sealStart, sealEnd));
    const checksum = mac.subarray(0, CHECKSUM_LENGTH);
    this.#out.crypt(checksum);
    pdu.writeUInt32LE(SIGNATURE_VERSION, signedEnd);
    checksum.copy(pdu, signedEnd + 4);
    pdu.writeUInt32LE(this.#out.seq, signedEnd + 12);
    this.#out.advance();
  }

  unsealIncoming(pdu: Buffer, sealStart: number, sealEnd: number): void {
    const signedEnd = signedEndOf(pdu, sealStart, sealEnd);
    if (signedEnd < 0) throw malformed('sealed region does not fit the PDU');
    this.#in.crypt(pdu.subarray(sealStart, sealEnd));
    const expected = this.#in.mac(pdu.subarray(0, signedEnd)).subarray(0, CHECKSUM_LENGTH);
    // Decrypt a copy: the stream must advance over the checksum whatever the outcome.
    const checksum = Buffer.from(pdu.subarray(signedEnd + 4, signedEnd + 12));
    this.#in.crypt(checksum);
    if (pdu.readUInt32LE(signedEnd) !== SIGNATURE_VERSION) throw badSignature('unknown signature version');
    if (!equalConstantTime(checksum, expected)) throw badSignature('checksum mismatch');
    if (pdu.readUInt32LE(signedEnd + 12) !== this.#in.seq) throw badSignature('unexpected sequence number');
    this.#in.advance();
  }

  /** Wipes both directions' keys; the object is unusable afterwards. */
  dispose(): void {
    this.#out.dispose();
    this.#in.dispose();
  }
}
