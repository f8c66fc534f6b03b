/**
 * msal-node's network module over our HTTPS client, so sign-in trusts exactly the CAs the tenant
 * file allows. MSAL turns non-MSAL errors into a bare "network_error"; to still say *why* (TLS,
 * unreachable, the identity platform's own error), the module remembers the last problem it saw.
 */
import { ClientAuthError, ClientAuthErrorCodes, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import type { HttpsClient, HttpsResponse } from './https-client.ts';

export interface IdentityErrorReply {
  readonly status: number;
  readonly error: string;
  readonly codes: readonly number[];
}

export class MsalNetwork implements INetworkModule {
  readonly #http: HttpsClient;
  readonly #log: Logger;
  /** The last transport failure (TLS, unreachable) since reset(). */
  lastFailure: AppError | undefined;
  /** The last error reply from the identity platform since reset() (e.g. AADSTS90002 on discovery). */
  lastErrorReply: IdentityErrorReply | undefined;

  constructor(http: HttpsClient, log: Logger) {
    this.#http = http;
    this.#log = log;
  }

  reset(): void {
    this.lastFailure = undefined;
    this.lastErrorReply = undefined;
  }

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.#send<T>('GET', url, options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.#send<T>('POST', url, options);
  }

  async #send<T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    let res: HttpsResponse;
    try {
      res = await this.#http.send({
        method, url, headers: options?.headers ?? {},
        ...(options?.body === undefined ? {} : { body: options.body }),
        ...(timeout === undefined ? {} : { timeoutMs: timeout }),
      });
    } catch (error) {
      this.lastFailure = error instanceof AppError ? error : new AppError(ErrorCode.TenantUnavailable, 'The identity platform could not be reached.', 'Retry later.');
      this.#log.warn('identity platform request failed', { method, host: new URL(url).host, path: new URL(url).pathname, code: this.lastFailure.code });
      throw new ClientAuthError(ClientAuthErrorCodes.networkError, '', this.lastFailure.message);
    }
    const requestId = res.headers['x-ms-request-id'] ?? res.headers['request-id'];
    this.#log.debug('identity platform reply', { method, path: new URL(url).pathname, status: res.status, requestId });
    let body: unknown;
    try {
      body = JSON.parse(res.body.toString('utf8'));
    } catch {
      this.lastFailure = new AppError(ErrorCode.TenantUnavailable, `The identity platform sent an unreadable reply (HTTP ${res.status}).`, 'Retry later; if it persists, check the authority URL.');
      throw new ClientAuthError(ClientAuthErrorCodes.networkError, '', this.lastFailure.message);
    }
    if (res.status >= 400 && typeof body === 'object' && body !== null && 'error' in body) {
      const codes = 'error_codes' in body && Array.isArray(body.error_codes) ? body.error_codes.filter((c): c is number => typeof c === 'number') : [];
      this.lastErrorReply = { status: res.status, error: String(body.error), codes };
      this.#log.info('identity platform error', { status: res.status, error: String(body.error), codes, requestId });
    }
    return { status: res.status, headers: { ...res.headers }, body: body as T };
  }
}
