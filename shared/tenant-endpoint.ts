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
