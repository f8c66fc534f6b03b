/**
 * Graph's gatekeeping, done on every call: a valid bearer token from this emulator (signature,
 * issuer, audience, expiry, tenant) → else 401; the delegated permission the route needs → else
 * 403; writes by an administrator (Global or Hybrid Identity Administrator) → else 403.
 * Errors use Graph's shape: {error:{code, message, innerError:{date, request-id, client-request-id}}}.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './context.ts';
import { header, sendJson, type Ctx, type Handler } from './http.ts';
import type { EmulatorUser } from './state.ts';

export function graphError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  const requestId = String(res.getHeader('request-id') ?? '');
  const clientRequestId = String(res.getHeader('client-request-id') ?? '');
  sendJson(res, status, {
    error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': requestId, 'client-request-id': clientRequestId } },
  }, headers);
}

export interface GraphCaller {
  readonly user: EmulatorUser;
  readonly scopes: readonly string[];
}

async function caller(ctx: EmulatorContext, req: IncomingMessage): Promise<GraphCaller | undefined> {
  const auth = header(req, 'authorization') ?? '';
  const m = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(auth);
  if (!m) return undefined;
  try {
    const verified = await ctx.tokens.verifyAccessToken(m[1]!);
    const user = ctx.store.userById(verified.oid);
    return user === undefined || !user.accountEnabled ? undefined : { user, scopes: verified.scopes };
  } catch {
    return undefined;
  }
}

export interface GuardOptions {
  /** Any one of these delegated permissions suffices. */
  readonly anyOf: readonly string[];
  readonly adminOnly?: boolean;
}

export type GraphHandler = (c: Ctx, who: GraphCaller) => Promise<void> | void;

/** Wraps a handler with token verification, the permission check and (for writes) the role check. */
export function guarded(ctx: EmulatorContext, kind: 'graph' | 'credentials', options: GuardOptions, handler: GraphHandler): Handler {
  return async (c) => {
    const who = await caller(ctx, c.req);
    ctx.events.add(kind, { method: c.req.method, path: c.url.pathname, user: who?.user.userPrincipalName ?? null });
    if (who === undefined) {
      return graphError(c.res, 401, 'InvalidAuthenticationToken', 'Access token is empty, invalid or has expired.', {
        'www-authenticate': 'Bearer realm="", error="invalid_token"',
      });
    }
    if (!options.anyOf.some((p) => who.scopes.includes(p))) {
      return graphError(c.res, 403, 'Authorization_RequestDenied', `Insufficient privileges: the token lacks ${options.anyOf.join(' or ')}.`);
    }
    if (options.adminOnly === true && !ctx.store.isAdmin(who.user)) {
      return graphError(c.res, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
    }
    await handler(c, who);
  };
}

/**
 * `$top` (1–999, default the emulator's page size; never more than its maximum page size, as Graph
 * may return fewer than asked) and `$skiptoken` (an opaque offset). The next link keeps `$select`.
 */
export function paged<T>(ctx: EmulatorContext, c: Ctx, items: readonly T[]): Record<string, unknown> {
  const topText = c.url.searchParams.get('$top');
  const asked = topText === null ? ctx.graphPageSize : Math.min(999, Math.max(1, Number.parseInt(topText, 10) || ctx.graphPageSize));
  const top = Math.min(asked, ctx.graphMaxPageSize);
  const skipText = c.url.searchParams.get('$skiptoken');
  const offset = skipText === null ? 0 : Number.parseInt(Buffer.from(skipText, 'base64url').toString('utf8'), 10) || 0;
  const page = items.slice(offset, offset + top);
  const body: Record<string, unknown> = { '@odata.context': `${ctx.baseUrl}/graph/v1.0/$metadata`, value: page };
  if (offset + top < items.length) {
    const next = new URL(`${ctx.baseUrl}${c.url.pathname}`);
    const select = c.url.searchParams.get('$select');
    if (select !== null) next.searchParams.set('$select', select);
    next.searchParams.set('$top', String(top));
    next.searchParams.set('$skiptoken', Buffer.from(String(offset + top)).toString('base64url'));
    body['@odata.nextLink'] = next.toString();
  }
  return body;
}
