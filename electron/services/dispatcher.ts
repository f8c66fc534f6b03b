/**
 * The Electron-free half of IPC: validates a request against the contract, calls the service,
 * checks the reply against the contract and wraps it in an envelope. electron/ipc.ts (the real
 * window) and the end-to-end harness (Chromium + exposeBinding) both call it, so tests exercise
 * the same path.
 */
import { invokeContract, isInvokeChannel, type InvokeChannel, type RequestOf, type ResponseOf } from '../../shared/contract.ts';
import { ErrorCode, isCancelled, toShape } from '../../shared/errors.ts';
import type { Envelope } from '../../shared/ipc-envelope.ts';
import type { Logger } from '../../shared/logger.ts';

/** The services behind some channels; the full set (every channel) is what the dispatcher takes. */
export type HandlersFor<K extends InvokeChannel> = {
  readonly [C in K]: (request: RequestOf<C>) => Promise<ResponseOf<C>>;
};
export type Handlers = HandlersFor<InvokeChannel>;

export type Dispatch = (channel: unknown, request: unknown) => Promise<Envelope<unknown>>;

export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  return async (channel, request) => {
    if (!isInvokeChannel(channel)) {
      log.warn('rejected an unknown IPC channel', { channel: String(channel).slice(0, 64) });
      return failure(ErrorCode.UnknownChannel, 'The app asked for an operation that does not exist.', 'Restart the app; if it persists, reinstall it.');
    }
    const parsed = invokeContract[channel].request.safeParse(request);
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');
      log.warn('rejected an invalid IPC request', { channel, where });
      return failure(ErrorCode.InvalidArgument, `Invalid request for ${channel}: ${where}.`, 'Correct the highlighted values and try again.');
    }
    return invoke(channel, parsed.data, handlers, log);
  };
}

async function invoke<C extends InvokeChannel>(channel: C, request: RequestOf<C>, handlers: Handlers, log: Logger): Promise<Envelope<unknown>> {
  const started = Date.now();
  try {
    const handler = handlers[channel] as (r: RequestOf<C>) => Promise<ResponseOf<C>>;
    const value = await handler(request);
    // Replies are held to the contract too: nothing outside the schema (a secret) can ride along.
    const checked = invokeContract[channel].response.safeParse(value);
    if (!checked.success) {
      log.error('refused a reply that does not match the contract', { channel, where: checked.error.issues.map((i) => i.path.join('.')).join('; ') });
      return failure(ErrorCode.Internal, 'The app produced a reply it may not send.', 'Retry the operation. If it happens again, export the log file and report it.');
    }
    log.debug('ipc call done', { channel, ms: Date.now() - started });
    return { ok: true, value: checked.data };
  } catch (error) {
    if (!isCancelled(error)) log.error('ipc call failed', { channel, error });
    return { ok: false, error: toShape(error) };
  }
}

function failure(code: ErrorCode, message: string, remediation: string): Envelope<never> {
  return { ok: false, error: { code, message, remediation } };
}
