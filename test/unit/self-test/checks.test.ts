import { describe, expect, it } from 'vitest';
import { defaultCryptoDeps, type CryptoDeps } from '../../../electron/self-test/crypto-deps.ts';
import { selfTestFailure, WRONG_ANSWER_REMEDIATION } from '../../../electron/self-test/failure.ts';
import { MD5_REMEDIATION, runChecks } from '../../../electron/self-test/run-checks.ts';
import { runtimeLabel } from '../../../electron/self-test/runtime.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import { brokenMd4, fipsMode } from './stubs.ts';

const PRIMITIVES = [
  'MD4',
  'MD5',
  'HMAC-MD5',
  'RC4',
  'DES',
  'PBKDF2-HMAC-SHA256',
  'OrgId (PHS wire string)',
  'AES-256-GCM',
];

const failedOf = (deps: CryptoDeps) => runChecks('main', deps).filter((r) => !r.passed);

describe('the primitive checks', () => {
  it('pass every published known answer on this runtime, naming it', () => {
    const results = runChecks('main');
    expect(results.map((r) => r.name)).toEqual(PRIMITIVES);
    expect(results.filter((r) => !r.passed)).toEqual([]);
    expect(new Set(results.map((r) => r.runtime))).toEqual(
      new Set([`node ${process.versions.node} / OpenSSL ${process.versions.openssl}`]),
    );
    expect(results.every((r) => r.where === 'main' && r.source.length > 0)).toBe(true);
  });

  it('name the primitive and the vector a wrong answer came from, and nothing else fails', () => {
    const failed = failedOf(brokenMd4);
    expect(failed.map((r) => r.name)).toEqual(['MD4']);
    expect(failed[0]!.error).toBe(
      'RFC 1320 vector 1: expected 31d6cfe0d16ae931b73c59d7e0c089c0, got 00000000000000000000000000000000',
    );
  });

  it('say MD5 is refused in FIPS mode, from the error createHash("md5") throws, and what to do', () => {
    const failed = failedOf(fipsMode);
    expect(failed.map((r) => r.name)).toEqual(['MD5', 'HMAC-MD5']);
    for (const r of failed) {
      expect(r.error).toBe(
        'MD5 is unavailable in this runtime (FIPS mode is on): createHash(\'md5\') threw "Digest method not supported"',
      );
      expect(r.remediation).toBe(MD5_REMEDIATION);
    }
    expect(MD5_REMEDIATION).toMatch(
      /turn FIPS enforcement off for this process .* or run PHS Sync on a host that is not in FIPS mode/,
    );
  });

  it('catch an RC4 that restarts its keystream on each call', () => {
    const restarting: CryptoDeps = {
      ...defaultCryptoDeps,
      rc4: (key) => ({
        process: (data) => defaultCryptoDeps.rc4(key).process(data),
        dispose: () => undefined,
      }),
    };
    expect(failedOf(restarting).map((r) => [r.name, r.error])).toEqual([
      ['RC4', expect.stringMatching(/^RFC 6229 40-bit key, offset 16: expected 6982944f/)],
    ]);
  });

  it('catch a DES that only encrypts right, and a GCM that accepts an altered tag', () => {
    const badDecrypt: CryptoDeps = {
      ...defaultCryptoDeps,
      desDecryptBlock: (_k, block) => Buffer.from(block),
    };
    expect(failedOf(badDecrypt).map((r) => r.error)).toEqual([
      'DES vector 1 (decrypt): expected 4e6f772069732074, got 3fa40e8a984d4815',
    ]);
    // GCM's keystream is symmetric: sealing the ciphertext again decrypts it, without checking the tag.
    const noAuth: CryptoDeps = {
      ...defaultCryptoDeps,
      aes256GcmOpen: (key, iv, aad, sealed) =>
        defaultCryptoDeps.aes256GcmSeal(key, iv, aad, sealed.cipher).cipher,
    };
    expect(failedOf(noAuth).map((r) => r.error)).toEqual([
      'GCM test case 14 (altered tag): expected refused, got accepted',
    ]);
  });

  it('report a check that throws something odd as a failure, never as a crash', () => {
    const odd: CryptoDeps = {
      ...defaultCryptoDeps,
      pbkdf2Sha256: () => {
        throw 42;
      },
    };
    expect(failedOf(odd).map((r) => [r.name, r.error])).toEqual([
      ['PBKDF2-HMAC-SHA256', 'the check threw number'],
    ]);
  });
});

describe('the runtime label', () => {
  it('names OpenSSL under Node and BoringSSL under Electron', () => {
    expect(runtimeLabel({ node: '24.21.0', openssl: '3.5.8' })).toBe('node 24.21.0 / OpenSSL 3.5.8');
    expect(runtimeLabel({ node: '22.20.0', openssl: '3.0.13+quic', electron: '45.5.0' })).toBe(
      'Electron 45.5.0 / BoringSSL (node 22.20.0)',
    );
  });
});

describe('the named error of a failed self-test', () => {
  it('is null when every primitive passed', () => {
    expect(selfTestFailure(runChecks('main'))).toBeNull();
  });

  it('names the primitives, where they failed and the runtime, with a remediation', () => {
    const error = selfTestFailure([...runChecks('main', brokenMd4), ...runChecks('worker', brokenMd4)])!;
    expect(error.code).toBe(ErrorCode.CryptoSelfTestFailed);
    expect(error.message).toBe(
      `The cryptographic self-test failed: MD4 in the main process and the hash workers (${runtimeLabel()}). Password hash sync is blocked until it passes.`,
    );
    expect(error.remediation).toBe(WRONG_ANSWER_REMEDIATION);
  });

  it('carries the FIPS remediation when MD5 was refused', () => {
    const error = selfTestFailure(runChecks('main', fipsMode))!;
    expect(error.message).toContain('MD5 and HMAC-MD5 in the main process');
    expect(error.remediation).toBe(MD5_REMEDIATION);
  });
});
