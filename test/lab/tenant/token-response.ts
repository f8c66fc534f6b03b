/**
 * The successful token reply every grant ends with: access token for Graph, ID token when
 * `openid` was asked for, a new refresh token when `offline_access` was, and `client_info`
 * (base64url JSON {uid, utid}) when the client sent client_info=1, as Entra does.
 */
import type { EmulatorContext } from './context.ts';
import type { EmulatorUser } from './state.ts';

export function clientInfo(ctx: EmulatorContext, user: EmulatorUser): string {
  return Buffer.from(JSON.stringify({ uid: user.id, utid: ctx.store.state.tenantId })).toString('base64url');
}

export interface TokenGrant {
  readonly user: EmulatorUser;
  readonly scopes: readonly string[];
  readonly permissions: readonly string[];
  readonly nonce?: string | undefined;
  readonly clientInfo: boolean;
  readonly grantType: string;
}

export async function tokenResponse(ctx: EmulatorContext, g: TokenGrant): Promise<Record<string, unknown>> {
  const seconds = ctx.tokens.lifetimes.accessTokenSeconds;
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    scope: g.scopes.join(' '),
    expires_in: seconds,
    ext_expires_in: seconds,
    access_token: await ctx.tokens.accessToken(g.user, g.permissions),
  };
  if (g.scopes.includes('openid')) body['id_token'] = await ctx.tokens.idToken(g.user, g.nonce);
  if (g.scopes.includes('offline_access')) {
    body['refresh_token'] = ctx.store.newRefreshToken(g.user.id, g.scopes, ctx.tokens.lifetimes.refreshTokenSeconds);
  }
  if (g.clientInfo) body['client_info'] = clientInfo(ctx, g.user);
  ctx.events.add('token', { grantType: g.grantType, username: g.user.userPrincipalName, ok: true });
  return body;
}
