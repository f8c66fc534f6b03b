import { describe, expect, it } from 'vitest';
import { ntHash } from '../../../electron/crypto/md4.ts';
import { formatWire, orgIdInput, wireFromNtHash } from '../../../electron/phs/orgid.ts';
import { referenceWires } from '../../reference/orgid-reference.ts';
import { PUBLISHED, PUBLISHED_WIRES } from '../../reference/published-answers.ts';
import { KNOWN_ANSWERS } from '../../../electron/self-test/vectors.ts';

describe('the OrgId transform', () => {
  it('reproduces the published known answers, from the password and from the NT hash', () => {
    PUBLISHED.forEach((k, i) => {
      expect(ntHash(k.password).toString('hex')).toBe(k.nt);
      expect(wireFromNtHash(Buffer.from(k.nt, 'hex'), Buffer.from(k.salt, 'hex'))).toBe(PUBLISHED_WIRES[i]);
    });
  });

  it("the self-test's known answers are the published ones", () => {
    expect(KNOWN_ANSWERS.map((k) => ({ nt: k.ntHash, salt: k.salt, wire: k.wire }))).toEqual(
      PUBLISHED.map((k, i) => ({ nt: k.nt, salt: k.salt, wire: PUBLISHED_WIRES[i] })),
    );
  });

  it('agrees with an independent chain (OpenSSL MD4, Python PBKDF2) on other passwords and salts', async () => {
    const cases = [
      { password: 'Ünïcödé-Pässwörd-1', salt: '00112233445566778899', iterations: 1000 },
      { password: 'P🔑ss-𝔘nicode', salt: 'ffeeddccbbaa99887766', iterations: 1000 },
      { password: 'x'.repeat(127), salt: '0a0b0c0d0e0f10111213', iterations: 100 },
    ];
    const reference = await referenceWires(cases);
    const ours = cases.map((c) =>
      wireFromNtHash(ntHash(c.password), Buffer.from(c.salt, 'hex'), c.iterations),
    );
    expect(ours).toEqual(reference);
  });

  it('feeds PBKDF2 the UTF-16LE of the UPPERCASE hex of the NT hash', () => {
    const input = orgIdInput(Buffer.from('92937945b518814341de3f726500d4ff', 'hex'));
    expect(input.toString('utf16le')).toBe('92937945B518814341DE3F726500D4FF');
    expect(input.length).toBe(64);
  });

  it('gives a different key for the lowercase-hex variant (which the cloud never accepts)', async () => {
    const { pbkdf2Sync } = await import('node:crypto');
    const salt = Buffer.from('317ee9d1dec6508fa510', 'hex');
    const lower = pbkdf2Sync(
      Buffer.from('92937945b518814341de3f726500d4ff', 'utf16le'),
      salt,
      1000,
      32,
      'sha256',
    );
    expect(formatWire(salt, 1000, lower)).not.toBe(PUBLISHED_WIRES[0]);
  });

  it('writes the iteration count it was given (100 is the pre-2016 format)', () => {
    const wire = wireFromNtHash(ntHash(''), Buffer.from('01cda06eceb9d9bc2621', 'hex'), 100);
    expect(wire).toMatch(/^v1;PPH1_MD4,01cda06eceb9d9bc2621,100,[0-9a-f]{64};$/);
    expect(wire).not.toBe(PUBLISHED_WIRES[2]);
  });
});
