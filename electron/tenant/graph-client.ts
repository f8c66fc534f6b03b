/**
 * Microsoft Graph over our HTTPS client: JSON calls with retries on throttling/unavailability
 * (Retry-After, jittered backoff, bounded) and collection reads that follow @odata.nextLink
 * (only on the Graph host, and only up to a page limit).
 */
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { silentLogger, type Logger } from '../../shared/logger.ts';
import { authorizedJson, errorForStatus } from './authorized-request.ts';
import type { HttpMethod, HttpsClient } from './https-client.ts';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry.ts';
import { systemClock } from '../engine/clock.ts';
import type { Clock } from '../engine/ports.ts';
import type { TokenProvider } from './tenant-auth.ts';

export interface GraphClientOptions {
  readonly graphBaseUrl: string;
  readonly tokens: TokenProvider;
  readonly http: HttpsClient;
  readonly logger?: Logger;
  readonly retry?: RetryPolicy;
  readonly clock?: Clock;
  readonly maxPages?: number;
}

export class GraphClient {
  readonly #o: GraphClientOptions;
  readonly #log: Logger;
  readonly #origin: string;

  constructor(options: GraphClientOptions) {
    this.#o = options;
    this.#log = (options.logger ?? silentLogger).child('tenant.graph');
    this.#origin = new URL(options.graphBaseUrl).origin;
  }

  /** `path` is relative to the Graph base, e.g. "/v1.0/organization". Returns the parsed body (undefined for 204). */
  async call(method: HttpMethod, pathOrUrl: string, body?: unknown, signal?: AbortSignal): Promise<unknown> {
    const url = pathOrUrl.startsWith('https://') ? pathOrUrl : `${this.#o.graphBaseUrl}${pathOrUrl}`;
    if (new URL(url).origin !== this.#origin) {
      throw new AppError(
        ErrorCode.TenantRequestFailed,
        'Graph pointed to another host; the call was not made.',
        'Check graphBaseUrl in the tenant file.',
      );
    }
    return withRetry(
      async () => {
        const reply = await authorizedJson(
          this.#o.http,
          this.#o.tokens,
          { method, url, ...(body === undefined ? {} : { body }), ...(signal ? { signal } : {}) },
          this.#log,
        );
        if (reply.status >= 200 && reply.status < 300) return reply.body;
        throw errorForStatus(reply, `${method} ${new URL(url).pathname}`);
      },
      this.#o.retry ?? DEFAULT_RETRY,
      this.#o.clock ?? systemClock,
      signal,
    );
  }

  get(path: string, signal?: AbortSignal): Promise<unknown> {
    return this.call('GET', path, undefined, signal);
  }

  /** Every item of a collection, across pages. */
  async getAll(path: string, signal?: AbortSignal): Promise<unknown[]> {
    const items: unknown[] = [];
    const maxPages = this.#o.maxPages ?? 1000;
    let next: string | undefined = path;
    for (let page = 0; next !== undefined; page++) {
      if (page >= maxPages) {
        throw new AppError(
          ErrorCode.TenantRequestFailed,
          `Graph returned more than ${maxPages} pages for ${path}.`,
          'Report it: the collection is larger than expected.',
        );
      }
      const body = await this.get(next, signal);
      const o = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
      if (!Array.isArray(o['value']))
        throw new AppError(
          ErrorCode.TenantRequestFailed,
          `Graph sent no collection for ${path}.`,
          'Check graphBaseUrl in the tenant file.',
        );
      items.push(...(o['value'] as unknown[]));
      next = typeof o['@odata.nextLink'] === 'string' ? o['@odata.nextLink'] : undefined;
    }
    return items;
  }
}
