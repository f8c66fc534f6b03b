/**
 * The sync scope as the OU tree edits it: included and excluded OUs, where the deepest rule above
 * an object decides (an OU included below an excluded one is back in scope), the same semantics as
 * electron/directory/ldap/scope.ts. Toggling a node makes its whole subtree follow it, as a
 * checkbox tree does: rules below it are dropped, and a rule is added at the node only if needed.
 */
import { dnDepth, isAtOrUnder, isStrictlyUnder, sameDn } from './dn.ts';

export interface ScopeSelection {
  readonly includedOus: readonly string[];
  readonly excludedOus: readonly string[];
}

export const EMPTY_SCOPE: ScopeSelection = { includedOus: [], excludedOus: [] };

function deepestRule(dn: string, rules: readonly string[]): number {
  let depth = -1;
  for (const rule of rules) if (isAtOrUnder(dn, rule)) depth = Math.max(depth, dnDepth(rule));
  return depth;
}

/** True when objects at `dn` are synchronised under `scope`. */
export function isInScope(dn: string, scope: ScopeSelection): boolean {
  const included = deepestRule(dn, scope.includedOus);
  return included >= 0 && included > deepestRule(dn, scope.excludedOus);
}

/** Whether some rule strictly below `dn` makes part of its subtree differ from `dn` itself. */
function hasDifferentDescendant(dn: string, scope: ScopeSelection): boolean {
  const own = isInScope(dn, scope);
  const below = [...scope.includedOus, ...scope.excludedOus].filter((rule) => isStrictlyUnder(rule, dn));
  return below.some((rule) => isInScope(rule, scope) !== own);
}

/** The checkbox of a tree node: checked, unchecked, or mixed when part of its subtree differs. */
export function checkStateOf(dn: string, scope: ScopeSelection): boolean | 'mixed' {
  if (hasDifferentDescendant(dn, scope)) return 'mixed';
  return isInScope(dn, scope);
}

/** Drops rules that change nothing: a rule whose parent state already equals it. */
export function normalizeScope(scope: ScopeSelection): ScopeSelection {
  let current = scope;
  const all = [
    ...scope.includedOus.map((dn) => ({ dn, include: true })),
    ...scope.excludedOus.map((dn) => ({ dn, include: false })),
  ].sort((a, b) => dnDepth(a.dn) - dnDepth(b.dn));
  for (const rule of all) {
    const without = removeRule(current, rule.dn);
    if (isInScope(rule.dn, without) === rule.include) current = without;
  }
  return current;
}

function removeRule(scope: ScopeSelection, dn: string): ScopeSelection {
  return {
    includedOus: scope.includedOus.filter((r) => !sameDn(r, dn)),
    excludedOus: scope.excludedOus.filter((r) => !sameDn(r, dn)),
  };
}

/** Checks (true) or unchecks (false) `dn` and everything below it. */
export function setSubtree(scope: ScopeSelection, dn: string, checked: boolean): ScopeSelection {
  const cleared: ScopeSelection = {
    includedOus: scope.includedOus.filter((r) => !isAtOrUnder(r, dn)),
    excludedOus: scope.excludedOus.filter((r) => !isAtOrUnder(r, dn)),
  };
  if (isInScope(dn, cleared) === checked) return normalizeScope(cleared);
  return normalizeScope(
    checked
      ? { ...cleared, includedOus: [...cleared.includedOus, dn] }
      : { ...cleared, excludedOus: [...cleared.excludedOus, dn] },
  );
}

/** What a click does: a mixed or unchecked node becomes checked, a checked one unchecked. */
export function toggleNode(scope: ScopeSelection, dn: string): ScopeSelection {
  return setSubtree(scope, dn, checkStateOf(dn, scope) !== true);
}
