import { describe, expect, it } from 'vitest';
import { Rc4, rc4 } from '../../../../../electron/directory/drsr/crypto/rc4.ts';

// RFC 6229 section 2: keystream bytes at selected offsets.
const VECTORS = [
  {
    key: '0102030405',
    at: {
      0: 'b2396305f03dc027ccc3524a0a1118a8',
      16: '6982944f18fc82d589c403a47a0d0919',
      240: '28cb1132c96ce286421dcaadb8b69eae',
      1008: '45129048e6a0ed0b56b490338f078da5',
      4080: '068326a2118416d21f9d04b2cd1ca050',
    },
  },
  {
    key: '0102030405060708090a0b0c0d0e0f10',
    at: {
      0: '9ac7cc9a609d1ef7b2932899cde41b97',
      16: '5248c4959014126a6e8a84f11d1a9e1c',
      240: '065902e4b620f6cc36c8589f66432f2b',
      1008: 'e7a72574f8782ae26aabcf9ebcd66065',
      4080: 'ff38265c1642c1abe8d3c2fe5e572bf8',
    },
  },
] as const;

function expectKeystream(keystream: Buffer, at: Readonly<Record<number, string>>): void {
  for (const [offset, hex] of Object.entries(at)) {
    expect(keystream.subarray(Number(offset), Number(offset) + 16).toString('hex')).toBe(hex);
  }
}

describe('Rc4', () => {
  it.each(VECTORS)('produces the RFC 6229 keystream for key $key in one call', ({ key, at }) => {
    expectKeystream(rc4(Buffer.from(key, 'hex'), Buffer.alloc(4096 + 16)), at);
  });

  it.each(VECTORS)('continues the stream across calls of uneven sizes for key $key', ({ key, at }) => {
    const cipher = new Rc4(Buffer.from(key, 'hex'));
    const keystream = Buffer.alloc(4096 + 16);
    const sizes = [1, 7, 250, 3, 1000];
    for (let start = 0, n = 0; start < keystream.length; n++) {
      const end = Math.min(keystream.length, start + sizes[n % sizes.length]!);
      cipher.process(keystream.subarray(start, end));
      start = end;
    }
    expectKeystream(keystream, at);
  });

  it('processes in place and returns the same buffer, or copies with processCopy', () => {
    const data = Buffer.from('secret data');
    const copy = new Rc4(Buffer.from('key')).processCopy(data);
    expect(data.toString()).toBe('secret data');
    expect(new Rc4(Buffer.from('key')).process(data)).toBe(data);
    expect(data).toEqual(copy);
    expect(rc4(Buffer.from('key'), copy).toString()).toBe('secret data');
  });

  it('rejects empty and oversized keys', () => {
    expect(() => new Rc4(Buffer.alloc(0))).toThrow(RangeError);
    expect(() => new Rc4(Buffer.alloc(257))).toThrow(RangeError);
  });
});
