import { describe, expect, it } from 'vitest';
import { md4, ntHash } from '../../../electron/crypto/md4.ts';
import { openSslMd4 } from '../../reference/openssl-md4.ts';
import { seededRandom } from '../../reference/random.ts';

describe('md4', () => {
  it('passes the RFC 1320 test suite', () => {
    const suite: [string, string][] = [
      ['', '31d6cfe0d16ae931b73c59d7e0c089c0'],
      ['a', 'bde52cb31de33e46245e05fbdbd6fb24'],
      ['abc', 'a448017aaf21d8525fc10ae87aa6729d'],
      ['message digest', 'd9130a8164549fe818874806e1c7014b'],
      ['abcdefghijklmnopqrstuvwxyz', 'd79e1c308aa5bbcdeea8ed63df412da9'],
      ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', '043f8582f241db351ce627e153e7f0e4'],
      ['12345678901234567890123456789012345678901234567890123456789012345678901234567890', 'e33b4ddc9c38f2199c3e7b164fcc0536'],
    ];
    for (const [input, digest] of suite) expect(md4(Buffer.from(input, 'latin1')).toString('hex'), input).toBe(digest);
  });

  it('gives the NT hashes of the published PHS vectors', () => {
    expect(ntHash('Pa$$w0rd').toString('hex')).toBe('92937945b518814341de3f726500d4ff');
    expect(ntHash('').toString('hex')).toBe('31d6cfe0d16ae931b73c59d7e0c089c0');
    expect(ntHash('Password').toString('hex')).toBe('a4f49c406510bdcab6824ee7c30fd852');
  });

  it('agrees with OpenSSL on every length around the padding boundaries and on random data', async () => {
    const random = seededRandom(1320);
    const inputs: Buffer[] = [];
    for (let len = 0; len <= 200; len++) inputs.push(random.bytes(len));
    for (let i = 0; i < 40; i++) inputs.push(random.bytes(random.int(5000)));
    const reference = await openSslMd4(inputs);
    inputs.forEach((input, i) => expect(md4(input).toString('hex'), `length ${input.length}`).toBe(reference[i]));
  });
});
