import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../../../electron/directory/drsr/crypto/crc32.ts';

describe('crc32', () => {
  it('matches the zlib CRC-32 of "hello" (0x3610A686)', () => {
    expect(crc32(Buffer.from('hello'))).toBe(0x3610a686);
  });

  it('matches the CRC-32/ISO-HDLC check value for "123456789"', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('is 0 for no data and always unsigned', () => {
    expect(crc32(Buffer.alloc(0))).toBe(0);
    expect(crc32(Buffer.from([0xff, 0xff, 0xff, 0xff]))).toBeGreaterThanOrEqual(0);
  });
});
