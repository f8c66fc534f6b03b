import { describe, expect, it } from 'vitest';
import {
  desDecryptBlock,
  desEncryptBlock,
  expandDesKey,
} from '../../../../../electron/directory/drsr/crypto/des.ts';

const hex = (text: string): Buffer => Buffer.from(text, 'hex');
const withoutParity = (key: Buffer): string => Buffer.from(key.map((byte) => byte & 0xfe)).toString('hex');
const ones = (byte: number): number => byte.toString(2).replaceAll('0', '').length;

describe('single DES', () => {
  it('encrypts the classic vector 133457799BBCDFF1 / 0123456789ABCDEF', () => {
    expect(desEncryptBlock(hex('133457799bbcdff1'), hex('0123456789abcdef')).toString('hex')).toBe(
      '85e813540f0ab405',
    );
  });

  it('decrypts it back', () => {
    expect(desDecryptBlock(hex('133457799bbcdff1'), hex('85e813540f0ab405')).toString('hex')).toBe(
      '0123456789abcdef',
    );
  });

  it('rejects keys and blocks that are not 8 bytes', () => {
    expect(() => desEncryptBlock(Buffer.alloc(7), Buffer.alloc(8))).toThrow(RangeError);
    expect(() => desDecryptBlock(Buffer.alloc(8), Buffer.alloc(16))).toThrow(RangeError);
  });
});

describe('expandDesKey', () => {
  // drsr-notes Appendix A: the RID 500 and 1104 keys. The notes print them with the parity
  // bit left at 0 (impacket style), so compare the top 7 bits of each byte.
  it.each([
    ['f4010000f40100', 'f40040000ea00400'],
    ['00f4010000f401', '007a00200006d002'],
    ['50040000500400', '5002000004801000'],
    ['00500400005004', '0028008000024008'],
  ])('spreads the 7-bit groups of %s into the top of each byte', (material, expected) => {
    expect(withoutParity(expandDesKey(hex(material)))).toBe(expected);
  });

  it('sets odd parity in every byte', () => {
    for (const byte of expandDesKey(hex('0123456789abcd'))) expect(ones(byte) % 2).toBe(1);
    expect(expandDesKey(hex('00000000000000')).toString('hex')).toBe('0101010101010101');
    expect(expandDesKey(hex('ffffffffffffff')).toString('hex')).toBe('fefefefefefefefe');
  });

  it('rejects material that is not 7 bytes', () => {
    expect(() => expandDesKey(Buffer.alloc(8))).toThrow(RangeError);
  });
});
