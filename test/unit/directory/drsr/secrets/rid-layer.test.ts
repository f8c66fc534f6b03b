import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../../../shared/errors.ts';
import {
  applyRidLayer,
  removeRidLayer,
  ridKeys,
} from '../../../../../electron/directory/drsr/secrets/rid-layer.ts';

const NT_HASH = 'a4f49c406510bdcab6824ee7c30fd852'; // NTOWFv1("Password")
const hex = (text: string): Buffer => Buffer.from(text, 'hex');
const withoutParity = (key: Buffer): string => Buffer.from(key.map((byte) => byte & 0xfe)).toString('hex');

// drsr-notes Appendix A.
const APPENDIX_A = [
  {
    rid: 500,
    k1: 'f40040000ea00400',
    k2: '007a00200006d002',
    obfuscated: '0db623e8cd485ca75371e3a8fff4f383',
  },
  {
    rid: 1104,
    k1: '5002000004801000',
    k2: '0028008000024008',
    obfuscated: 'e9160b323982fe49d6f31e62f3ad588a',
  },
] as const;

describe('RID DES layer (MS-SAMR 2.2.11.1)', () => {
  it.each(APPENDIX_A)('derives the Appendix A keys for RID $rid', ({ rid, k1, k2 }) => {
    const [key1, key2] = ridKeys(rid);
    expect([withoutParity(key1), withoutParity(key2)]).toEqual([k1, k2]);
  });

  it.each(APPENDIX_A)('removes the layer for RID $rid', ({ rid, obfuscated }) => {
    expect(removeRidLayer(rid, hex(obfuscated)).map((h) => h.toString('hex'))).toEqual([NT_HASH]);
  });

  it.each(APPENDIX_A)('applies the layer for RID $rid', ({ rid, obfuscated }) => {
    expect(applyRidLayer(rid, hex(NT_HASH)).toString('hex')).toBe(obfuscated);
  });

  it('splits a history into 16-byte hashes, in order', () => {
    const hashes = [hex(NT_HASH), Buffer.alloc(16, 1), Buffer.alloc(16, 2)];
    expect(removeRidLayer(1104, applyRidLayer(1104, Buffer.concat(hashes)))).toEqual(hashes);
  });

  it('gives no hashes for no data', () => {
    expect(removeRidLayer(500, Buffer.alloc(0))).toEqual([]);
  });

  it.each([
    ['a length that is not a multiple of 16', 500, 17],
    ['RID 0', 0, 16],
    ['a negative RID', -1, 16],
    ['a RID beyond 32 bits', 2 ** 32, 16],
    ['a fractional RID', 1.5, 16],
  ])('rejects %s as SecretMalformed', (_what, rid, length) => {
    let caught: unknown;
    try {
      removeRidLayer(rid, Buffer.alloc(length));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe(ErrorCode.SecretMalformed);
  });
});
