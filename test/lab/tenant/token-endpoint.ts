/**
 * POST /{tenant}/oauth2/v2.0/token — grants: authorization_code (PKCE S256 checked),
 * refresh_token (rotated: every use returns a new one; revoked or expired ones fail with
 * invalid_grant), password (ROPC, for automation), and device_code (polled).
 */
import { AAD, type AadError } from './aad-errors.ts';
import type { EmulatorContext } from './context.ts';
import { pkceMatches, type Flows } from './flows.ts';
import { readForm, sendAad, sendJson, type Route } from './http.ts';
import { checkCredentials, checkPolicies, isAadError } from './sign-in.ts';
import type { EmulatorUser } from './state.ts';
import { tokenResponse, type TokenGrant } from './token-response.ts';
import { graphPermissions } from './tokens.ts';

/** RFC 8628's grant type, and the short name Entra (and MSAL) also use. */
const DEVICE_GRANTS: ReadonlySet<string> = new Set(['urn:ietf:params:oauth:grant-type:device_code', 'device_code']);

type GrantOutcome = TokenGrant | AadError;

function scopesOf(form: URLSearchParams): string[] {
  return (form.get('scope') ?? '').split(' ').filter(Boolean);
}

function grantFor(user: EmulatorUser, scopes: readonly string[], form: URLSearchParams, grantType: string, nonce?: string): GrantOutcome {
  const permissions = graphPermissions(scopes);
  if (permissions === undefined) return { status: 400, error: 'invalid_scope', code: 70011, description: 'The provided value for the input parameter \'scope\' is not valid.' };
  return { user, scopes, permissions, nonce, clientInfo: form.get('client_info') === '1', grantType };
}

function authorizationCode(ctx: EmulatorContext, flows: Flows, form: URLSearchParams): GrantOutcome {
  const entry = flows.takeCode(form.get('code') ?? '');
  if (entry === undefined) return AAD.codeRedeemed();
  if (entry.request.redirectUri !== form.get('redirect_uri')) return AAD.redirectMismatch();
  if (!pkceMatches(form.get('code_verifier') ?? '', entry.request.codeChallenge)) return AAD.pkceMismatch();
  const user = ctx.store.userById(entry.userId);
  if (user === undefined) return AAD.badGrant();
  const scopes = scopesOf(form).length > 0 ? scopesOf(form) : [...entry.request.scopes];
  return grantFor(user, scopes, form, 'authorization_code', entry.request.nonce);
}

function refreshToken(ctx: EmulatorContext, form: URLSearchParams): GrantOutcome {
  const grant = ctx.store.refreshGrant(form.get('refresh_token') ?? '');
  if (isAadError(grant)) return grant;
  const user = ctx.store.userById(grant.userId);
  if (user === undefined) return AAD.badGrant();
  if (!user.accountEnabled) return AAD.disabled();
  const scopes = scopesOf(form).length > 0 ? scopesOf(form) : grant.scopes;
  const outcome = grantFor(user, scopes, form, 'refresh_token');
  if (isAadError(outcome)) return outcome;
  // MFA was satisfied when the session began; consent can still have been withdrawn since.
  return checkPolicies(ctx.store, user, { interactive: true, permissions: outcome.permissions }) ?? outcome;
}

function password(ctx: EmulatorContext, form: URLSearchParams): GrantOutcome {
  const user = checkCredentials(ctx.store, form.get('username') ?? '', form.get('password') ?? '');
  ctx.events.add('signin', { flow: 'password', username: form.get('username') ?? '', ok: !isAadError(user) });
  if (isAadError(user)) return user;
  const outcome = grantFor(user, scopesOf(form), form, 'password');
  if (isAadError(outcome)) return outcome;
  return checkPolicies(ctx.store, user, { interactive: false, permissions: outcome.permissions }) ?? outcome;
}

function deviceCode(ctx: EmulatorContext, flows: Flows, form: URLSearchParams): GrantOutcome {
  const entry = flows.device(form.get('device_code') ?? '');
  if (entry === undefined) return AAD.badGrant();
  if (entry.expiresAt <= Date.now()) return AAD.deviceExpired();
  if (entry.declined) return AAD.declined();
  if (entry.userId === undefined) return AAD.pending();
  flows.forgetDevice(entry.deviceCode);
  const user = ctx.store.userById(entry.userId);
  return user === undefined ? AAD.badGrant() : grantFor(user, entry.scopes, form, 'device_code');
}

export function tokenRoutes(ctx: EmulatorContext, flows: Flows): Route[] {
  return [{
    method: 'POST',
    path: /^\/([^/]+)\/oauth2\/v2\.0\/token$/,
    handler: async ({ req, res, params }) => {
      const segment = params[0] ?? '';
      if (!ctx.store.knowsTenant(segment)) return sendAad(res, AAD.tenantNotFound(segment));
      const form = await readForm(req);
      const clientId = form.get('client_id') ?? '';
      if (clientId !== ctx.store.state.clientId) return sendAad(res, AAD.appNotFound(clientId, ctx.store.state.tenantId));
      const type = form.get('grant_type') ?? '';
      const outcome =
        type === 'authorization_code' ? authorizationCode(ctx, flows, form)
        : type === 'refresh_token' ? refreshToken(ctx, form)
        : type === 'password' ? password(ctx, form)
        : DEVICE_GRANTS.has(type) ? deviceCode(ctx, flows, form)
        : AAD.unsupportedGrant(type);
      if (isAadError(outcome)) {
        if (outcome.error !== 'authorization_pending') ctx.events.add('token', { grantType: type, ok: false, aadsts: outcome.code });
        return sendAad(res, outcome);
      }
      sendJson(res, 200, await tokenResponse(ctx, outcome));
    },
  }];
}
