/** The "Advanced: tenant endpoint" fields' messages: the form shows them, main enforces them. */
import type { TenantEndpoint } from './tenant-schemas.ts';
import { checkGuid, checkHttpsUrl } from './validators.ts';

export function endpointErrors(e: TenantEndpoint): Partial<Record<keyof TenantEndpoint, string>> {
  const all: Record<keyof TenantEndpoint, string | undefined> = {
    authority: checkHttpsUrl(e.authority, 'The authority'),
    clientId: checkGuid(e.clientId, 'The client id'),
    tenantId: checkGuid(e.tenantId, 'The tenant id', true),
    graphBaseUrl: checkHttpsUrl(e.graphBaseUrl, 'The Graph URL'),
    credentialsUrl:
      e.credentialsUrl.trim() === '' ? undefined : checkHttpsUrl(e.credentialsUrl, 'The credential endpoint'),
    caFile: undefined,
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as Partial<
    Record<keyof TenantEndpoint, string>
  >;
}

const URL_KEYS: ReadonlySet<keyof TenantEndpoint> = new Set(['authority', 'graphBaseUrl', 'credentialsUrl']);
const ID_KEYS: ReadonlySet<keyof TenantEndpoint> = new Set(['clientId', 'tenantId']);

function canonical(key: keyof TenantEndpoint, value: string): string {
  const v = value.trim();
  if (URL_KEYS.has(key)) return v.replace(/\/+$/, '');
  return ID_KEYS.has(key) ? v.toLowerCase() : v;
}

/**
 * Whether two endpoints are the same as the tenant code sees them (blanks and trailing slashes
 * aside). Any other change means a new sign-in: the tokens were issued for the old one.
 */
export function sameTenantEndpoint(a: TenantEndpoint, b: TenantEndpoint): boolean {
  return (Object.keys(a) as (keyof TenantEndpoint)[]).every((k) => canonical(k, a[k]) === canonical(k, b[k]));
}
