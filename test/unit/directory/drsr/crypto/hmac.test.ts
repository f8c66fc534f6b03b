import { describe, expect, it } from 'vitest';
import { equalConstantTime, hmacMd5, md5 } from '../../../../../electron/directory/drsr/crypto/hmac.ts';

describe('md5 and hmacMd5', () => {
  it('hash the empty string to the RFC 1321 value', () => {
    expect(md5().toString('hex')).toBe('d41d8cd98f00b204e9800998ecf8427e');
  });

  it('compute the RFC 2104 HMAC-MD5 test case 1', () => {
    expect(hmacMd5(Buffer.alloc(16, 0x0b), Buffer.from('Hi There')).toString('hex')).toBe(
      '9294727a3638bb1c13f48ef8158bfc9d',
    );
  });

  it('treat parts as one concatenated input', () => {
    const key = Buffer.from('key');
    expect(hmacMd5(key, Buffer.from('ab'), Buffer.from('cd'))).toEqual(hmacMd5(key, Buffer.from('abcd')));
    expect(md5(Buffer.from('ab'), Buffer.from('cd'))).toEqual(md5(Buffer.from('abcd')));
  });
});

describe('equalConstantTime', () => {
  it('compares content and tolerates different lengths', () => {
    expect(equalConstantTime(Buffer.from('abc'), Buffer.from('abc'))).toBe(true);
    expect(equalConstantTime(Buffer.from('abc'), Buffer.from('abd'))).toBe(false);
    expect(equalConstantTime(Buffer.from('abc'), Buffer.from('ab'))).toBe(false);
  });
});
