/**
 * Fuzzing of the NTLM decoders and of the client's handling of a hostile CHALLENGE: random
 * and mutated inputs must either decode or fail with a named AppError, never with a TypeError,
 * RangeError or a hang. Seeded, so a failure reproduces from the seed and iteration.
 */
import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../../../shared/errors.ts';
import { decodeAvPairs } from '../../../../../electron/directory/drsr/ntlm/av-pairs.ts';
import { decodeAuthenticate } from '../../../../../electron/directory/drsr/ntlm/authenticate-message.ts';
import { NtlmAuthenticator } from '../../../../../electron/directory/drsr/ntlm/authenticator.ts';
import { decodeChallenge } from '../../../../../electron/directory/drsr/ntlm/challenge.ts';
import { CLIENT_FLAGS } from '../../../../../electron/directory/drsr/ntlm/flags.ts';
import { decodeNegotiate, encodeNegotiate } from '../../../../../electron/directory/drsr/ntlm/negotiate.ts';
import { NtlmPacketSecurity } from '../../../../../electron/directory/drsr/ntlm/packet-security.ts';
import { liveChallenge } from './fake-server.ts';
import { Prng } from './prng.ts';

const SEED = 0x4e544c4d;
const RANDOM_ITERATIONS = 20_000;
const MUTATION_ITERATIONS = 20_000;
const AUTHENTICATE_ITERATIONS = 3_000;
const FUZZ_TIMEOUT_MS = 10_000;
const SIGNATURE = Buffer.from('NTLMSSP\0', 'latin1');
const DECODERS = [decodeNegotiate, decodeChallenge, decodeAuthenticate, decodeAvPairs] as const;
const CREDENTIALS = { username: 'User', domain: 'LAB', password: 'Password' };
const fixedRandom = (size: number): Buffer => Buffer.alloc(size, 0x42);

function validAuthenticate(): Buffer {
  const client = new NtlmAuthenticator(CREDENTIALS, { randomBytes: fixedRandom });
  client.negotiate();
  return client.authenticate(liveChallenge()).token;
}

const CORPUS: readonly Buffer[] = [
  encodeNegotiate(CLIENT_FLAGS),
  liveChallenge(),
  liveChallenge({ timestamp: null }),
  validAuthenticate(),
];

/** Runs `action`; returns null on success or the AppError code, and rethrows anything else. */
function outcome(action: () => unknown, context: string): string | null {
  try {
    action();
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw new Error(`${context}: unnamed ${String(error)}`, { cause: error });
  }
}

function randomMessage(rng: Prng): Buffer {
  const body = rng.bytes(rng.below(160));
  if (rng.below(2) === 0) return body;
  const header = Buffer.alloc(12);
  SIGNATURE.copy(header);
  header.writeUInt32LE(1 + rng.below(3), 8);
  return Buffer.concat([header, body]);
}

const EDGE_U16 = [0, 1, 2, 0x7fff, 0x8000, 0xfffe, 0xffff] as const;
const EDGE_U32 = [0, 1, 0x7fffffff, 0x80000000, 0xfffffff8, 0xffffffff] as const;

/** One mutation: bit flip, byte set, truncation, extension, field or AV-length corruption. */
function mutateOnce(rng: Prng, input: Buffer): Buffer {
  const buf = Buffer.from(input);
  const at = buf.length === 0 ? 0 : rng.below(buf.length);
  const field = 12 + 8 * rng.below(6);
  switch (rng.below(8)) {
    case 0:
      if (buf.length > 0) buf[at] = buf[at]! ^ (1 << rng.below(8));
      return buf;
    case 1:
      if (buf.length > 0) buf[at] = rng.below(256);
      return buf;
    case 2:
      return buf.subarray(0, rng.below(buf.length + 1));
    case 3:
      return Buffer.concat([buf, rng.bytes(1 + rng.below(64))]);
    case 4:
      if (field + 2 <= buf.length)
        buf.writeUInt16LE(
          rng.pick([...EDGE_U16, buf.length, buf.length - 1, rng.below(0x10000)]) & 0xffff,
          field,
        );
      return buf;
    case 5:
      if (field + 8 <= buf.length)
        buf.writeUInt32LE(
          rng.pick([...EDGE_U32, buf.length, buf.length - 1, buf.length + 1, rng.u32()]) >>> 0,
          field + 4,
        );
      return buf;
    case 6:
      // Likely an AV pair header inside the payload: corrupt its length.
      if (at + 4 <= buf.length) buf.writeUInt16LE(rng.pick(EDGE_U16), at + 2 - (at % 2));
      return buf;
    default:
      if (buf.length >= 12) buf.writeUInt32LE(rng.below(5), 8);
      return buf;
  }
}

function mutate(rng: Prng, input: Buffer): Buffer {
  let out = input;
  for (let n = 1 + rng.below(4); n > 0; n--) out = mutateOnce(rng, out);
  return out;
}

function expectOnlyMalformed(input: Buffer, context: string): void {
  for (const decode of DECODERS) {
    const code = outcome(() => decode(input), `${context} ${decode.name}`);
    if (code !== null) expect(code, `${context} ${decode.name}`).toBe(ErrorCode.NtlmMalformed);
  }
}

describe('NTLM decoders under fuzzing', () => {
  it('throw only NtlmMalformed on random input', { timeout: FUZZ_TIMEOUT_MS }, () => {
    const rng = new Prng(SEED);
    for (let n = 0; n < RANDOM_ITERATIONS; n++) expectOnlyMalformed(randomMessage(rng), `random #${n}`);
  });

  it('throw only NtlmMalformed on mutations of valid messages', { timeout: FUZZ_TIMEOUT_MS }, () => {
    const rng = new Prng(SEED + 1);
    let decoded = 0;
    for (let n = 0; n < MUTATION_ITERATIONS; n++) {
      const input = mutate(rng, rng.pick(CORPUS));
      expectOnlyMalformed(input, `mutation #${n}`);
      if (outcome(() => decodeChallenge(input), 'count') === null) decoded++;
    }
    // The mutations must not all be trivially rejected: some still decode.
    expect(decoded).toBeGreaterThan(100);
  });

  it(
    'the client answers a mutated CHALLENGE or refuses it with a named error',
    { timeout: FUZZ_TIMEOUT_MS },
    () => {
      const rng = new Prng(SEED + 2);
      const allowed: readonly string[] = [ErrorCode.NtlmMalformed, ErrorCode.NtlmUnsupported];
      for (let n = 0; n < AUTHENTICATE_ITERATIONS; n++) {
        const client = new NtlmAuthenticator(CREDENTIALS, { randomBytes: fixedRandom });
        client.negotiate();
        const code = outcome(() => client.authenticate(mutate(rng, liveChallenge())), `authenticate #${n}`);
        if (code !== null) expect(allowed, `authenticate #${n}`).toContain(code);
      }
    },
  );

  it('unsealIncoming rejects random PDUs with a named error', { timeout: FUZZ_TIMEOUT_MS }, () => {
    const rng = new Prng(SEED + 3);
    const allowed: readonly string[] = [ErrorCode.NtlmMalformed, ErrorCode.NtlmBadSignature];
    const security = NtlmPacketSecurity.fromSessionKey(Buffer.alloc(16, 7), 'client');
    for (let n = 0; n < 2_000; n++) {
      const pdu = rng.bytes(rng.below(96));
      const start = rng.below(pdu.length + 8);
      const code = outcome(() => security.unsealIncoming(pdu, start, start + rng.below(64)), `unseal #${n}`);
      expect(allowed, `unseal #${n}`).toContain(code);
    }
  });
});
