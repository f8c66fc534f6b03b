/**
 * Fuzzing of replicated-secret decryption: random and mutated values, random keys and RIDs
 * must decrypt or fail with SecretMalformed / SecretChecksum, never with another exception.
 */
import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../../../shared/errors.ts';
import { decryptNtHistory } from '../../../../../electron/directory/drsr/secrets/nt-hash.ts';
import { decryptReplicatedSecret } from '../../../../../electron/directory/drsr/secrets/replicated-secret.ts';
import { Prng } from '../ntlm/prng.ts';

const SEED = 0x53454352;
const ITERATIONS = 10_000;
const SESSION_KEY = Buffer.alloc(16, 0x55);
const APPENDIX_VALUE = Buffer.from(
  '000102030405060708090a0b0c0d0e0f665b58d8bdce2c7b88b6ea97b47963a73609da75',
  'hex',
);
const NAMED: readonly string[] = [ErrorCode.SecretMalformed, ErrorCode.SecretChecksum];

function outcome(action: () => unknown, context: string): string | null {
  try {
    action();
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw new Error(`${context}: unnamed ${String(error)}`, { cause: error });
  }
}

function mutate(rng: Prng, input: Buffer): Buffer {
  const buf = Buffer.from(input);
  const at = rng.below(buf.length);
  switch (rng.below(3)) {
    case 0:
      buf[at] = buf[at]! ^ (1 << rng.below(8));
      return buf;
    case 1:
      return buf.subarray(0, rng.below(buf.length + 1));
    default:
      return Buffer.concat([buf, rng.bytes(1 + rng.below(40))]);
  }
}

describe('secret decryption under fuzzing', () => {
  it('random values, keys and RIDs give only named errors', { timeout: 10_000 }, () => {
    const rng = new Prng(SEED);
    for (let n = 0; n < ITERATIONS; n++) {
      const key = rng.bytes(rng.below(33));
      const value = rng.bytes(rng.below(80));
      const rid = rng.pick([0, 1, 500, 0xffffffff, rng.u32(), -1]);
      for (const run of [
        () => decryptReplicatedSecret(key, value),
        () => decryptNtHistory(key, rid, value),
      ]) {
        const code = outcome(run, `random #${n}`);
        if (code !== null) expect(NAMED, `random #${n}`).toContain(code);
      }
    }
  });

  it('mutations of a valid value are caught by the CRC or the length checks', { timeout: 10_000 }, () => {
    const rng = new Prng(SEED + 1);
    for (let n = 0; n < ITERATIONS; n++) {
      const value = mutate(rng, APPENDIX_VALUE);
      const code = outcome(() => decryptReplicatedSecret(SESSION_KEY, value), `mutation #${n}`);
      if (code !== null) expect(NAMED, `mutation #${n}`).toContain(code);
      else expect(value, `mutation #${n} decrypted`).toEqual(APPENDIX_VALUE);
    }
  });
});
