/**
 * The app's token cache plugin: the sealed file cache, except that when the OS offers no secret
 * store (Linux without a keyring) the sign-in still works and is kept in memory for this session
 * only, instead of failing; the user is told once, with the remediation, through an `app:notice`.
 * MSAL empties its in-memory cache before every silent token lookup and reloads it through this
 * plugin, so the session's copy lives here, not in MSAL.
 */
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import type { PushQueue } from './push-queue.ts';

export class SessionFallbackCache implements ICachePlugin {
  readonly #inner: ICachePlugin;
  readonly #pushes: PushQueue;
  readonly #log: Logger;
  #warned = false;
  /** The serialized cache of this session, once the OS store refused to keep it. */
  #session: string | undefined;

  constructor(inner: ICachePlugin, pushes: PushQueue, log: Logger) {
    this.#inner = inner;
    this.#pushes = pushes;
    this.#log = log;
  }

  async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
    if (this.#session !== undefined) return context.tokenCache.deserialize(this.#session);
    try {
      await this.#inner.beforeCacheAccess(context);
    } catch (error) {
      this.#fallBack(error);
    }
  }

  async afterCacheAccess(context: TokenCacheContext): Promise<void> {
    if (this.#session !== undefined) {
      if (context.cacheHasChanged) this.#session = context.tokenCache.serialize();
      return;
    }
    try {
      await this.#inner.afterCacheAccess(context);
    } catch (error) {
      this.#fallBack(error);
      this.#session = context.tokenCache.serialize();
    }
  }

  #fallBack(error: unknown): void {
    if (!(error instanceof AppError) || error.code !== ErrorCode.TokenCacheUnavailable) throw error;
    if (this.#warned) return;
    this.#warned = true;
    this.#log.warn('the sign-in is kept for this session only: no OS secret store');
    this.#pushes.push('app:notice', {
      level: 'warning',
      message: error.message,
      remediation: error.remediation,
    });
  }
}
