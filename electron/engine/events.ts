/** What the engine tells its subscribers (the IPC adapter, the CLI, tests). No secret is ever in an event. */
import type { EventRecord, RunKind, RunRecord, UserResult } from './records.ts';
import type { Logger } from '../../shared/logger.ts';

export type EngineState = 'stopped' | 'idle' | 'syncing' | 'waitingToRetry' | 'disabled';

export interface Progress {
  readonly runId: number;
  readonly kind: RunKind;
  /** reading: waiting for the first page; syncing: pages flowing; finishing: last deliveries. */
  readonly phase: 'reading' | 'syncing' | 'finishing';
  readonly done: number;
  /** Best estimate of the users this cycle will handle (grows for delta cycles). */
  readonly total: number;
  /** false: nothing told the total in advance (a first full sync): `total` is what was read so far. */
  readonly totalKnown: boolean;
  readonly ratePerSecond: number;
  readonly etaSeconds: number | null;
}

export interface UserResultEvent {
  readonly objectGuid: string;
  readonly samAccountName: string;
  readonly upn: string | null;
  readonly result: UserResult;
  readonly reason: string | null;
  readonly errorCode: string | null;
}

export type EngineEvent =
  | { readonly type: 'state'; readonly state: EngineState }
  | { readonly type: 'cycleStarted'; readonly run: RunRecord }
  | { readonly type: 'progress'; readonly progress: Progress }
  | { readonly type: 'cycleCompleted'; readonly run: RunRecord }
  | { readonly type: 'userResult'; readonly user: UserResultEvent }
  | { readonly type: 'heartbeat'; readonly at: string }
  | { readonly type: 'log'; readonly event: EventRecord };

export type EngineListener = (event: EngineEvent) => void;

export interface EngineEvents {
  /** Subscribes; returns the function that unsubscribes. */
  on(listener: EngineListener): () => void;
}

export class EventHub implements EngineEvents {
  readonly #listeners = new Set<EngineListener>();
  readonly #log: Logger;

  constructor(log: Logger) {
    this.#log = log;
  }

  on(listener: EngineListener): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  emit(event: EngineEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        // A subscriber's bug must not stop the engine.
        this.#log.error('an engine event listener threw', { type: event.type, error });
      }
    }
  }
}
