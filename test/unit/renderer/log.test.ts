/** A failure nothing on screen can show is logged as a warning — never an error, never dropped. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import { droppedFailureText, logDroppedFailure } from '../../../renderer/src/log.ts';

afterEach(() => vi.restoreAllMocks());

describe('the renderer log of dropped failures', () => {
  it("names what failed and the error's code and message", () => {
    const error = new AppError(ErrorCode.Internal, 'Main is shutting down.', 'Restart the app.');
    expect(droppedFailureText('Cancelling operation op-1', error)).toBe(
      'PHS Sync: Cancelling operation op-1 failed and nothing on screen can show it (INTERNAL): Main is shutting down.',
    );
  });

  it("writes only an unknown error's generic shape, not its own message", () => {
    const text = droppedFailureText('x', new Error('/home/someone/secret path'));
    expect(text).not.toContain('secret');
    expect(text).toContain('(INTERNAL)');
  });

  it('warns, so the e2e suite (which fails on console errors) sees an expected condition', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    logDroppedFailure('Cancelling operation op-1', new Error('gone'));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(error).not.toHaveBeenCalled();
  });
});
