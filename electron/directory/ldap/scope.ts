/**
 * Which users are synchronised: a set of included OUs (or containers) with optional excluded
 * sub-OUs. The deepest rule above a user decides, so an OU included below an excluded one is
 * back in scope. Searches start at the top-most included OUs; exclusions filter the results.
 */
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import { isAtOrUnder, normalizeDn, rdns, sameDn } from './dn.ts';

export interface Scope {
  readonly includedOus: readonly string[];
  readonly excludedOus: readonly string[];
}

/** Normal user accounts (not computers, trusts or inetOrgPerson objects). */
export const USER_FILTER = '(&(sAMAccountType=805306368)(!(objectClass=inetOrgPerson)))';

export function validateScope(scope: Scope): Scope {
  const problems: string[] = [];
  if (scope.includedOus.length === 0) problems.push('choose at least one OU to synchronise.');
  for (const dn of [...scope.includedOus, ...scope.excludedOus]) {
    if (rdns(dn).length === 0 || !rdns(dn).every((r) => /^[a-zA-Z][\w-]*=./.test(r)))
      problems.push(`"${dn}" is not a distinguished name.`);
  }
  for (const excluded of scope.excludedOus) {
    if (!scope.includedOus.some((inc) => isAtOrUnder(excluded, inc) && !sameDn(excluded, inc))) {
      problems.push(`the excluded OU "${excluded}" is not below any included OU.`);
    }
    if (scope.includedOus.some((inc) => sameDn(inc, excluded)))
      problems.push(`"${excluded}" is both included and excluded.`);
  }
  if (problems.length > 0) {
    throw new AppError(
      ErrorCode.InvalidArgument,
      `The sync scope is not valid: ${problems.join(' ')}`,
      'Pick included OUs from the tree, and exclude only OUs below them.',
    );
  }
  return scope;
}

/** The included OUs that are not below another included OU: one subtree search each. */
export function searchBases(scope: Scope): string[] {
  const unique = scope.includedOus.filter(
    (dn, i) => scope.includedOus.findIndex((other) => sameDn(other, dn)) === i,
  );
  return unique.filter((dn) => !unique.some((other) => !sameDn(other, dn) && isAtOrUnder(dn, other)));
}

function deepestRule(dn: string, rules: readonly string[]): number {
  let depth = -1;
  for (const rule of rules) if (isAtOrUnder(dn, rule)) depth = Math.max(depth, rdns(rule).length);
  return depth;
}

/** True when the object at `dn` is synchronised under this scope. */
export function inScope(dn: string, scope: Scope): boolean {
  const included = deepestRule(dn, scope.includedOus);
  return included >= 0 && included > deepestRule(dn, scope.excludedOus);
}

/** A stable key for "the same scope": the watermark records it so a changed scope forces a full sync. */
export function scopeKey(scope: Scope): string {
  const list = (dns: readonly string[]): string => [...new Set(dns.map(normalizeDn))].sort().join('|');
  return `in:${list(scope.includedOus)};out:${list(scope.excludedOus)}`;
}
