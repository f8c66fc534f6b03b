/** The main-side services behind the contract's channels, as plain functions over their deps. */
import type { HashPool } from '../phs/pool.ts';
import { runSelfTest } from '../phs/self-test.ts';
import { checkExternalUrl } from './external-url.ts';
import type { AppChannel } from '../../shared/contract.ts';
import type { HandlersFor } from './dispatcher.ts';
import type { PushQueue, PushSender } from './push-queue.ts';

export interface AppDeps {
  readonly name: string;
  readonly version: string;
  readonly platform: string;
  readonly pool: HashPool;
  readonly pushes: PushQueue;
  /** How pushes reach this renderer once it is ready. */
  readonly sendPush: PushSender;
  readonly openExternal: (url: string) => Promise<void>;
}

export function createHandlers(deps: AppDeps): HandlersFor<AppChannel> {
  return {
    'app:info': async () => ({ name: deps.name, version: deps.version, platform: deps.platform, hashWorkers: deps.pool.size }),
    'app:ready': async () => ({ flushed: deps.pushes.ready(deps.sendPush) }),
    'shell:openExternal': async ({ url }) => {
      await deps.openExternal(checkExternalUrl(url).toString());
      return { opened: true };
    },
    'phs:selfTest': async () => {
      const result = await runSelfTest(deps.pool);
      const stats = deps.pool.stats();
      deps.pushes.push('phs:poolStatus', { workers: stats.workers, busy: stats.busy, queued: stats.queued });
      return result;
    },
  };
}
