import { describe, expect, it } from 'vitest';
import { accountFilters, isDn } from '../../../../electron/directory/ldap/account.ts';
import {
  dnsNameFromDn,
  escapeFilterValue,
  isAtOrUnder,
  normalizeDn,
  rdns,
} from '../../../../electron/directory/ldap/dn.ts';
import { inScope, scopeKey, searchBases, validateScope } from '../../../../electron/directory/ldap/scope.ts';
import { AppError } from '../../../../shared/errors.ts';

const ROOT = 'DC=lab,DC=example,DC=test';
const SYNC = `OU=Sync,OU=PHS Lab,${ROOT}`;
const NESTED = `OU=Nested,${SYNC}`;
const EXCLUDED = `OU=Excluded,${SYNC}`;
const BACK_IN = `OU=Back In,${EXCLUDED}`;

describe('distinguished names', () => {
  it('splits at unescaped commas only and normalises spacing and case', () => {
    expect(rdns('CN=Smith\\, John ,OU=Sales, DC=x')).toEqual(['CN=Smith\\, John', 'OU=Sales', 'DC=x']);
    expect(normalizeDn('OU = Sync , DC=Lab')).toBe('ou=sync,dc=lab');
  });

  it('knows what lies at or under an OU, and nothing that merely ends with the same text', () => {
    expect(isAtOrUnder(`CN=a,${NESTED}`, SYNC)).toBe(true);
    expect(isAtOrUnder(SYNC, SYNC.toUpperCase())).toBe(true);
    expect(isAtOrUnder(`CN=a,OU=NotSync,OU=PHS Lab,${ROOT}`, SYNC)).toBe(false);
    expect(isAtOrUnder(ROOT, SYNC)).toBe(false);
  });

  it('derives the DNS name from DC components and escapes filter values', () => {
    expect(dnsNameFromDn(ROOT)).toBe('lab.example.test');
    expect(escapeFilterValue('a*(b)\\')).toBe('a\\2a\\28b\\29\\5c');
    expect(escapeFilterValue(Buffer.from([0x01, 0xff]))).toBe('\\01\\ff');
  });

  it('finds the bound account from each name form', () => {
    expect(accountFilters('LAB\\phs-reader')).toEqual(['(sAMAccountName=phs-reader)']);
    expect(accountFilters('u:LAB\\phs-reader')).toEqual(['(sAMAccountName=phs-reader)']);
    expect(accountFilters('svc@lab.example.test')).toEqual([
      '(userPrincipalName=svc@lab.example.test)',
      '(sAMAccountName=svc)',
    ]);
    expect(isDn('CN=svc,CN=Users,DC=x')).toBe(true);
    expect(isDn('dn:CN=svc,DC=x')).toBe(true);
    expect(isDn('LAB\\svc')).toBe(false);
  });
});

describe('scope', () => {
  const scope = { includedOus: [SYNC, BACK_IN], excludedOus: [EXCLUDED] };

  it('includes users anywhere under an included OU, except under an excluded sub-OU', () => {
    expect(inScope(`CN=a,${SYNC}`, scope)).toBe(true);
    expect(inScope(`CN=n,${NESTED}`, scope)).toBe(true);
    expect(inScope(`CN=e,${EXCLUDED}`, scope)).toBe(false);
    expect(inScope(`CN=o,OU=Out of scope,OU=PHS Lab,${ROOT}`, scope)).toBe(false);
  });

  it('lets the deepest rule win: an OU included below an excluded one is back in scope', () => {
    expect(inScope(`CN=b,${BACK_IN}`, scope)).toBe(true);
    expect(inScope(`CN=b,OU=deeper,${BACK_IN}`, scope)).toBe(true);
  });

  it('searches each top-most included OU once', () => {
    expect(searchBases(scope)).toEqual([SYNC]);
    expect(searchBases({ includedOus: [NESTED, SYNC.toLowerCase(), SYNC], excludedOus: [] })).toEqual([
      SYNC.toLowerCase(),
    ]);
  });

  it('refuses an empty scope, exclusions outside every inclusion, and an OU both included and excluded', () => {
    for (const bad of [
      { includedOus: [], excludedOus: [] },
      { includedOus: [NESTED], excludedOus: [EXCLUDED] },
      { includedOus: [SYNC], excludedOus: [SYNC] },
      { includedOus: ['not a dn'], excludedOus: [] },
    ]) {
      expect(() => validateScope(bad)).toThrow(AppError);
    }
    expect(validateScope(scope)).toBe(scope);
  });

  it('keys the same scope the same way regardless of order and case', () => {
    expect(scopeKey({ includedOus: [SYNC, BACK_IN], excludedOus: [EXCLUDED] })).toBe(
      scopeKey({ includedOus: [BACK_IN.toUpperCase(), SYNC], excludedOus: [EXCLUDED] }),
    );
    expect(scopeKey(scope)).not.toBe(scopeKey({ includedOus: [SYNC], excludedOus: [] }));
  });
});
