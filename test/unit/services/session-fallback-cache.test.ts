import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../../shared/logger.ts';
import { PushQueue } from '../../../electron/services/push-queue.ts';
import { SessionFallbackCache } from '../../../electron/services/session-fallback-cache.ts';
import { AppError, ErrorCode } from '../../../shared/errors.ts';

const log = createLogger({ process: 'test', sinks: [memorySink()] });
/** A stand-in for MSAL's cache context: what it holds in memory, and whether an access changed it. */
function cacheContext(memory: { text: string }, cacheHasChanged = true): TokenCacheContext {
  const tokenCache = {
    serialize: () => memory.text,
    deserialize: (text: string) => void (memory.text = text),
  };
  return { tokenCache, cacheHasChanged } as unknown as TokenCacheContext;
}
const context = cacheContext({ text: '{}' });

function cacheFailingWith(error: unknown): ICachePlugin {
  return { beforeCacheAccess: () => Promise.reject(error), afterCacheAccess: () => Promise.reject(error) };
}

describe('the app token cache without an OS secret store', () => {
  it('keeps the sign-in for the session and tells the user once, with the remedy', async () => {
    const pushes = new PushQueue(log);
    const sent: unknown[] = [];
    pushes.ready((_c, p) => sent.push(p));
    const cache = new SessionFallbackCache(
      cacheFailingWith(new AppError(ErrorCode.TokenCacheUnavailable, 'No secret store.', 'Run a keyring.')),
      pushes,
      log,
    );
    await cache.beforeCacheAccess(context);
    await cache.afterCacheAccess(context);
    expect(sent).toEqual([{ level: 'warning', message: 'No secret store.', remediation: 'Run a keyring.' }]);
  });

  it('keeps the session in memory: MSAL empties its own before each silent lookup and gets it back', async () => {
    const cache = new SessionFallbackCache(
      cacheFailingWith(new AppError(ErrorCode.TokenCacheUnavailable, 'No secret store.', 'Run a keyring.')),
      new PushQueue(log),
      log,
    );
    const msal = { text: '' };
    await cache.beforeCacheAccess(cacheContext(msal));
    msal.text = '{"AccessToken":{"k":{"secret":"t1"}}}';
    await cache.afterCacheAccess(cacheContext(msal));
    msal.text = ''; // overwriteCache(): cleared before the lookup
    await cache.beforeCacheAccess(cacheContext(msal));
    expect(msal.text).toBe('{"AccessToken":{"k":{"secret":"t1"}}}');
    msal.text = '{"AccessToken":{"k":{"secret":"t2"}}}';
    await cache.afterCacheAccess(cacheContext(msal));
    msal.text = '';
    await cache.afterCacheAccess(cacheContext(msal, false)); // unchanged: nothing replaced
    await cache.beforeCacheAccess(cacheContext(msal));
    expect(msal.text).toBe('{"AccessToken":{"k":{"secret":"t2"}}}');
  });

  it('lets every other failure through', async () => {
    const cache = new SessionFallbackCache(
      cacheFailingWith(new AppError(ErrorCode.TokenCacheCorrupt, 'x', 'y')),
      new PushQueue(log),
      log,
    );
    await expect(cache.afterCacheAccess(context)).rejects.toMatchObject({
      code: ErrorCode.TokenCacheCorrupt,
    });
  });
});
