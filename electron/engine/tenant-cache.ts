/** The tenant's sync settings, read at most once per TTL (a Graph call every few seconds would be noise). */
import type { Clock, TenantControl, TenantSyncSettings } from './ports.ts';

export class TenantSettingsCache {
  readonly #tenant: TenantControl;
  readonly #ttlMs: number;
  readonly #clock: Clock;
  #value: TenantSyncSettings | null = null;
  #readAt = 0;

  constructor(tenant: TenantControl, ttlMs: number, clock: Clock) {
    this.#tenant = tenant;
    this.#ttlMs = ttlMs;
    this.#clock = clock;
  }

  async get(signal: AbortSignal): Promise<TenantSyncSettings> {
    if (this.#value && this.#clock.now() - this.#readAt < this.#ttlMs) return this.#value;
    const value = await this.#tenant.readSettings(signal);
    this.#value = value;
    this.#readAt = this.#clock.now();
    return value;
  }

  /** The last value read, without asking the tenant. */
  peek(): TenantSyncSettings | null {
    return this.#value;
  }

  invalidate(): void {
    this.#value = null;
  }
}
