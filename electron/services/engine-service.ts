/**
 * The engine inside the app: opens it from the wizard's saved configuration (host/app-engine.ts),
 * runs the first full sync that Configure asks for (the wizard's FirstSyncPort), starts the delta
 * loop on later app starts (it delivers only while password hash sync is on), and turns the engine's events into
 * throttled `engine:progress` and `engine:status` pushes. No payload carries a secret.
 */
import { EventId } from '../engine/event-ids.ts';
import type { EngineStatusView } from '../../shared/engine-schemas.ts';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import type { EngineProgress } from '../../shared/wizard-schemas.ts';
import type { SyncEngine } from '../engine/engine.ts';
import type { StateStore } from '../engine/ports.ts';
import type { EngineEvent } from '../engine/events.ts';
import type { Logger } from '../../shared/logger.ts';
import type { UserRecord } from '../engine/records.ts';
import type { PushQueue } from './push-queue.ts';
import type { FirstSyncPort } from './wizard.ts';
import { latencyOf, statusView } from './engine-views.ts';

/** The engine as the app runs it (electron/host/ opens it from the wizard's saved configuration). */
export interface AppEngine {
  readonly engine: SyncEngine;
  /** The engine's state (read-only views for the dashboard: users, runs, events). */
  readonly store: StateStore;
  close(): Promise<void>;
}

export interface EngineServiceDeps {
  /** Opens the engine from the saved configuration (throws when it is incomplete). */
  readonly open: () => Promise<AppEngine>;
  /** Whether a configuration was applied (the engine's own record says whether sync is on). */
  readonly configured: () => boolean;
  readonly pushes: PushQueue;
  readonly log: Logger;
  /** Minimum time between two pushes of the same channel (default 250 ms: at most 4/s). */
  readonly throttleMs?: number;
}

export class EngineService {
  readonly #deps: EngineServiceDeps;
  #host: AppEngine | null = null;
  #unsubscribe: (() => void) | null = null;
  #lastHeartbeat: string | null = null;
  /** Of the last delta cycle that delivered, taken when it ended (a later full sync resends old passwords). */
  #deltaLatency: number | null = null;
  #sorted: UserRecord[] | null = null;
  readonly #timers = new Map<string, { last: number; timer: NodeJS.Timeout | null; send: () => void }>();

  constructor(deps: EngineServiceDeps) {
    this.#deps = deps;
  }

  get host(): AppEngine | null {
    return this.#host;
  }

