import { describe, expect, it } from 'vitest';
import { guidFromBytes, guidToBytes } from '../../../../electron/directory/ldap/sd/guid.ts';
import { sidFromBytes, sidToBytes } from '../../../../electron/directory/ldap/sd/sid.ts';
import { AppError } from '../../../../shared/errors.ts';

describe('SIDs', () => {
  it('decodes the binary objectSid the lab DC returned for phs-reader', () => {
    const bytes = Buffer.from('010500000000000515000000' + '6c19897fd7edf7add012b3255a040000', 'hex');
    expect(sidFromBytes(bytes)).toBe('S-1-5-21-2139691372-2918706647-632492752-1114');
    expect(sidToBytes('S-1-5-21-2139691372-2918706647-632492752-1114')).toEqual(bytes);
  });

  it('round-trips well-known SIDs with zero to several sub-authorities', () => {
    for (const sid of [
      'S-1-0',
      'S-1-1-0',
      'S-1-5-11',
      'S-1-5-32-544',
      'S-1-16-12288',
      'S-1-5-21-1-2-3-4-5-6-7-8-9-10-11-12-13',
    ]) {
      expect(sidFromBytes(sidToBytes(sid))).toBe(sid);
    }
  });

  it('refuses trailing bytes, a short buffer and a bad revision with DIRECTORY_VALUE_MALFORMED', () => {
    const good = sidToBytes('S-1-5-11');
    for (const bad of [
      Buffer.concat([good, Buffer.from([0])]),
      good.subarray(0, 7),
      Buffer.from([2, 0, 0, 0, 0, 0, 0, 5]),
    ]) {
      expect(() => sidFromBytes(bad)).toThrow(
        expect.objectContaining({ code: 'DIRECTORY_VALUE_MALFORMED' }) as AppError,
      );
    }
  });

  it('refuses SID strings that are not SIDs', () => {
    for (const bad of ['S-2-5', 'S-1', 'S-1-5-x', `S-1-5${'-1'.repeat(16)}`, 'S-1-5-4294967296']) {
      expect(() => sidToBytes(bad), bad).toThrow(AppError);
    }
  });
});

describe('GUIDs', () => {
  it("decodes AD's mixed-endian bytes (the lab's NTDS Settings invocationId)", () => {
    const bytes = Buffer.from('8d7b57c0889527 48b4a169efb3166098'.replace(' ', ''), 'hex');
    expect(guidFromBytes(bytes)).toBe('c0577b8d-9588-4827-b4a1-69efb3166098');
    expect(guidToBytes('C0577B8D-9588-4827-B4A1-69EFB3166098')).toEqual(bytes);
  });

  it('refuses values that are not 16 bytes or not GUID text', () => {
    expect(() => guidFromBytes(Buffer.alloc(15))).toThrow(
      expect.objectContaining({ code: 'DIRECTORY_VALUE_MALFORMED' }) as AppError,
    );
    expect(() => guidToBytes('not-a-guid')).toThrow(AppError);
  });
});
