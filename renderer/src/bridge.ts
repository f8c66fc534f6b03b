/**
 * The renderer's only way to main: `window.phs`, the object the preload exposes (PhsBridge).
 * `call` unwraps the envelope and rethrows a failure as the AppError it was in main;
 * `subscribe` listens for a push. Nothing else in the renderer touches `window.phs`.
 */
import { BRIDGE_GLOBAL, type PhsBridge } from '../../shared/api.ts';
import type { EventChannel, EventOf, InvokeChannel, RequestOf, ResponseOf } from '../../shared/contract.ts';
import { AppError, ErrorCode, fromShape } from '../../shared/errors.ts';

declare global {
  interface Window {
    /** Present when the page runs inside the app (preload) or the end-to-end harness. */
    readonly [BRIDGE_GLOBAL]?: PhsBridge;
  }
}

function bridge(): PhsBridge {
  const api = window[BRIDGE_GLOBAL];
  if (api === undefined) {
    throw new AppError(
      ErrorCode.Internal,
      'This window is not connected to the PHS Sync main process.',
      'Start the app with "npm start" (or its installed shortcut) rather than opening the page in a browser.',
    );
  }
  return api;
}

export async function call<C extends InvokeChannel>(
  channel: C,
  request: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const envelope = await bridge().invoke(channel, request);
  if (envelope.ok) return envelope.value;
  throw fromShape(envelope.error);
}

export function subscribe<E extends EventChannel>(
  channel: E,
  listener: (payload: EventOf<E>) => void,
): () => void {
  return bridge().on(channel, listener);
}
