import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../../../shared/errors.ts';
import {
  decryptReplicatedSecret,
  encryptReplicatedSecret,
} from '../../../../../electron/directory/drsr/secrets/replicated-secret.ts';

const SESSION_KEY = Buffer.alloc(16, 0x55);
const SALT = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
// drsr-notes Appendix A: the RID-500 obfuscated hash of "Password", wrapped with the values above.
const APPENDIX_VALUE = Buffer.from(
  '000102030405060708090a0b0c0d0e0f665b58d8bdce2c7b88b6ea97b47963a73609da75',
  'hex',
);
const OBFUSCATED = '0db623e8cd485ca75371e3a8fff4f383';

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return undefined;
}

describe('decryptReplicatedSecret', () => {
  it('recovers the Appendix A plaintext and verifies its CRC', () => {
    expect(decryptReplicatedSecret(SESSION_KEY, APPENDIX_VALUE).toString('hex')).toBe(OBFUSCATED);
  });

  it('is the inverse of encryptReplicatedSecret, which reproduces Appendix A', () => {
    expect(encryptReplicatedSecret(SESSION_KEY, SALT, Buffer.from(OBFUSCATED, 'hex'))).toEqual(
      APPENDIX_VALUE,
    );
    const plaintext = Buffer.from('supplementalCredentials blob of any length');
    expect(
      decryptReplicatedSecret(
        Buffer.alloc(32, 3),
        encryptReplicatedSecret(Buffer.alloc(32, 3), SALT, plaintext),
      ),
    ).toEqual(plaintext);
  });

  it('accepts an empty plaintext (20 bytes in all)', () => {
    expect(
      decryptReplicatedSecret(SESSION_KEY, encryptReplicatedSecret(SESSION_KEY, SALT, Buffer.alloc(0))),
    ).toEqual(Buffer.alloc(0));
  });

  it('reports a wrong session key as SecretChecksum', () => {
    expect(codeOf(() => decryptReplicatedSecret(Buffer.alloc(16, 0x56), APPENDIX_VALUE))).toBe(
      ErrorCode.SecretChecksum,
    );
  });

  it.each([0, 15, 16, 19, 20, 35])('reports a change at byte %i as SecretChecksum', (at) => {
    const value = Buffer.from(APPENDIX_VALUE);
    value[at] = value[at]! ^ 0x80;
    expect(codeOf(() => decryptReplicatedSecret(SESSION_KEY, value))).toBe(ErrorCode.SecretChecksum);
  });

  it.each([0, 1, 16, 19])('reports a %i-byte value as SecretMalformed', (length) => {
    expect(codeOf(() => decryptReplicatedSecret(SESSION_KEY, APPENDIX_VALUE.subarray(0, length)))).toBe(
      ErrorCode.SecretMalformed,
    );
  });

  it('reports an empty session key as SecretMalformed', () => {
    expect(codeOf(() => decryptReplicatedSecret(Buffer.alloc(0), APPENDIX_VALUE))).toBe(
      ErrorCode.SecretMalformed,
    );
  });

  it('never puts key or plaintext bytes in its error messages', () => {
    try {
      decryptReplicatedSecret(Buffer.alloc(16, 0x56), APPENDIX_VALUE);
    } catch (error) {
      const text = `${(error as AppError).message} ${(error as AppError).remediation}`;
      expect(text).not.toMatch(/[0-9a-f]{8,}/i);
    }
  });
});
