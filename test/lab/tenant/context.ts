/**
 * What every route of the emulator shares: the store, the token issuer, its base URL, options
 * and a bounded event log that tests read to see what the client actually sent.
 */
import type { TenantStore } from './store.ts';
import type { TokenIssuer } from './tokens.ts';

export interface EmulatorEvent {
  readonly time: string;
  readonly kind: 'token' | 'graph' | 'credentials' | 'fault' | 'signin';
  readonly detail: Readonly<Record<string, unknown>>;
}

const MAX_EVENTS = 10_000;

export class EventLog {
  readonly #events: EmulatorEvent[] = [];

  add(kind: EmulatorEvent['kind'], detail: Readonly<Record<string, unknown>>): void {
    this.#events.push({ time: new Date().toISOString(), kind, detail });
    if (this.#events.length > MAX_EVENTS) this.#events.splice(0, this.#events.length - MAX_EVENTS);
  }

  list(kind?: EmulatorEvent['kind']): readonly EmulatorEvent[] {
    return kind === undefined ? [...this.#events] : this.#events.filter((e) => e.kind === kind);
  }

  clear(): void {
    this.#events.length = 0;
  }
}

export interface EmulatorContext {
  readonly store: TenantStore;
  readonly tokens: TokenIssuer;
  /** `https://127.0.0.1:<port>` */
  readonly baseUrl: string;
  readonly deviceCodeIntervalSeconds: number;
  readonly deviceCodeLifetimeSeconds: number;
  readonly graphPageSize: number;
  /** The most users one Graph page holds, whatever `$top` asks (default 999). */
  readonly graphMaxPageSize: number;
  readonly events: EventLog;
}
