import { describe, expect, it } from 'vitest';
import {
  checkStateOf,
  isInScope,
  normalizeScope,
  setSubtree,
  toggleNode,
  type ScopeSelection,
} from '../../../shared/scope-rules.ts';
import { inScope } from '../../../electron/directory/ldap/scope.ts';

const DOMAIN = 'DC=corp,DC=example,DC=com';
const LAB = `OU=Lab,${DOMAIN}`;
const SYNC = `OU=Sync,${LAB}`;
const EXCLUDED = `OU=Excluded,${SYNC}`;
const DEEP = `OU=Deep,${EXCLUDED}`;
const none: ScopeSelection = { includedOus: [], excludedOus: [] };

describe('scope rules for the OU tree', () => {
  it('decides by the deepest rule, exactly as the LDAP scope does', () => {
    const scope = { includedOus: [SYNC, DEEP], excludedOus: [EXCLUDED] };
    for (const dn of [
      DOMAIN,
      LAB,
      SYNC,
      EXCLUDED,
      DEEP,
      `CN=u,${DEEP}`,
      `CN=u,${EXCLUDED}`,
      `cn=U, ou=sync,ou=lab,dc=corp,dc=example,dc=com`,
    ]) {
      expect(isInScope(dn, scope), dn).toBe(inScope(dn, scope));
    }
    expect(isInScope(`CN=u,${DEEP}`, scope)).toBe(true);
    expect(isInScope(`CN=u,${EXCLUDED}`, scope)).toBe(false);
  });

  it('checks a subtree, unchecks a part of it, and checks a child of the excluded part back in', () => {
    let scope = toggleNode(none, SYNC);
    expect(scope).toEqual({ includedOus: [SYNC], excludedOus: [] });
    scope = toggleNode(scope, EXCLUDED);
    expect(scope).toEqual({ includedOus: [SYNC], excludedOus: [EXCLUDED] });
    expect(checkStateOf(SYNC, scope)).toBe('mixed');
    expect(checkStateOf(LAB, scope)).toBe('mixed');
    scope = toggleNode(scope, DEEP);
    expect(scope).toEqual({ includedOus: [SYNC, DEEP], excludedOus: [EXCLUDED] });
    expect(checkStateOf(EXCLUDED, scope)).toBe('mixed');
    expect(checkStateOf(DEEP, scope)).toBe(true);
  });

  it('makes a whole subtree follow its node: a mixed node becomes checked, dropping rules below', () => {
    const scope = { includedOus: [SYNC, DEEP], excludedOus: [EXCLUDED] };
    expect(toggleNode(scope, SYNC)).toEqual({ includedOus: [SYNC], excludedOus: [] });
    expect(setSubtree(scope, LAB, false)).toEqual({ includedOus: [], excludedOus: [] });
    expect(toggleNode({ includedOus: [DOMAIN], excludedOus: [] }, DOMAIN)).toEqual(none);
  });

  it('drops rules that change nothing', () => {
    expect(
      normalizeScope({ includedOus: [DOMAIN, SYNC], excludedOus: [DEEP, `OU=Other,${DOMAIN}x`] }),
    ).toEqual({ includedOus: [DOMAIN], excludedOus: [DEEP] });
    expect(normalizeScope({ includedOus: [], excludedOus: [SYNC] })).toEqual(none);
  });
});
