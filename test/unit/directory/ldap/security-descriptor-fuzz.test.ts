import { describe, expect, it } from 'vitest';
import {
  SecurityDescriptorError,
  parseSecurityDescriptor,
} from '../../../../electron/directory/ldap/sd/security-descriptor.ts';
import { parseReplPropertyMetaData } from '../../../../electron/directory/ldap/repl-metadata.ts';
import { AppError } from '../../../../shared/errors.ts';
import { seededRandom, type SeededRandom } from '../../../reference/random.ts';
import { fixture } from './fixtures.ts';
import { sdBytes } from './sd-builder.ts';

const ITERATIONS = 4000;

/** One random corruption: bit flips, byte stores, 16/32-bit field stores, truncation, splicing. */
function mutate(random: SeededRandom, input: Buffer): Buffer {
  let out = Buffer.from(input);
  const rounds = 1 + random.int(4);
  for (let r = 0; r < rounds && out.length > 0; r++) {
    const at = random.int(out.length);
    switch (random.int(6)) {
      case 0:
        out[at] = out[at]! ^ (1 << random.int(8));
        break;
      case 1:
        out[at] = random.pick([0x00, 0x01, 0x7f, 0x80, 0xff, random.int(256)]);
        break;
      case 2:
        if (at + 2 <= out.length)
          out.writeUInt16LE(random.pick([0, 1, 8, 0xfffc, 0xffff, random.int(0x10000)]), at);
        break;
      case 3:
        if (at + 4 <= out.length)
          out.writeUInt32LE(
            random.pick([0, 20, out.length, 0x7fffffff, 0xffffffff, random.int(out.length + 64)]),
            at,
          );
        break;
      case 4:
        out = out.subarray(0, at);
        break;
      default:
        out = Buffer.concat([out.subarray(0, at), random.bytes(random.int(24)), out.subarray(at)]);
    }
  }
  return out;
}

describe('security descriptor parser under a seeded, bounded fuzz', () => {
  it(`returns a descriptor or throws SecurityDescriptorError for ${ITERATIONS} corrupted inputs`, () => {
    const random = seededRandom(0x5d_2026);
    const seeds = [
      fixture('domain-head-dacl.sd'),
      fixture('user-full.sd'),
      sdBytes({
        owner: 'S-1-5-18',
        group: 'S-1-5-18',
        dacl: [{ type: 5, mask: 0x100, sid: 'S-1-5-11', objectType: '1131f6aa-9c07-11d1-f79f-00c04fc2dcd2' }],
      }),
    ];
    let parsed = 0;
    let rejected = 0;
    const started = performance.now();
    for (let i = 0; i < ITERATIONS; i++) {
      const input = mutate(random, random.pick(seeds));
      try {
        const sd = parseSecurityDescriptor(input);
        parsed++;
        // Whatever parses is bounded by its input: an ACE takes at least 8 bytes.
        expect((sd.dacl?.aces.length ?? 0) * 8).toBeLessThanOrEqual(input.length);
      } catch (error) {
        if (!(error instanceof SecurityDescriptorError))
          throw new Error(`iteration ${i}: ${String(error)}`, { cause: error });
        rejected++;
      }
    }
    expect(parsed).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('throws only AppError(DIRECTORY_VALUE_MALFORMED) for corrupted replPropertyMetaData', () => {
    const random = seededRandom(0x2e_91);
    const seed = fixture('user-repl-metadata.bin');
    for (let i = 0; i < 1000; i++) {
      try {
        parseReplPropertyMetaData(mutate(random, seed));
      } catch (error) {
        expect(
          error instanceof AppError && error.code === 'DIRECTORY_VALUE_MALFORMED',
          `iteration ${i}: ${String(error)}`,
        ).toBe(true);
      }
    }
  });
});
