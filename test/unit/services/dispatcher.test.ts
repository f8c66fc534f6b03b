import { afterAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/services/dispatcher.ts';
import { createHandlers } from '../../../electron/services/app-handlers.ts';
import { PushQueue } from '../../../electron/services/push-queue.ts';
import { HashPool } from '../../../electron/phs/pool.ts';
import { CryptoSelfTest } from '../../../electron/self-test/crypto-self-test.ts';
import { createLogger, memorySink } from '../../../shared/logger.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { EngineChannel, WizardChannel } from '../../../shared/contract.ts';
import { stubHandlers } from './stub-handlers.ts';

const sink = memorySink();
const log = createLogger({ process: 'test', sinks: [sink], level: 'debug' });
const pool = new HashPool({ size: 1 });
const selfTest = new CryptoSelfTest({ workers: pool });
const pushes = new PushQueue(log);
const pushed: { channel: string; payload: unknown }[] = [];
const opened: string[] = [];
const dispatch = createDispatcher(
  {
    ...stubHandlers<WizardChannel | EngineChannel>(),
    ...createHandlers({ name: 'PHS Sync', version: '1.2.3', platform: 'linux', pool, selfTest, pushes, sendPush: (channel, payload) => pushed.push({ channel, payload }), openExternal: async (url) => void opened.push(url) }),
  },
  log,
);
afterAll(() => pool.close());

describe('the IPC dispatcher over the real services', () => {
  it('answers app:info', async () => {
    expect(await dispatch('app:info', {})).toEqual({ ok: true, value: { name: 'PHS Sync', version: '1.2.3', platform: 'linux', hashWorkers: 1 } });
  });

  it('runs the crypto self-test in main and in a hash worker', async () => {
    const reply = await dispatch('phs:selfTest', {});
    expect(reply).toMatchObject({ ok: true, value: { passed: true } });
    const results = reply.ok ? (reply.value as { results: { where: string; passed: boolean }[] }).results : [];
    expect(new Set(results.map((r) => r.where))).toEqual(new Set(['main', 'worker']));
    expect(results.every((r) => r.passed)).toBe(true);
  });

  it('refuses unknown channels and invalid requests with named errors', async () => {
    expect(await dispatch('fs:read', {})).toMatchObject({ ok: false, error: { code: ErrorCode.UnknownChannel } });
    expect(await dispatch('app:info', { extra: 1 })).toMatchObject({ ok: false, error: { code: ErrorCode.InvalidArgument } });
    expect(await dispatch('shell:openExternal', { url: 42 })).toMatchObject({ ok: false, error: { code: ErrorCode.InvalidArgument } });
    expect(await dispatch('app:info', null)).toMatchObject({ ok: false, error: { code: ErrorCode.InvalidArgument } });
  });

  it('opens only allow-listed links, and says which are refused', async () => {
    expect(await dispatch('shell:openExternal', { url: 'https://learn.microsoft.com/entra/' })).toEqual({ ok: true, value: { opened: true } });
    const refused = await dispatch('shell:openExternal', { url: 'https://evil.example/x' });
    expect(refused).toMatchObject({ ok: false, error: { code: ErrorCode.UrlNotAllowed } });
    expect(opened).toEqual(['https://learn.microsoft.com/entra/']);
  });

  it('holds pushes until the renderer is ready, then flushes them in order', async () => {
    pushes.push('app:notice', { level: 'info', message: 'first' });
    pushes.push('app:notice', { level: 'warning', message: 'second' });
    expect(pushed).toEqual([]);
    // The self-test above queued a pool status push too.
    expect(await dispatch('app:ready', {})).toEqual({ ok: true, value: { flushed: 3 } });
    expect(pushed.map((p) => p.channel)).toEqual(['phs:poolStatus', 'app:notice', 'app:notice']);
    expect(pushed.slice(1).map((p) => (p.payload as { message: string }).message)).toEqual(['first', 'second']);
    pushes.push('app:notice', { level: 'info', message: 'live' });
    expect(pushed).toHaveLength(4);
  });

  it('never turns an unexpected error into a message that leaks its text', async () => {
    const failing = createDispatcher({
      ...stubHandlers<WizardChannel | EngineChannel>(),
      'app:info': async () => { throw new Error('secret path /home/admin/.ssh and hash 92937945b518814341de3f726500d4ff'); },
      'app:ready': async () => ({ flushed: 0 }),
      'shell:openExternal': async () => ({ opened: true }),
      'phs:selfTest': async () => ({ passed: true, results: [], millis: 0 }),
    }, log);
    const reply = await failing('app:info', {});
    expect(reply).toMatchObject({ ok: false, error: { code: ErrorCode.Internal } });
    expect(JSON.stringify(reply)).not.toContain('ssh');
    expect(sink.lines.join('\n')).not.toContain('92937945b518814341de3f726500d4ff');
  });

  it('refuses a reply that carries more than the contract allows, so nothing can ride along', async () => {
    const leaky = createDispatcher({
      ...stubHandlers<WizardChannel | EngineChannel>(),
      'app:info': async () => ({ name: 'x', version: '1', platform: 'linux', hashWorkers: 1, password: 'PhsLab-Admin-2025!' }) as never,
      'app:ready': async () => ({ flushed: 0 }),
      'shell:openExternal': async () => ({ opened: true }),
      'phs:selfTest': async () => ({ passed: true, results: [], millis: 0 }),
    }, log);
    const reply = await leaky('app:info', {});
    expect(reply).toMatchObject({ ok: false, error: { code: ErrorCode.Internal } });
    expect(JSON.stringify(reply)).not.toContain('PhsLab');
  });
});
