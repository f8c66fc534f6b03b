/**
 * Pushes from main to the renderer. Each payload is checked against the contract (so nothing
 * outside the schema, such as a secret, can ride along) and held until the renderer says it
 * is ready; a reload makes it not-ready again. The queue is bounded: the oldest pushes go first.
 */
import { eventContract, type EventChannel, type EventOf } from '../../shared/contract.ts';
import type { Logger } from '../../shared/logger.ts';

export type PushSender = (channel: EventChannel, payload: unknown) => void;

export class PushQueue {
  private readonly pending: { channel: EventChannel; payload: unknown }[] = [];
  private sender: PushSender | null = null;
  private dropped = 0;
  private readonly log: Logger;
  private readonly limit: number;

  constructor(log: Logger, limit = 500) {
    this.log = log;
    this.limit = limit;
  }

  push<E extends EventChannel>(channel: E, payload: EventOf<E>): void {
    const parsed = eventContract[channel].safeParse(payload);
    if (!parsed.success) {
      this.log.error('refused a push that does not match the contract', { channel });
      return;
    }
    if (this.sender) return this.sender(channel, parsed.data);
    this.pending.push({ channel, payload: parsed.data });
    if (this.pending.length > this.limit) {
      this.pending.shift();
      this.dropped++;
    }
  }

  /** The renderer is ready: flush what waited, in order. Returns how many were sent. */
  ready(sender: PushSender): number {
    this.sender = sender;
    const queued = this.pending.splice(0);
    for (const item of queued) sender(item.channel, item.payload);
    if (this.dropped > 0) this.log.warn('pushes were dropped while the renderer was not ready', { dropped: this.dropped });
    this.dropped = 0;
    return queued.length;
  }

  notReady(): void {
    this.sender = null;
  }
}
