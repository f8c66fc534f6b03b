/**
 * Fault injection for reliability tests. Request rules (first match wins) answer with a status
 * (429/503/… with Retry-After), delay the reply, or drop the connection, for the next N matching
 * requests or with a probability drawn from a seeded PRNG. Item faults make single credential
 * items come back throttled/unavailable N times. A rate limit throttles credential items the way
 * Entra's provisioning service does (about 7,000 per 5 minutes per tenant).
 */

export interface FaultRule {
  readonly kind: 'status' | 'slow' | 'drop';
  /** Path prefix to target, e.g. "/graph/v1.0/organization" or "/provisioning/". Default: every path. */
  readonly path?: string;
  readonly method?: string;
  readonly status?: number;
  readonly retryAfterSeconds?: number;
  readonly delayMs?: number;
  /** How many matching requests to affect. Default 1, or unlimited when `probability` is set. */
  readonly count?: number;
  readonly probability?: number;
}

export interface ItemFault {
  readonly sourceAnchor: string;
  readonly result: 'throttled' | 'unavailable';
  readonly count: number;
  readonly retryAfterSeconds?: number;
}

export interface RateLimit {
  readonly items: number;
  readonly windowSeconds: number;
}

interface LiveRule {
  readonly rule: FaultRule;
  remaining: number;
}

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Faults {
  readonly #random: () => number;
  readonly #rules: LiveRule[] = [];
  readonly #items = new Map<string, { fault: ItemFault; remaining: number }>();
  #limit: RateLimit;
  #window: { start: number; used: number } = { start: Date.now(), used: 0 };

  constructor(seed: number, limit: RateLimit) {
    this.#random = seededRandom(seed);
    this.#limit = limit;
  }

  add(rule: FaultRule): void {
    const remaining = rule.count ?? (rule.probability === undefined ? 1 : Number.POSITIVE_INFINITY);
    this.#rules.push({ rule, remaining });
  }

  addItemFault(fault: ItemFault): void {
    this.#items.set(fault.sourceAnchor, { fault, remaining: fault.count });
  }

  setRateLimit(limit: RateLimit): void {
    this.#limit = limit;
    this.#window = { start: Date.now(), used: 0 };
  }

  clear(): void {
    this.#rules.length = 0;
    this.#items.clear();
  }

  /** The rule that applies to this request, if any (its count is used up by the call). */
  match(method: string, path: string): FaultRule | undefined {
    for (const live of this.#rules) {
      const r = live.rule;
      if (live.remaining <= 0) continue;
      if (r.method !== undefined && r.method.toUpperCase() !== method) continue;
      if (r.path !== undefined && !path.startsWith(r.path)) continue;
      if (r.probability !== undefined && this.#random() >= r.probability) continue;
      live.remaining--;
      return r;
    }
    return undefined;
  }

  itemFault(anchor: string): ItemFault | undefined {
    const entry = this.#items.get(anchor);
    if (entry === undefined || entry.remaining <= 0) return undefined;
    entry.remaining--;
    return entry.fault;
  }

  /** Takes one item from the tenant's budget; when it is spent, how long until the window resets. */
  takeCredentialBudget(): { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number } {
    const now = Date.now();
    const windowMs = this.#limit.windowSeconds * 1000;
    if (now - this.#window.start >= windowMs) this.#window = { start: now, used: 0 };
    if (this.#window.used >= this.#limit.items) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((this.#window.start + windowMs - now) / 1000)) };
    }
    this.#window.used++;
    return { ok: true };
  }
}
