import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import { ntHash } from '../../../electron/crypto/md4.ts';
import { wireFromNtHash } from '../../../electron/phs/orgid.ts';
import { parseWire, verifyNtHash, verifyPassword } from '../../../electron/phs/wire.ts';
import { PUBLISHED_WIRES } from '../../reference/published-answers.ts';

const GOOD = PUBLISHED_WIRES[0]!;

describe('parseWire', () => {
  it('parses salt, iteration count and key', () => {
    const parsed = parseWire(GOOD);
    expect(parsed.salt.toString('hex')).toBe('317ee9d1dec6508fa510');
    expect(parsed.iterations).toBe(1000);
    expect(parsed.key.toString('hex')).toBe(
      '7eaea8e1628dffee62cf319f4e1fc05254da30a1d42ff755ff352f5b13497531',
    );
  });

  it.each([
    ['', 'does not start'],
    ['v2;PPH1_MD4,317ee9d1dec6508fa510,1000,aa;', 'does not start'],
    [GOOD.slice(0, -1), 'three comma-separated'],
    [GOOD.replace('317ee9d1dec6508fa510', '317ee9d1dec6508fa5'), 'salt must be 20'],
    [GOOD.replace('7eaea8e1', '7eaea8'), 'key must be 64'],
    [GOOD.replace(',1000,', ',0,'), 'iteration count'],
    [GOOD.replace(',1000,', ',01000,'), 'iteration count'],
    [GOOD.replace(',1000,', ',99999999999,'), 'iteration count'],
    [GOOD.toUpperCase().replace('V1;PPH1_MD4', 'v1;PPH1_MD4'), 'three comma-separated'],
    [`${GOOD}${'x'.repeat(300)}`, 'too long'],
  ])('rejects %j with a named error saying what is wrong', (wire, what) => {
    let caught: unknown;
    try {
      parseWire(wire);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe(ErrorCode.WireFormat);
    expect((caught as AppError).message).toContain(what);
    expect((caught as AppError).remediation.length).toBeGreaterThan(0);
  });
});

describe('verifying wire strings', () => {
  it('accepts the password it was made from and refuses any other', () => {
    expect(verifyPassword(GOOD, 'Pa$$w0rd')).toBe(true);
    expect(verifyPassword(GOOD, 'Pa$$w0rd ')).toBe(false);
    expect(verifyPassword(GOOD, 'pa$$w0rd')).toBe(false);
  });

  it('verifies any iteration count', () => {
    const salt = Buffer.from('0102030405060708090a', 'hex');
    for (const iterations of [1, 100, 1000, 1234]) {
      const wire = wireFromNtHash(ntHash('héllo wörld'), salt, iterations);
      expect(verifyNtHash(wire, ntHash('héllo wörld'))).toBe(true);
      expect(verifyNtHash(wire, ntHash('hello world'))).toBe(false);
    }
  });
});
