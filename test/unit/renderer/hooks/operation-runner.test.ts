/**
 * The cancellable call behind useOperation: ids, running state, cancellation never shown as an
 * error, a replaced run's answer ignored, and no failure dropped — a failed cancel or a real failure
 * of a run nobody awaits any more is logged.
 */
import { describe, expect, it } from 'vitest';
import { AppError, CancelledError, ErrorCode } from '../../../../shared/errors.ts';
import { createOperationRunner } from '../../../../renderer/src/hooks/operation-runner.ts';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function runner(cancelInMain: (opId: string) => Promise<unknown> = async () => ({ cancelled: true })) {
  let n = 0;
  const running: boolean[] = [];
  const cancelled: string[] = [];
  const logged: { what: string; error: unknown }[] = [];
  const ops = createOperationRunner({
    newId: () => `op-${++n}`,
    cancelInMain: (opId) => {
      cancelled.push(opId);
      return cancelInMain(opId);
    },
    setRunning: (r) => running.push(r),
    logDropped: (what, error) => logged.push({ what, error }),
  });
  return { ops, running, cancelled, logged };
}

const boom = new AppError(ErrorCode.LdapConnectionLost, 'The DC went away.', 'Check the network.');

describe('the operation runner', () => {
  it('gives each run a new id and resolves with its value; running is true only while it runs', async () => {
    const { ops, running } = runner();
    const seen: string[] = [];
    expect(await ops.run(async (id) => (seen.push(id), 1))).toEqual({ ok: true, value: 1 });
    expect(await ops.run(async (id) => (seen.push(id), 2))).toEqual({ ok: true, value: 2 });
    expect(seen).toEqual(['op-1', 'op-2']);
    expect(running).toEqual([true, false, true, false]);
  });

  it("resolves with a failure's shape, for the page to show", async () => {
    const { ops, logged } = runner();
    const result = await ops.run(() => Promise.reject(boom));
    expect(result).toEqual({ ok: false, error: boom.toShape() });
    expect(logged).toEqual([]);
  });

  it('cancel asks main to abort that run, and the run settles with no error to show', async () => {
    const { ops, cancelled, running, logged } = runner();
    const work = deferred<number>();
    const result = ops.run(() => work.promise);
    ops.cancel();
    expect(cancelled).toEqual(['op-1']);
    expect(running).toEqual([true, false]);
    work.reject(new CancelledError());
    expect(await result).toEqual({ ok: false, error: null });
    expect(logged).toEqual([]);
  });

  it('ignores the answer of a run cancelled while it finished anyway', async () => {
    const { ops } = runner();
    const work = deferred<number>();
    const result = ops.run(() => work.promise);
    ops.cancel();
    work.resolve(7);
    expect(await result).toEqual({ ok: false, error: null });
  });

  it('cancel with nothing running sends nothing', () => {
    const { ops, cancelled } = runner();
    ops.cancel();
    expect(cancelled).toEqual([]);
  });

  it('logs a failed op:cancel instead of dropping it (the page may be gone)', async () => {
    const refused = new AppError(ErrorCode.Internal, 'Main is shutting down.', 'Restart the app.');
    const { ops, logged } = runner(() => Promise.reject(refused));
    const work = deferred<number>();
    const result = ops.run(() => work.promise);
    ops.cancel();
    work.reject(new CancelledError());
    await result;
    await Promise.resolve();
    expect(logged).toEqual([{ what: 'Cancelling operation op-1', error: refused }]);
  });

  it('logs a real failure of a run replaced by a newer one, and shows only the newer result', async () => {
    const { ops, logged, running } = runner();
    const first = deferred<number>();
    const older = ops.run(() => first.promise);
    const newer = ops.run(async () => 2);
    first.reject(boom);
    expect(await older).toEqual({ ok: false, error: null });
    expect(await newer).toEqual({ ok: true, value: 2 });
    expect(logged).toEqual([{ what: 'Operation op-1, no longer awaited,', error: boom }]);
    expect(running.at(-1)).toBe(false);
  });
});
