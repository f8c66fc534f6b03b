import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../../../shared/errors.ts';
import { decryptNtHash, decryptNtHistory } from '../../../../../electron/directory/drsr/secrets/nt-hash.ts';
import { encryptReplicatedSecret } from '../../../../../electron/directory/drsr/secrets/replicated-secret.ts';
import { applyRidLayer } from '../../../../../electron/directory/drsr/secrets/rid-layer.ts';
import { ntHash } from '../../../../../electron/crypto/md4.ts';

const SESSION_KEY = Buffer.alloc(16, 0x55);
const SALT = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
const APPENDIX_VALUE = Buffer.from(
  '000102030405060708090a0b0c0d0e0f665b58d8bdce2c7b88b6ea97b47963a73609da75',
  'hex',
);

/** What a DC replicates for `hashes` of the account with `rid`. */
const replicate = (rid: number, hashes: readonly Buffer[]): Buffer =>
  encryptReplicatedSecret(SESSION_KEY, SALT, applyRidLayer(rid, Buffer.concat(hashes)));

describe('decryptNtHash', () => {
  it('turns the Appendix A unicodePwd value of RID 500 back into NTOWFv1("Password")', () => {
    expect(decryptNtHash(SESSION_KEY, 500, APPENDIX_VALUE)?.toString('hex')).toBe(
      'a4f49c406510bdcab6824ee7c30fd852',
    );
  });

  it('matches MD4(UTF-16LE(password)) for another RID', () => {
    const hash = ntHash('Sommer2024!');
    expect(decryptNtHash(SESSION_KEY, 1104, replicate(1104, [hash]))).toEqual(hash);
  });

  it('gives null, not an error, when the account has no password', () => {
    expect(decryptNtHash(SESSION_KEY, 500, undefined)).toBeNull();
    expect(decryptNtHash(SESSION_KEY, 500, null)).toBeNull();
    expect(decryptNtHash(SESSION_KEY, 500, replicate(500, []))).toBeNull();
  });

  it('decrypted with the wrong RID gives a different hash, not an error (the RID layer has no check)', () => {
    expect(decryptNtHash(SESSION_KEY, 501, APPENDIX_VALUE)?.toString('hex')).not.toBe(
      'a4f49c406510bdcab6824ee7c30fd852',
    );
  });

  it('rejects a unicodePwd that holds more than one hash as SecretMalformed', () => {
    let caught: unknown;
    try {
      decryptNtHash(SESSION_KEY, 500, replicate(500, [Buffer.alloc(16), Buffer.alloc(16)]));
    } catch (error) {
      caught = error;
    }
    expect((caught as AppError).code).toBe(ErrorCode.SecretMalformed);
  });
});

describe('decryptNtHistory', () => {
  it('returns every hash, newest first', () => {
    const history = [ntHash('third'), ntHash('second'), ntHash('first')];
    expect(decryptNtHistory(SESSION_KEY, 1104, replicate(1104, history))).toEqual(history);
  });

  it('returns an empty history when the attribute is absent', () => {
    expect(decryptNtHistory(SESSION_KEY, 1104, undefined)).toEqual([]);
  });

  it('rejects a plaintext that is not a multiple of 16 bytes as SecretMalformed', () => {
    let caught: unknown;
    try {
      decryptNtHistory(SESSION_KEY, 1104, encryptReplicatedSecret(SESSION_KEY, SALT, Buffer.alloc(24)));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe(ErrorCode.SecretMalformed);
  });
});
