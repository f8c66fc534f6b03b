import { describe, expect, it } from 'vitest';
import { Attr, AttrOid, ClassOid } from '../../../../../electron/directory/drsr/drsuapi/constants.ts';
import { decodeGetNcChangesReply } from '../../../../../electron/directory/drsr/drsuapi/get-nc-changes-reply.ts';
import {
  berToOid,
  isSchemaInfo,
  oidToBer,
  PrefixTable,
} from '../../../../../electron/directory/drsr/drsuapi/prefix-table.ts';
import { loadFixture } from './builders.ts';

describe('OID ⇄ BER (the prefix bytes of MS-DRSR 5.16.4)', () => {
  it.each([
    ['2.5.4.0', '550400'],
    ['1.2.840.113556.1.4.90', '2a864886f71401045a'],
    ['1.2.840.113556.1.4.656', '2a864886f714010485 10'.replace(' ', '')],
    ['2.16.840.1.113730.3.2.2', '6086480186f842030202'],
    ['0.9.2342.19200300.100.1.1', '0992268993f22c640101'],
  ])('%s ⇄ %s', (oid, hex) => {
    expect(oidToBer(oid)?.toString('hex')).toBe(hex);
    expect(berToOid(Buffer.from(hex, 'hex'))).toBe(oid);
  });

  it('refuses malformed BER: empty, a truncated arc, a leading 0x80', () => {
    expect(berToOid(Buffer.alloc(0))).toBeNull();
    expect(berToOid(Buffer.from('2a86', 'hex'))).toBeNull();
    expect(berToOid(Buffer.from('2a8001', 'hex'))).toBeNull();
    expect(oidToBer('1.40.3')).toBeNull();
    expect(oidToBer('not.an.oid')).toBeNull();
  });
});

describe('ATTRTYP → OID through a prefix table (drsr-notes §3.7)', () => {
  const table = PrefixTable.defaultTable();

  it('maps every attribute this client reads through the default table', () => {
    for (const [name, attrTyp] of Object.entries(Attr)) {
      expect(table.oidOf(attrTyp), name).toBe(AttrOid[name as keyof typeof AttrOid]);
    }
    expect(table.oidOf(0x000a0009)).toBe(ClassOid.user);
  });

  it('decodes two-byte last arcs, with and without the 0x8000 marker (arcs ≥ 16384)', () => {
    const t = new PrefixTable([{ ndx: 5, prefix: Buffer.from('2a864886f7140104', 'hex') }]);
    expect(t.oidOf((5 << 16) | 656)).toBe('1.2.840.113556.1.4.656');
    const big = new PrefixTable([{ ndx: 7, prefix: Buffer.from('2a864886f714010481', 'hex') }]);
    // arc 16385: BER 81 80 01; the prefix keeps 0x81, the ATTRTYP holds 1 | 0x8000.
    expect(big.oidOf((7 << 16) | 0x8001)).toBe('1.2.840.113556.1.4.16385');
    expect(big.attrTypOf('1.2.840.113556.1.4.16385')).toBe((7 << 16) | 0x8001);
  });

  it('round-trips OID → ATTRTYP → OID (MakeAttid / OidFromAttid)', () => {
    for (const oid of [
      ...Object.values(AttrOid),
      '1.2.840.113556.1.4.1000',
      '2.5.4.127',
      '2.5.4.128',
      '1.2.3.20000',
    ]) {
      const last = Number(oid.split('.').at(-1));
      const prefix = oidToBer(oid)!.subarray(0, last < 128 ? -1 : -2);
      const t = new PrefixTable([{ ndx: 30, prefix }]);
      const attrTyp = t.attrTypOf(oid);
      expect(attrTyp, oid).not.toBeNull();
      expect(attrTyp! >>> 16).toBe(30);
      expect(t.oidOf(attrTyp!)).toBe(oid);
    }
  });

  it('skips the trailing schemaInfo entry whose ndx collides with entry 0', () => {
    const schemaInfo = { ndx: 0, prefix: Buffer.concat([Buffer.from([0xff]), Buffer.alloc(20, 1)]) };
    expect(isSchemaInfo(schemaInfo)).toBe(true);
    const t = new PrefixTable([{ ndx: 0, prefix: Buffer.from('5504', 'hex') }, schemaInfo]);
    expect(t.oidOf(3)).toBe('2.5.4.3');
    expect(new PrefixTable([schemaInfo]).oidOf(3)).toBeNull();
  });

  it('does not map msDS-IntId values or unknown prefixes', () => {
    expect(table.oidOf(0x80001234)).toBeNull();
    expect(table.oidOf(0x07770001)).toBeNull();
  });

  it("resolves the lab DC's own table, schemaInfo entry included", () => {
    const { calls } = loadFixture('full-sync-page');
    const reply = decodeGetNcChangesReply(calls[0]!.reply);
    expect(reply.prefixTable.some(isSchemaInfo)).toBe(true);
    const t = new PrefixTable(reply.prefixTable);
    expect(t.oidOf(Attr.unicodePwd)).toBe(AttrOid.unicodePwd);
    expect(t.oidOf(Attr.userPrincipalName)).toBe(AttrOid.userPrincipalName);
  });
});
