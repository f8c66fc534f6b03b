import { describe, expect, it } from 'vitest';
import { canonicalDn, isWithin, parseDn } from '../../../electron/engine/dn.ts';

function rdns(dn: string): readonly string[] {
  const parsed = parseDn(dn);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.rdns;
}

describe('distinguished names (RFC 4514)', () => {
  it('compares types and values case-insensitively and ignores spaces around separators', () => {
    expect(canonicalDn('CN=Jane Doe, OU=Staff ,DC=Lab,DC=Example')).toBe(
      canonicalDn('cn=jane doe,ou=staff,dc=lab,dc=example'),
    );
  });

  it('keeps spaces inside values and escaped leading/trailing spaces', () => {
    expect(canonicalDn('CN=Jane  Doe')).not.toBe(canonicalDn('CN=Jane Doe'));
    expect(canonicalDn('CN=\\ Jane\\ ')).not.toBe(canonicalDn('CN=Jane'));
  });

  it('unescapes special characters and hex pairs (UTF-8)', () => {
    expect(rdns('CN=Doe\\, Jane,OU=Staff')).toEqual(['cn=doe\\, jane', 'ou=staff']);
    expect(canonicalDn('CN=Doe\\2C Jane')).toBe(canonicalDn('CN=Doe\\, Jane'));
    expect(canonicalDn('CN=J\\C3\\BCrgen')).toBe(canonicalDn('CN=Jürgen'));
    expect(canonicalDn('CN=A\\+B')).not.toBe(canonicalDn('CN=A+SN=B'));
  });

  it('accepts quoted values, #hex values, OIDs for types and ; as separator', () => {
    expect(canonicalDn('CN="Doe, Jane",OU=Staff')).toBe(canonicalDn('CN=Doe\\, Jane,OU=Staff'));
    expect(canonicalDn('2.5.4.11=Staff;0.9.2342.19200300.100.1.25=lab')).toBe(canonicalDn('OU=Staff,DC=lab'));
    expect(canonicalDn('OID.2.5.4.3=x')).toBe(canonicalDn('CN=x'));
    expect(rdns('UID=#04024869')).toEqual(['uid=#04024869']);
  });

  it('treats a multi-valued RDN as a set', () => {
    expect(canonicalDn('CN=A+SN=B,DC=x')).toBe(canonicalDn('SN=B + CN=A,DC=x'));
  });

  it('rejects malformed names with a reason', () => {
    for (const bad of ['CN', 'CN=x,', '=x', 'CN=x\\', 'CN="open', 'UID=#0', 'C N=x']) {
      const parsed = parseDn(bad);
      expect(parsed.ok, bad).toBe(false);
    }
  });

  it('says "under" by whole RDNs, not by string suffix', () => {
    const staff = rdns('OU=Staff,DC=lab');
    expect(isWithin(rdns('CN=a,OU=Staff,DC=lab'), staff)).toBe(true);
    expect(isWithin(rdns('OU=Staff,DC=lab'), staff)).toBe(true);
    expect(isWithin(rdns('CN=a,OU=OldStaff,DC=lab'), staff)).toBe(false);
    expect(isWithin(rdns('CN=a\\,OU=Staff,DC=lab'), staff)).toBe(false);
    expect(isWithin(rdns('DC=lab'), staff)).toBe(false);
  });
});
