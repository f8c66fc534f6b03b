/**
 * UPN suffixes against the tenant's domains, as Entra Connect treats them: a suffix is usable in
 * the cloud when the tenant verified it or a parent of it (Entra verifies subdomains with their
 * parent); a user whose suffix is not usable gets the tenant's initial .onmicrosoft.com domain.
 */

export interface TenantDomainName {
  readonly name: string;
  readonly isVerified: boolean;
}

/** The verified domain (as the tenant spells it) that makes `suffix` usable: itself or its closest parent; or null. */
export function verifyingDomain(suffix: string, domains: readonly TenantDomainName[]): string | null {
  const wanted = suffix.toLowerCase();
  const covers = (name: string): boolean => wanted === name || wanted.endsWith(`.${name}`);
  const match = domains
    .filter((d) => d.isVerified && covers(d.name.toLowerCase()))
    .sort((a, b) => b.name.length - a.name.length)[0]?.name;
  return match ?? null;
}

/** The UPN a user gets in the cloud: their own when its suffix is usable, else prefix@initial domain. */
export function cloudUpn(upn: string, domains: readonly TenantDomainName[], initialDomain: string): string {
  const at = upn.lastIndexOf('@');
  const prefix = at < 0 ? upn : upn.slice(0, at);
  const suffix = at < 0 ? '' : upn.slice(at + 1);
  if (suffix !== '' && verifyingDomain(suffix, domains) !== null) return upn;
  return `${prefix}@${initialDomain}`;
}
