import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../../electron/log/logger.ts';
import { PushQueue } from '../../../electron/services/push-queue.ts';
import { SessionFallbackCache } from '../../../electron/services/session-fallback-cache.ts';
import { AppError, ErrorCode } from '../../../shared/errors.ts';

const log = createLogger({ process: 'test', sinks: [memorySink()] });
const context = {} as TokenCacheContext;

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
