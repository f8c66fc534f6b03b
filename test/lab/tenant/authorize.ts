/**
 * The authorization endpoint (auth code + PKCE S256) and its login page:
 *   GET  /{tenant}/oauth2/v2.0/authorize  → checks client and loopback redirect URI, shows the form
 *   POST /{tenant}/login                   → checks the password, hands the code back to the app
 * The answer goes to the redirect URI by form_post (what msal-node's loopback expects) or query.
 */
import type { ServerResponse } from 'node:http';
import { aadErrorBody, AAD, type AadError } from './aad-errors.ts';
import type { EmulatorContext } from './context.ts';
import type { AuthorizeRequest, Flows } from './flows.ts';
import { readForm, sendHtml, type Route } from './http.ts';
import { formPostPage, loginPage, messagePage } from './pages.ts';
import { checkCredentials, checkPolicies, isAadError } from './sign-in.ts';
import { graphPermissions } from './tokens.ts';
import { clientInfo } from './token-response.ts';

/** Public clients registered with http://localhost may use any loopback port and path. */
export function isLoopbackRedirect(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1') && u.username === '' && u.password === '' && u.hash === '';
  } catch {
    return false;
  }
}

function parseRequest(ctx: EmulatorContext, q: URLSearchParams): AuthorizeRequest | AadError {
  const clientId = q.get('client_id') ?? '';
  if (clientId !== ctx.store.state.clientId) return AAD.appNotFound(clientId, ctx.store.state.tenantId);
  const redirectUri = q.get('redirect_uri') ?? '';
  if (!isLoopbackRedirect(redirectUri)) return AAD.redirectMismatch();
  if (q.get('response_type') !== 'code') return AAD.badRequest("The only response_type supported is 'code'.");
  const codeChallenge = q.get('code_challenge') ?? '';
  if (q.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(codeChallenge)) {
    return AAD.badRequest('Proof Key for Code Exchange with code_challenge_method S256 is required.');
  }
  const mode = q.get('response_mode') ?? 'query';
  if (mode !== 'form_post' && mode !== 'query') return AAD.badRequest(`response_mode '${mode}' is not supported.`);
  return {
    clientId, redirectUri, codeChallenge, responseMode: mode,
    scopes: (q.get('scope') ?? '').split(' ').filter(Boolean),
    state: q.get('state') ?? undefined, nonce: q.get('nonce') ?? undefined,
    clientInfo: q.get('client_info') === '1', loginHint: q.get('login_hint') ?? undefined,
  };
}

function backToApp(res: ServerResponse, request: AuthorizeRequest, fields: Record<string, string>): void {
  const all = request.state === undefined ? fields : { ...fields, state: request.state };
  if (request.responseMode === 'form_post') return sendHtml(res, 200, formPostPage(request.redirectUri, all));
  const target = new URL(request.redirectUri);
  for (const [k, v] of Object.entries(all)) target.searchParams.set(k, v);
  res.writeHead(302, { location: target.toString() });
  res.end();
}

function errorFields(e: AadError): Record<string, string> {
  const body = aadErrorBody(e);
  return { error: e.error, error_description: String(body['error_description']), ...(e.suberror ? { suberror: e.suberror } : {}) };
}

export function authorizeRoutes(ctx: EmulatorContext, flows: Flows): Route[] {
  const loginAction = (t: string): string => `/${encodeURIComponent(t)}/login`;
  return [
    {
      method: 'GET',
      path: /^\/([^/]+)\/oauth2\/v2\.0\/authorize$/,
      handler: ({ res, url, params }) => {
        const segment = params[0] ?? '';
        if (!ctx.store.knowsTenant(segment)) return sendHtml(res, 400, messagePage('Sign in', `AADSTS90002: Tenant '${segment}' not found.`));
        const request = parseRequest(ctx, url.searchParams);
        if (isAadError(request)) return sendHtml(res, 400, messagePage('Sign in', `AADSTS${request.code}: ${request.description}`));
        const id = flows.holdRequest(request);
        sendHtml(res, 200, loginPage({ action: loginAction(segment), fields: { request: id }, subtitle: 'Sign in to PHS Sync (tenant emulator)', username: request.loginHint }));
      },
    },
    {
      method: 'POST',
      path: /^\/([^/]+)\/login$/,
      handler: async ({ req, res, params }) => {
        const form = await readForm(req);
        const id = form.get('request') ?? '';
        const request = flows.request(id);
        if (request === undefined) return sendHtml(res, 400, messagePage('Sign in', 'This sign-in request has expired. Start again from the app.'));
        const username = form.get('username') ?? '';
        const user = checkCredentials(ctx.store, username, form.get('password') ?? '');
        ctx.events.add('signin', { flow: 'interactive', username, ok: !isAadError(user) });
        if (isAadError(user)) {
          const error = user.code === 50034 ? "We couldn't find an account with that user name." : 'Your account or password is incorrect.';
          return sendHtml(res, 200, loginPage({ action: loginAction(params[0] ?? ''), fields: { request: id }, subtitle: 'Sign in to PHS Sync (tenant emulator)', username, error: `${error} (AADSTS${user.code})` }));
        }
        const policy = checkPolicies(ctx.store, user, { interactive: true, permissions: graphPermissions(request.scopes) ?? [] });
        if (policy !== undefined) return backToApp(res, request, errorFields(policy));
        const issued = flows.issueCode(id, user.id)!;
        backToApp(res, request, { code: issued.code, ...(request.clientInfo ? { client_info: clientInfo(ctx, user) } : {}) });
      },
    },
  ];
}
