/**
 * The device-code flow: POST /{tenant}/oauth2/v2.0/devicecode hands out a device code and a
 * user code; a person opens /devicelogin, enters the user code, signs in, and the app's polling
 * of the token endpoint then succeeds.
 */
import { AAD } from './aad-errors.ts';
import type { EmulatorContext } from './context.ts';
import type { Flows } from './flows.ts';
import { readForm, sendAad, sendHtml, sendJson, type Route } from './http.ts';
import { deviceCodePage, loginPage, messagePage } from './pages.ts';
import { checkCredentials, checkPolicies, isAadError } from './sign-in.ts';
import { graphPermissions } from './tokens.ts';

const SUBTITLE = 'Sign in to PHS Sync on your device (tenant emulator)';

export function deviceCodeRoutes(ctx: EmulatorContext, flows: Flows): Route[] {
  const verificationUri = `${ctx.baseUrl}/devicelogin`;
  return [
    {
      method: 'POST',
      path: /^\/([^/]+)\/oauth2\/v2\.0\/devicecode$/,
      handler: async ({ req, res, params }) => {
        const segment = params[0] ?? '';
        if (!ctx.store.knowsTenant(segment)) return sendAad(res, AAD.tenantNotFound(segment));
        const form = await readForm(req);
        const clientId = form.get('client_id') ?? '';
        if (clientId !== ctx.store.state.clientId) return sendAad(res, AAD.appNotFound(clientId, ctx.store.state.tenantId));
        const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
        if (graphPermissions(scopes) === undefined) return sendAad(res, AAD.badRequest("The provided value for the input parameter 'scope' is not valid."));
        const entry = flows.newDeviceCode(scopes, ctx.deviceCodeLifetimeSeconds);
        sendJson(res, 200, {
          device_code: entry.deviceCode,
          user_code: entry.userCode,
          verification_uri: verificationUri,
          expires_in: ctx.deviceCodeLifetimeSeconds,
          interval: ctx.deviceCodeIntervalSeconds,
          message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${entry.userCode} to authenticate.`,
        });
      },
    },
    { method: 'GET', path: /^\/devicelogin$/, handler: ({ res }) => sendHtml(res, 200, deviceCodePage('/devicelogin')) },
    {
      method: 'POST',
      path: /^\/devicelogin$/,
      handler: async ({ req, res }) => {
        const otc = (await readForm(req)).get('otc') ?? '';
        const entry = flows.deviceByUserCode(otc);
        if (entry === undefined) return sendHtml(res, 200, deviceCodePage('/devicelogin', 'That code is not valid or has expired. Check it and try again.'));
        sendHtml(res, 200, loginPage({ action: '/devicelogin/signin', fields: { otc: entry.userCode }, subtitle: SUBTITLE }));
      },
    },
    {
      method: 'POST',
      path: /^\/devicelogin\/signin$/,
      handler: async ({ req, res }) => {
        const form = await readForm(req);
        const entry = flows.deviceByUserCode(form.get('otc') ?? '');
        if (entry === undefined) return sendHtml(res, 400, messagePage('Sign in', 'That code has expired. Start again on your device.'));
        const username = form.get('username') ?? '';
        const user = checkCredentials(ctx.store, username, form.get('password') ?? '');
        ctx.events.add('signin', { flow: 'device_code', username, ok: !isAadError(user) });
        if (isAadError(user)) {
          return sendHtml(res, 200, loginPage({ action: '/devicelogin/signin', fields: { otc: entry.userCode }, subtitle: SUBTITLE, username, error: `Your account or password is incorrect. (AADSTS${user.code})` }));
        }
        const policy = checkPolicies(ctx.store, user, { interactive: true, permissions: graphPermissions(entry.scopes) ?? [] });
        if (policy !== undefined) {
          entry.declined = true;
          return sendHtml(res, 200, messagePage('Sign-in blocked', `AADSTS${policy.code}: ${policy.description}`));
        }
        entry.userId = user.id;
        sendHtml(res, 200, messagePage('You are signed in', 'You have signed in to PHS Sync on your device. You may now close this window.'));
      },
    },
  ];
}