  /** The configured engine, or an error that says how to configure it. */
  require(): AppEngine {
    if (this.#host) return this.#host;
    throw new AppError(
      ErrorCode.EngineNotConfigured,
      'Password hash sync is not configured yet.',
      'Complete the wizard and choose Configure.',
    );
  }

  /** On app start, once configured: open the engine and start its loop (it delivers only when PHS is on). */
  async resume(): Promise<void> {
    if (!this.#deps.configured()) return;
    try {
      const host = await this.#reopen();
      host.engine.start();
    } catch (error) {
      this.#deps.log.warn('the sync engine could not start', { error });
    }
  }

  readonly firstSync: FirstSyncPort = {
    start: async () => {
      const host = await this.#reopen();
      await host.engine.preflight();
      await host.engine.enable({ fullSync: true });
      host.engine.start();
      this.#pushStatus();
    },
    cancel: async () => {
      const host = this.#host;
      if (host === null || host.engine.status().state !== 'syncing') return false;
      await host.engine.stop();
      return true;
    },
  };

  status(): EngineStatusView {
    const host = this.#host;
    if (host === null) return notConfiguredView;
    return statusView(host.engine.status(), {
      lastHeartbeat: this.#lastHeartbeat,
      latencySeconds: this.#deltaLatency,
    });
  }

  /** Every user record sorted by name, cached until the engine records a change. */
  sortedUsers(): readonly UserRecord[] {
    const host = this.#host;
    if (host === null) return [];
    this.#sorted ??= [...host.store.state.users.values()].sort((a, b) =>
      a.samAccountName.localeCompare(b.samAccountName),
    );
    return this.#sorted;
  }

  async close(): Promise<void> {
    for (const t of this.#timers.values()) if (t.timer) clearTimeout(t.timer);
    this.#unsubscribe?.();
    await this.#host?.close();
    this.#host = null;
  }

  async #reopen(): Promise<AppEngine> {
    await this.close();
    const host = await this.#deps.open();
    this.#host = host;
    this.#sorted = null;
    // The last heartbeat the engine logged, also before this start (events are kept in the state).
    this.#lastHeartbeat = host.store.state.events.findLast((e) => e.id === EventId.Heartbeat)?.at ?? null;
    this.#deltaLatency = lastDeltaLatency(host);
    this.#unsubscribe = host.engine.events.on((event) => this.#onEvent(event));
    return host;
  }

  #onEvent(event: EngineEvent): void {
    if (event.type === 'userResult' || event.type === 'cycleCompleted') this.#sorted = null;
    if (event.type === 'heartbeat') this.#lastHeartbeat = event.at;
    if (event.type === 'cycleCompleted' && event.run.kind === 'delta' && event.run.counts.delivered > 0) {
      const host = this.#host;
      if (host !== null) this.#deltaLatency = lastDeltaLatency(host);
    }
    // `engine:progress` follows full syncs (the first one on Ready); a delta cycle only moves the status.
    if (event.type === 'progress' && event.progress.kind === 'full') {
      const { phase, done, total, totalKnown, ratePerSecond, etaSeconds } = event.progress;
      this.#throttled('progress', () =>
        this.#deps.pushes.push(
          'engine:progress',
          progressOf(phase, done, total, totalKnown, ratePerSecond, etaSeconds),
        ),
      );
    } else if (event.type === 'cycleCompleted' && event.run.kind === 'full') {
      this.#cancelThrottled('progress'); // a progress still waiting for its slot must not follow the outcome
      const c = event.run.counts;
      const done = c.delivered + c.failed + c.staged + c.noPassword + c.filtered + c.outOfScope + c.unchanged;
      const phase = event.run.outcome === 'running' ? 'completed' : event.run.outcome;
      this.#deps.pushes.push('engine:progress', progressOf(phase, done, Math.max(done, c.seen), true, 0, 0));
    }
    if (event.type !== 'userResult' && event.type !== 'progress') this.#pushStatus();
    else this.#throttled('status', () => this.#pushStatus());
  }

  #pushStatus(): void {
    this.#deps.pushes.push('engine:status', this.status());
  }

  #cancelThrottled(key: string): void {
    const slot = this.#timers.get(key);
    if (slot?.timer) clearTimeout(slot.timer);
    if (slot) slot.timer = null;
  }

  /** Runs `send` at most once per throttle window; the last call in a window is sent at its end. */
  #throttled(key: string, send: () => void): void {
    const ms = this.#deps.throttleMs ?? 250;
    const slot = this.#timers.get(key) ?? { last: 0, timer: null, send };
    this.#timers.set(key, slot);
    slot.send = send;
    if (slot.timer) return;
    const wait = slot.last + ms - Date.now();
    const fire = (): void => {
      slot.timer = null;
      slot.last = Date.now();
      slot.send();
    };
    if (wait <= 0) fire();
    else slot.timer = setTimeout(fire, wait);
  }
}

/** The latency of the last delta cycle that delivered: its latest delivery, against its change. */
function lastDeltaLatency(host: AppEngine): number | null {
  const delta = host.store.state.runs.findLast((r) => r.kind === 'delta' && r.counts.delivered > 0);
  if (delta === undefined) return null;
  const until = delta.endedAt ?? '\uffff';
  let latest: UserRecord | undefined;
  for (const u of host.store.state.users.values())
    if (
      u.deliveredAt !== null &&
      u.deliveredAt >= delta.startedAt &&
      u.deliveredAt <= until &&
      (latest?.deliveredAt ?? '') < u.deliveredAt
    )
      latest = u;
  return latest ? latencyOf(latest) : null;
}

function progressOf(
  phase: EngineProgress['phase'],
  done: number,
  total: number,
  totalKnown: boolean,
  rate: number,
  eta: number | null,
): EngineProgress {
  const int = (n: number): number => Math.max(0, Math.round(n));
  return {
    phase,
    done: int(done),
    total: int(Math.max(total, done)),
    totalKnown,
    ratePerSecond: Math.max(0, rate),
    etaSeconds: eta === null ? null : Math.max(0, eta),
  };
}

const notConfiguredView: EngineStatusView = {
  state: 'notConfigured',
  enabled: false,
  staging: false,
  pollSeconds: 0,
  health: { directory: 'unknown', tenant: 'unknown', problem: null, lastHeartbeat: null },
  lastCycle: null,
  nextCycleAt: null,
  counts: { inScope: 0, synced: 0, filtered: 0, failed: 0, staged: 0 },
  lastDeltaLatencySeconds: null,
  upToDate: false,
};
