/**
 * What actually crosses an invoke channel: Electron serialises thrown errors lossily, so every
 * reply is an explicit envelope and errors travel as their stable shape.
 */
import type { AppErrorShape } from './errors.ts';

export type Envelope<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppErrorShape };

/** The IPC channel names on the wire: invoke channels are used as-is, events get this prefix. */
export const EVENT_WIRE_PREFIX = 'event:';
