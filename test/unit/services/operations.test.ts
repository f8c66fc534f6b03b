import { describe, expect, it } from 'vitest';
import { abortable, Operations } from '../../../electron/services/operations.ts';
import { ErrorCode } from '../../../shared/errors.ts';

describe('Operations', () => {
  it('runs work under an id and forgets it when it settles', async () => {
    const ops = new Operations();
    await expect(ops.run('op-00000001', async () => 42)).resolves.toBe(42);
    expect(ops.size).toBe(0);
    expect(ops.cancel('op-00000001')).toBe(false);
  });

  it('cancels at once, even work that ignores its signal, with the never-shown CancelledError', async () => {
    const ops = new Operations();
    let seen: AbortSignal | undefined;
    const running = ops.run('op-00000002', (signal) => {
      seen = signal;
      return new Promise<number>(() => undefined);
    });
    expect(ops.cancel('op-00000002')).toBe(true);
    await expect(running).rejects.toMatchObject({ code: ErrorCode.Cancelled });
    expect(seen?.aborted).toBe(true);
    expect(ops.size).toBe(0);
  });

  it('refuses a second operation under a running id', async () => {
    const ops = new Operations();
    const first = ops.run('op-00000003', () => new Promise<void>(() => undefined));
    await expect(ops.run('op-00000003', async () => 1)).rejects.toMatchObject({
      code: ErrorCode.InvalidArgument,
    });
    ops.cancelAll();
    await expect(first).rejects.toMatchObject({ code: ErrorCode.Cancelled });
  });
});

describe('abortable', () => {
  it('hands a value that arrives after the abort to the cleanup, and rejects', async () => {
    const controller = new AbortController();
    let release: (v: string) => void = () => undefined;
    const late: string[] = [];
    const result = abortable(new Promise<string>((resolve) => (release = resolve)), controller.signal, (v) =>
      late.push(v),
    );
    controller.abort();
    release('session');
    await expect(result).rejects.toMatchObject({ code: ErrorCode.Cancelled });
    await new Promise((r) => setTimeout(r, 0));
    expect(late).toEqual(['session']);
  });

  it('passes errors through while not aborted', async () => {
    const failure = new Error('boom');
    await expect(abortable(Promise.reject(failure), new AbortController().signal)).rejects.toBe(failure);
  });
});
