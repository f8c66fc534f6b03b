/**
 * One authorized JSON call to Graph or the credential endpoint: bearer token from the
 * TokenProvider (refreshed once on 401), a client-request-id per call, the service's request-id
 * logged with it (never the token), and the reply's status turned into a named error. A URL on
 * another origin than the one the token is for is refused before a token is even fetched.
 */
import { randomUUID } from 'node:crypto';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import type { HttpMethod, HttpsClient, HttpsResponse } from './https-client.ts';
import { parseRetryAfter, RetryableError } from './retry.ts';
import type { TokenProvider } from './tenant-auth.ts';

export interface AuthorizedCall {
  readonly method: HttpMethod;
  readonly url: string;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

export interface JsonReply {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

function parseBody(res: HttpsResponse): unknown {
  if (res.body.length === 0) return undefined;
  try {
    return JSON.parse(res.body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Graph's {error:{code,message}}, cut short: service messages are shown, replies are not. */
function serviceError(body: unknown): { code: string; message: string } {
  const e = typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined;
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : 'unknown';
  const message = typeof e === 'object' && e !== null && 'message' in e ? String(e.message).slice(0, 300) : '';
  return { code, message };
}

/** The named error for a non-2xx reply. 429 and 502–504 are retryable (with Retry-After). */
export function errorForStatus(reply: JsonReply, what: string): AppError {
  const { code, message } = serviceError(reply.body);
  const retryAfter = parseRetryAfter(reply.headers['retry-after']);
  const detail = `${what}: HTTP ${reply.status} ${code}${message ? ` — ${message}` : ''}`;
  if (reply.status === 429) return new RetryableError(ErrorCode.TenantThrottled, `The tenant is throttling requests (${detail}).`, 'Wait a few minutes; the sync retries on its own.', retryAfter);
  if ([502, 503, 504].includes(reply.status)) return new RetryableError(ErrorCode.TenantUnavailable, `The service is temporarily unavailable (${detail}).`, 'Retry later; the sync retries on its own.', retryAfter);
  if (reply.status === 401) return new AppError(ErrorCode.TenantNotSignedIn, `The tenant refused the sign-in (${detail}).`, 'Sign in again: phs tenant login (or "Sign in" in the app).');
  if (reply.status === 403) {
    return new AppError(ErrorCode.TenantNotAdmin, `The signed-in account may not do this (${detail}).`,
      'Sign in as a Global Administrator or Hybrid Identity Administrator, and make sure the app has admin consent.');
  }
  return new AppError(ErrorCode.TenantRequestFailed, `The tenant rejected the request (${detail}).`, 'Check the settings shown; if it persists, export the log and report it.');
}

/** A bearer token goes only to the origin it was acquired for (the Graph base URL's). */
export function tokenOriginRefused(url: URL, tokenOrigin: string): AppError {
  return new AppError(ErrorCode.TenantTokenOriginRefused,
    `A request to ${url.origin} was refused before anything was sent: the sign-in token is for ${tokenOrigin} only.`,
    'Check the tenant endpoint: the credential endpoint and every Graph link must be on the Graph URL\'s host and port.');
}

export async function authorizedJson(http: HttpsClient, tokens: TokenProvider, call: AuthorizedCall, log: Logger): Promise<JsonReply> {
  const target = new URL(call.url);
  if (target.origin !== tokens.tokenOrigin) throw tokenOriginRefused(target, tokens.tokenOrigin);
  const clientRequestId = randomUUID();
  const path = target.pathname;
  const once = async (forceRefresh: boolean): Promise<JsonReply> => {
    const token = await tokens.accessToken({ forceRefresh });
    const res = await http.send({
      method: call.method, url: call.url,
      headers: {
        authorization: `Bearer ${token}`, accept: 'application/json', 'client-request-id': clientRequestId,
        ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      ...(call.signal === undefined ? {} : { signal: call.signal }),
    });
    log.info('tenant call', { method: call.method, path, status: res.status, requestId: res.headers['request-id'] ?? null, clientRequestId });
    return { status: res.status, body: parseBody(res), headers: res.headers };
  };
  const first = await once(false);
  // A 401 can mean the token expired in flight: refresh once and retry.
  return first.status === 401 ? once(true) : first;
}
