/**
 * OpenID Connect discovery and signing keys with Entra's v2 endpoint shapes:
 *   /{tenant}/v2.0/.well-known/openid-configuration   /{tenant}/discovery/v2.0/keys
 * `{tenant}` may be the tenant id, a verified domain, `organizations` or `common`; an unknown
 * tenant gets AADSTS90002, as Entra answers.
 */
import { AAD } from './aad-errors.ts';
import type { EmulatorContext } from './context.ts';
import { sendAad, sendJson, type Route } from './http.ts';

const TENANT = '([^/]+)';

/** The path segment endpoints use: multi-tenant aliases stay, names resolve to the tenant id. */
export function endpointTenant(ctx: EmulatorContext, segment: string): string {
  const s = segment.toLowerCase();
  return s === 'organizations' || s === 'common' ? s : ctx.store.state.tenantId;
}

export function discoveryDocument(ctx: EmulatorContext, segment: string): Record<string, unknown> {
  const t = `${ctx.baseUrl}/${endpointTenant(ctx, segment)}`;
  const multi = endpointTenant(ctx, segment) !== ctx.store.state.tenantId;
  return {
    issuer: multi ? `${ctx.baseUrl}/{tenantid}/v2.0` : ctx.tokens.issuer,
    authorization_endpoint: `${t}/oauth2/v2.0/authorize`,
    token_endpoint: `${t}/oauth2/v2.0/token`,
    device_authorization_endpoint: `${t}/oauth2/v2.0/devicecode`,
    end_session_endpoint: `${t}/oauth2/v2.0/logout`,
    jwks_uri: `${t}/discovery/v2.0/keys`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    response_modes_supported: ['query', 'fragment', 'form_post'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'nbf',
      'name',
      'nonce',
      'oid',
      'tid',
      'preferred_username',
      'ver',
    ],
    request_uri_parameter_supported: false,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'phs-emulator',
    msgraph_host: new URL(ctx.baseUrl).host,
  };
}

export function oidcRoutes(ctx: EmulatorContext): Route[] {
  return [
    {
      method: 'GET',
      path: new RegExp(`^/${TENANT}/v2\\.0/\\.well-known/openid-configuration$`),
      handler: ({ res, params }) => {
        const segment = params[0] ?? '';
        if (!ctx.store.knowsTenant(segment)) return sendAad(res, AAD.tenantNotFound(segment));
        sendJson(res, 200, discoveryDocument(ctx, segment));
      },
    },
    {
      method: 'GET',
      path: new RegExp(`^/${TENANT}/discovery/v2\\.0/keys$`),
      handler: async ({ res }) => sendJson(res, 200, await ctx.tokens.jwks()),
    },
  ];
}
