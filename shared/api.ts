/**
 * The one API object the preload exposes to the renderer as `window.phs`.
 * It is derived from the contract: there is no second, hand-written list of calls.
 */
import type { EventChannel, EventOf, InvokeChannel, RequestOf, ResponseOf } from './contract.ts';
import type { Envelope } from './ipc-envelope.ts';

export interface PhsBridge {
  /** Calls a main-side service; resolves to an envelope, never rejects for service errors. */
  invoke<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<Envelope<ResponseOf<C>>>;
  /** Subscribes to a push from main; returns the unsubscribe function. */
  on<E extends EventChannel>(channel: E, listener: (payload: EventOf<E>) => void): () => void;
}

export const BRIDGE_GLOBAL = 'phs';
