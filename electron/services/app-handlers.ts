/** The main-side services behind the contract's channels, as plain functions over their deps. */
import type { HashPool } from '../phs/pool.ts';
import type { CryptoSelfTest } from '../self-test/crypto-self-test.ts';
import { checkExternalUrl } from './external-url.ts';
import type { AppChannel, EventOf } from '../../shared/contract.ts';
import type { HandlersFor } from './dispatcher.ts';
import type { PushQueue, PushSender } from './push-queue.ts';

export interface AppDeps {
  readonly name: string;
  readonly version: string;
  readonly platform: string;
  readonly pool: HashPool;
  /** The process's crypto self-test (cached): the same one the engine asks before each cycle. */
  readonly selfTest: Pick<CryptoSelfTest, 'report'>;
  readonly pushes: PushQueue;
  /** How pushes reach this renderer once it is ready. */
  readonly sendPush: PushSender;
  readonly openExternal: (url: string) => Promise<void>;
}

/** The `phs:poolStatus` payload: workers running now, of at most `limit`. */
export function poolStatusOf(pool: HashPool): EventOf<'phs:poolStatus'> {
  const stats = pool.stats();
  return { workers: stats.workers, limit: pool.size, busy: stats.busy, queued: stats.queued };
}

export function createHandlers(deps: AppDeps): HandlersFor<AppChannel> {
  return {
    'app:info': async () => ({
      name: deps.name,
      version: deps.version,
      platform: deps.platform,
      hashWorkers: deps.pool.size,
    }),
    'app:ready': async () => ({ flushed: deps.pushes.ready(deps.sendPush) }),
    'shell:openExternal': async ({ url }) => {
      await deps.openExternal(checkExternalUrl(url).toString());
      return { opened: true };
    },
    'phs:selfTest': async () => {
      const report = await deps.selfTest.report();
      deps.pushes.push('phs:poolStatus', poolStatusOf(deps.pool));
      return report;
    },
  };
}
