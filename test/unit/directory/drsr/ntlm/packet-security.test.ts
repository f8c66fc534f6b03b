import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../../../shared/errors.ts';
import { NtlmPacketSecurity } from '../../../../../electron/directory/drsr/ntlm/packet-security.ts';

const SESSION_KEY = Buffer.alloc(16, 0x55);
const HEADER = 24;
const TRAILER = 8;

/** A request-like PDU: 24-byte header, stub padded to 16, sec_trailer, zeroed signature. */
function pdu(stub: string): { pdu: Buffer; sealStart: number; sealEnd: number } {
  const body = Buffer.from(stub);
  const padded = Math.ceil(body.length / 16) * 16;
  const out = Buffer.alloc(HEADER + padded + TRAILER + 16);
  out.writeUInt8(5, 0);
  out.writeUInt16LE(out.length, 8);
  body.copy(out, HEADER);
  out.writeUInt8(0x0a, HEADER + padded);
  out.writeUInt8(6, HEADER + padded + 1);
  return { pdu: out, sealStart: HEADER, sealEnd: HEADER + padded };
}

function codeOf(action: () => void): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return undefined;
}

describe('NtlmPacketSecurity', () => {
  it('seals UTF-16 "Plaintext" at seq 0 to the MS-NLMP 4.2.4.4 ciphertext and signature', () => {
    const client = NtlmPacketSecurity.fromSessionKey(SESSION_KEY, 'client');
    const message = Buffer.concat([Buffer.from('Plaintext', 'utf16le'), Buffer.alloc(16)]);
    client.sealOutgoing(message, 0, 18);
    expect(message.subarray(0, 18).toString('hex')).toBe('54e50165bf1936dc996020c1811b0f06fb5f');
    expect(message.subarray(18).toString('hex')).toBe('010000007fb38ec5c55d497600000000');
  });

  it('describes raw NTLMSSP at packet privacy with a 16-byte verifier', () => {
    const client = NtlmPacketSecurity.fromSessionKey(SESSION_KEY, 'client');
    expect([client.authType, client.authLevel, client.signatureLength]).toEqual([0x0a, 6, 16]);
  });

  it('round-trips many PDUs in both directions with independent streams and sequence numbers', () => {
    const client = NtlmPacketSecurity.fromSessionKey(SESSION_KEY, 'client');
    const server = NtlmPacketSecurity.fromSessionKey(SESSION_KEY, 'server');
    for (let n = 0; n < 5; n++) {
      for (const [from, to] of [
        [client, server],
        [server, client],
        [client, server],
      ] as const) {
        const plain = pdu(`call ${n} ${'x'.repeat(n * 7)}`);
        const original = Buffer.from(plain.pdu);
        from.sealOutgoing(plain.pdu, plain.sealStart, plain.sealEnd);
        expect(plain.pdu.subarray(plain.sealStart, plain.sealEnd)).not.toEqual(
          original.subarray(plain.sealStart, plain.sealEnd),
        );
        expect(plain.pdu.subarray(0, plain.sealStart)).toEqual(original.subarray(0, plain.sealStart));
        to.unsealIncoming(plain.pdu, plain.sealStart, plain.sealEnd);
        expect(plain.pdu.subarray(0, plain.sealEnd + TRAILER)).toEqual(
          original.subarray(0, plain.sealEnd + TRAILER),
        );
      }
    }
  });

  it('writes the per-direction sequence number into each signature', () => {
    const client = NtlmPacketSecurity.fromSessionKey(SESSION_KEY, 'client');
    const seqs = [0, 1, 2].map(() => {
      const plain = pdu('abc');
      client.sealOutgoing(plain.pdu, plain.sealStart, plain.sealEnd);
      return plain.pdu.readUInt32LE(plain.pdu.length - 4);
    });
    expect(seqs).toEqual([0, 1, 2]);
  });

  it.each([
    ['a header byte', 2],
    ['a stub byte', HEADER + 1],
    ['the sec_trailer', -16 - TRAILER + 2],
    ['the checksum', -10],
    ['the sequence number', -2],
    ['the version', -16],
  ])('rejects a PDU with %s changed as NtlmBadSignature', (_what, at) => {
    const client = NtlmPacketSecurity.fromSessionKey(SESSION_KEY, 'client');
    const server = NtlmPacketSecurity.fromSessionKey(SESSION_KEY, 'server');
    const plain = pdu('DsBind request stub');
    client.sealOutgoing(plain.pdu, plain.sealStart, plain.sealEnd);
    const index = at < 0 ? plain.pdu.length + at : at;
    plain.pdu[index] = plain.pdu[index]! ^ 0x01;
    expect(codeOf(() => server.unsealIncoming(plain.pdu, plain.sealStart, plain.sealEnd))).toBe(
      ErrorCode.NtlmBadSignature,
    );
  });

  it('rejects a replayed or reordered PDU', () => {
    const client = NtlmPacketSecurity.fromSessionKey(SESSION_KEY, 'client');
    const server = NtlmPacketSecurity.fromSessionKey(SESSION_KEY, 'server');
    const first = pdu('first');
    const second = pdu('second');
    client.sealOutgoing(first.pdu, first.sealStart, first.sealEnd);
    client.sealOutgoing(second.pdu, second.sealStart, second.sealEnd);
    expect(codeOf(() => server.unsealIncoming(second.pdu, second.sealStart, second.sealEnd))).toBe(
      ErrorCode.NtlmBadSignature,
    );
  });

  it('rejects a PDU sealed with the other direction keys', () => {
    const client = NtlmPacketSecurity.fromSessionKey(SESSION_KEY, 'client');
    const otherClient = NtlmPacketSecurity.fromSessionKey(SESSION_KEY, 'client');
    const plain = pdu('loop back');
    client.sealOutgoing(plain.pdu, plain.sealStart, plain.sealEnd);
    expect(codeOf(() => otherClient.unsealIncoming(plain.pdu, plain.sealStart, plain.sealEnd))).toBe(
      ErrorCode.NtlmBadSignature,
    );
  });

  it('treats an incoming region outside the PDU as malformed and an outgoing one as a bug', () => {
    const client = NtlmPacketSecurity.fromSessionKey(SESSION_KEY, 'client');
    expect(codeOf(() => client.unsealIncoming(Buffer.alloc(10), 0, 0))).toBe(ErrorCode.NtlmMalformed);
    expect(codeOf(() => client.unsealIncoming(Buffer.alloc(40), 20, 30))).toBe(ErrorCode.NtlmMalformed);
    expect(codeOf(() => client.unsealIncoming(Buffer.alloc(40), 10, 5))).toBe(ErrorCode.NtlmMalformed);
    expect(codeOf(() => client.sealOutgoing(Buffer.alloc(40), 0, 30))).toBe(ErrorCode.Internal);
  });
});
