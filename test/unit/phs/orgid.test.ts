import { describe, expect, it } from 'vitest';
import { ntHash } from '../../../electron/phs/md4.ts';
import { formatWire, orgIdInput, wireFromNtHash } from '../../../electron/phs/orgid.ts';
import { KNOWN_ANSWERS } from '../../../electron/self-test/vectors.ts';

describe('the OrgId transform', () => {
  it('reproduces the published known answers', () => {
    for (const k of KNOWN_ANSWERS) {
      expect(wireFromNtHash(Buffer.from(k.ntHash, 'hex'), Buffer.from(k.salt, 'hex'))).toBe(k.wire);
    }
    expect(wireFromNtHash(ntHash('Pa$$w0rd'), Buffer.from('181a3024085fcee2f70e', 'hex'))).toBe(KNOWN_ANSWERS[1]!.wire);
  });

  it('feeds PBKDF2 the UTF-16LE of the UPPERCASE hex of the NT hash', () => {
    const input = orgIdInput(Buffer.from('92937945b518814341de3f726500d4ff', 'hex'));
    expect(input.toString('utf16le')).toBe('92937945B518814341DE3F726500D4FF');
    expect(input.length).toBe(64);
  });

  it('gives a different key for the lowercase-hex variant (which the cloud never accepts)', async () => {
    const { pbkdf2Sync } = await import('node:crypto');
    const salt = Buffer.from('317ee9d1dec6508fa510', 'hex');
    const lower = pbkdf2Sync(Buffer.from('92937945b518814341de3f726500d4ff', 'utf16le'), salt, 1000, 32, 'sha256');
    expect(formatWire(salt, 1000, lower)).not.toBe(KNOWN_ANSWERS[0]!.wire);
  });

  it('writes the iteration count it was given (100 is the pre-2016 format)', () => {
    const wire = wireFromNtHash(ntHash(''), Buffer.from('01cda06eceb9d9bc2621', 'hex'), 100);
    expect(wire).toMatch(/^v1;PPH1_MD4,01cda06eceb9d9bc2621,100,[0-9a-f]{64};$/);
    expect(wire).not.toBe(KNOWN_ANSWERS[2]!.wire);
  });
});
