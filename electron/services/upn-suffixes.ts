/**
 * The UPN suffix table of Entra Connect's sign-in page: each UPN suffix of the AD forest against
 * the tenant's domains. A suffix is verified when the tenant verified it, or verified a parent of
 * it (Entra verifies subdomains with their parent); not verified when it is added but unverified;
 * missing when the tenant does not have it at all. Users with a missing or unverified suffix get
 * the tenant's .onmicrosoft.com name in the cloud.
 */
import type { UpnSuffixRow } from '../../shared/tenant-schemas.ts';
import { verifyingDomain } from '../../shared/upn.ts';

export interface TenantDomain {
  readonly name: string;
  readonly isVerified: boolean;
}

export function upnSuffixRows(suffixes: readonly string[], domains: readonly TenantDomain[]): UpnSuffixRow[] {
  const byName = new Map(domains.map((d) => [d.name.toLowerCase(), d]));
  return suffixes.map((raw) => {
    const suffix = raw.toLowerCase();
    const exact = byName.get(suffix);
    const via = verifyingDomain(suffix, domains);
    if (via !== null)
      return { suffix: raw, status: 'verified', verifiedVia: via.toLowerCase() === suffix ? null : via };
    return { suffix: raw, status: exact === undefined ? 'missing' : 'notVerified', verifiedVia: null };
  });
}
