/**
 * The Electron-free half of IPC: validates a request against the contract, calls the service
 * and wraps the answer in an envelope. electron/ipc.ts (the real window) and the end-to-end
 * harness (Chromium + exposeBinding) both call it, so tests exercise the same path.
 */
import { invokeContract, isInvokeChannel, type InvokeChannel, type RequestOf, type ResponseOf } from '../../shared/contract.ts';
import { ErrorCode, isCancelled, toShape } from '../../shared/errors.ts';
import type { Envelope } from '../../shared/ipc-envelope.ts';
import type { Logger } from '../log/logger.ts';

export type Handlers = {
  readonly [C in InvokeChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>>;
};

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
    log.debug('ipc call done', { channel, ms: Date.now() - started });
    return { ok: true, value };
  } catch (error) {
    if (!isCancelled(error)) log.error('ipc call failed', { channel, error });
    return { ok: false, error: toShape(error) };
  }
}

function failure(code: ErrorCode, message: string, remediation: string): Envelope<never> {
  return { ok: false, error: { code, message, remediation } };
}
