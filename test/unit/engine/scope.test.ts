import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/errors.ts';
import { Scope } from '../../../electron/engine/scope.ts';

const D = 'DC=lab,DC=example,DC=test';

describe('scope (OU filtering)', () => {
  it('is the whole directory when no OU is included', () => {
    const s = new Scope({ includeOUs: [], excludeOUs: [`OU=Service,${D}`] });
    expect(s.decide(`CN=a,OU=Any,${D}`)).toEqual({ inScope: true, reason: 'wholeDirectory' });
    expect(s.decide(`CN=a,OU=Service,${D}`)).toMatchObject({ inScope: false, reason: 'excludedOU' });
  });

  it('includes OUs with excluded sub-OUs, and the deepest matching OU decides', () => {
    const s = new Scope({
      includeOUs: [`OU=Staff,${D}`, `OU=Keep,OU=Contractors,OU=Staff,${D}`],
      excludeOUs: [`OU=Contractors,OU=Staff,${D}`],
    });
    expect(s.decide(`CN=a,OU=Staff,${D}`)).toMatchObject({
      inScope: true,
      reason: 'includedOU',
      ou: `OU=Staff,${D}`,
    });
    expect(s.decide(`CN=a,OU=Contractors,OU=Staff,${D}`)).toMatchObject({
      inScope: false,
      reason: 'excludedOU',
    });
    expect(s.decide(`CN=a,OU=Keep,OU=Contractors,OU=Staff,${D}`)).toMatchObject({
      inScope: true,
      reason: 'includedOU',
    });
    expect(s.decide(`CN=a,OU=Other,${D}`)).toEqual({ inScope: false, reason: 'notInIncludedOU' });
  });

  it('compares case-insensitively and RFC 4514-aware', () => {
    const s = new Scope({ includeOUs: [`ou=STAFF, dc=Lab,dc=Example,dc=Test`], excludeOUs: [] });
    expect(s.decide(`CN=Doe\\, Jane,OU=Staff,${D}`).inScope).toBe(true);
    expect(s.decide(`CN=a,OU=Staff2,${D}`).inScope).toBe(false);
    expect(s.decide('not a dn').reason).toBe('unreadableDn');
  });

  it('has a key that changes with the rules but not with their spelling', () => {
    const a = new Scope({ includeOUs: [`OU=Staff,${D}`], excludeOUs: [] });
    const b = new Scope({ includeOUs: [`ou=staff, ${D.toLowerCase()}`], excludeOUs: [] });
    const c = new Scope({ includeOUs: [`OU=Staff,${D}`], excludeOUs: [`OU=X,OU=Staff,${D}`] });
    expect(a.key).toBe(b.key);
    expect(a.key).not.toBe(c.key);
  });

  it('rejects bad OUs and an OU both included and excluded, naming it', () => {
    expect(() => new Scope({ includeOUs: ['Staff'], excludeOUs: [] })).toThrow(
      expect.objectContaining({
        code: ErrorCode.ConfigInvalid,
        message: expect.stringContaining('scope.includeOUs.0'),
      }),
    );
    expect(() => new Scope({ includeOUs: [`OU=Staff,${D}`], excludeOUs: [`ou=staff,${D}`] })).toThrow(
      /both included and excluded/,
    );
  });
});
