import { describe, expect, it } from 'vitest';
import { PushQueue } from '../../../electron/services/push-queue.ts';
import { createLogger, memorySink } from '../../../shared/logger.ts';
import type { EventOf } from '../../../shared/contract.ts';

const log = createLogger({ process: 'test', sinks: [memorySink()] });

describe('PushQueue', () => {
  it('refuses payloads outside the contract, so no extra field can ride along', () => {
    const q = new PushQueue(log);
    const sent: unknown[] = [];
    q.ready((_c, p) => sent.push(p));
    q.push('app:notice', { level: 'info', message: 'ok', ntHash: 'x' } as unknown as EventOf<'app:notice'>);
    q.push('phs:poolStatus', { workers: -1, limit: 2, busy: 0, queued: 0 });
    q.push('phs:poolStatus', { workers: 2, limit: 2, busy: 1, queued: 0 });
    expect(sent).toEqual([{ workers: 2, limit: 2, busy: 1, queued: 0 }]);
  });

  it('is bounded while not ready, dropping the oldest, and queues again after a reload', () => {
    const q = new PushQueue(log, 3);
    for (let i = 0; i < 5; i++) q.push('app:notice', { level: 'info', message: `m${i}` });
    const sent: string[] = [];
    expect(q.ready((_c, p) => sent.push((p as { message: string }).message))).toBe(3);
    expect(sent).toEqual(['m2', 'm3', 'm4']);
    q.notReady();
    q.push('app:notice', { level: 'info', message: 'later' });
    expect(sent).toHaveLength(3);
    q.ready((_c, p) => sent.push((p as { message: string }).message));
    expect(sent.at(-1)).toBe('later');
  });
});
