/**
 * Fuzzing the NDR reader: random and mutated stubs must either decode or throw
 * AppError(NdrMalformed), quickly, without large allocations. Seeded, so failures replay.
 */
import { describe, expect, it } from 'vitest';
import { NdrReader } from '../../../../../electron/directory/drsr/ndr/reader.ts';
import { NdrWriter } from '../../../../../electron/directory/drsr/ndr/writer.ts';
import { ErrorCode } from '../../../../../shared/errors.ts';
import { type Entry, readReply, writeReply } from './composite.ts';
import { codeOf, prng } from './helpers.ts';

const EXTREMES = [0, 1, 2, 0x7f, 0xff, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];

type Rng = ReturnType<typeof prng>;

function mutate(rnd: Rng, input: Buffer): Buffer {
  let out = Buffer.from(input);
  const edits = 1 + rnd.int(4);
  for (let i = 0; i < edits; i++) {
    const kind = rnd.int(4);
    if (kind === 0 && out.length > 0) out[rnd.int(out.length)] = rnd.int(256);
    else if (kind === 1 && out.length >= 4) {
      const at = rnd.int(out.length >> 2) * 4;
      out.writeUInt32LE(EXTREMES[rnd.int(EXTREMES.length)] ?? 0, at);
    } else if (kind === 2) out = out.subarray(0, rnd.int(out.length + 1));
    else {
      const at = rnd.int(out.length + 1);
      out = Buffer.concat([out.subarray(0, at), rnd.bytes(rnd.int(16)), out.subarray(at)]);
    }
  }
  return out;
}

/** A random sequence of reader operations: exercises every primitive against hostile data. */
function randomOps(rnd: Rng, r: NdrReader): void {
  const steps = 1 + rnd.int(12);
  for (let i = 0; i < steps; i++) {
    switch (rnd.int(14)) {
      case 0:
        r.u8();
        break;
      case 1:
        r.u16();
        break;
      case 2:
        r.u32();
        break;
      case 3:
        r.u64();
        break;
      case 4:
        r.wstring();
        break;
      case 5:
        r.astring();
        break;
      case 6:
        r.byteArray();
        break;
      case 7:
        r.conformantArray(4, (r) => r.u32());
        break;
      case 8:
        r.conformantVaryingArray(2, (r) => r.u16());
        break;
      case 9:
        r.pointer((r) => r.pointer((r) => r.wstring()));
        break;
      case 10:
        r.fullPointer((r) => r.guid());
        break;
      case 11:
        r.union<unknown>({ 1: (r) => r.u32(), 2: (r) => r.contextHandle() });
        break;
      case 12:
        r.topLevelPointer((r) => r.conformantArray(1, (r) => r.u8()));
        break;
      default:
        r.flushDeferred();
    }
  }
  r.flushDeferred();
}

function sampleList(rnd: Rng): Entry[] {
  return Array.from({ length: 1 + rnd.int(4) }, (_, i) => ({
    dn: `CN=u${i},DC=lab`,
    guid: '12345678-1234-1234-1234-1234567890ab',
    attrs: Array.from({ length: rnd.int(3) }, () => ({
      type: 0x9005a,
      values: Array.from({ length: rnd.int(3) }, () => rnd.bytes(rnd.int(24))),
    })),
    parentGuid: rnd.int(2) ? null : 'abcdefab-cdef-abcd-efab-cdefabcdefab',
    usns: [1n],
  }));
}

describe('NDR reader fuzz', () => {
  it('only ever throws NdrMalformed, fast, on mutated and random stubs', () => {
    const rnd = prng(20240611);
    const started = performance.now();
    const rssBefore = process.memoryUsage().rss;
    let decoded = 0;
    let rejected = 0;
    const ITERATIONS = 25_000;
    for (let i = 0; i < ITERATIONS; i++) {
      const mode = i % 3;
      const input =
        mode === 0
          ? mutate(rnd, writeReply(sampleList(rnd), new NdrWriter()))
          : mode === 1
            ? rnd.bytes(rnd.int(200))
            : mutate(rnd, new NdrWriter().wstring('hello').byteArray(rnd.bytes(9)).u32(7).finish());
      const code = codeOf(() =>
        mode === 0 ? readReply(new NdrReader(input)) : randomOps(rnd, new NdrReader(input)),
      );
      if (code === null) decoded++;
      else {
        if (code !== ErrorCode.NdrMalformed) expect(code).toBe(ErrorCode.NdrMalformed);
        rejected++;
      }
    }
    const elapsed = performance.now() - started;
    expect(decoded + rejected).toBe(ITERATIONS);
    expect(rejected).toBeGreaterThan(ITERATIONS / 4);
    expect(elapsed).toBeLessThan(5000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(256 * 1024 * 1024);
  });

  it('rejects a 4 GiB-claimed count at once instead of allocating', () => {
    const stub = Buffer.alloc(64);
    stub.writeUInt32LE(0xffffffff, 0);
    const started = performance.now();
    for (const read of [
      (r: NdrReader) => r.byteArray(),
      (r: NdrReader) => r.conformantArray(1, (r) => r.u8()),
      (r: NdrReader) => r.utf16(0xffffffff),
      (r: NdrReader) => r.elements(0xffffffff, 1, (r) => r.u8()),
    ]) {
      expect(codeOf(() => read(new NdrReader(stub)))).toBe(ErrorCode.NdrMalformed);
    }
    expect(performance.now() - started).toBeLessThan(100);
  });
});
