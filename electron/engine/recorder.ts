/**
 * The engine's one way to the state store: builds event-log records with stable ids, commits
 * operations as one transaction, and only then tells subscribers (durable first, then visible).
 */
import type { Logger } from '../../shared/logger.ts';
import type { StateStore } from './ports.ts';
import type { EventData, EventRecord, SyncOp } from './records.ts';
import { EVENT_TABLE, type EventId } from './event-ids.ts';
import type { EventHub } from './events.ts';
import type { Clock } from './ports.ts';

export class Recorder {
  readonly store: StateStore;
  readonly hub: EventHub;
  readonly #clock: Clock;
  readonly #log: Logger;
  #seq: number;

  constructor(store: StateStore, hub: EventHub, clock: Clock, log: Logger) {
    this.store = store;
    this.hub = hub;
    this.#clock = clock;
    this.#log = log;
    this.#seq = store.state.events.at(-1)?.seq ?? 0;
  }

  get state(): StateStore['state'] {
    return this.store.state;
  }

  /** An event-log operation (numbered now, stored with the next commit that carries it). */
  event(id: EventId, message: string, data: EventData = {}): SyncOp {
    this.#seq++;
    const event: EventRecord = {
      seq: this.#seq,
      id,
      at: new Date(this.#clock.now()).toISOString(),
      level: EVENT_TABLE[id].level,
      message,
      data,
    };
    return { op: 'event', event };
  }

  async commit(ops: readonly SyncOp[]): Promise<void> {
    if (ops.length === 0) return;
    await this.store.commit(ops);
    for (const op of ops) this.#announce(op);
  }

  /** Records one event on its own. */
  note(id: EventId, message: string, data: EventData = {}): Promise<void> {
    return this.commit([this.event(id, message, data)]);
  }

  #announce(op: SyncOp): void {
    if (op.op === 'event') {
      const { event } = op;
      const fields = { eventId: event.id, ...event.data };
      if (event.level === 'error') this.#log.error(event.message, fields);
      else if (event.level === 'warning') this.#log.warn(event.message, fields);
      else this.#log.info(event.message, fields);
      this.hub.emit({ type: 'log', event });
    } else if (op.op === 'user') {
      const u = op.user;
      this.hub.emit({
        type: 'userResult',
        user: {
          objectGuid: u.objectGuid,
          samAccountName: u.samAccountName,
          upn: u.upn,
          result: u.result,
          reason: u.reason,
          errorCode: u.errorCode,
        },
      });
    }
  }
}
