/**
 * The sync engine as a service: the app's IPC layer and the CLI are two adapters over this
 * interface. It wires the ports (ports.ts) to the cycle (cycle.ts), the runner that keeps
 * cycles from overlapping (runner.ts), the delta loop (scheduler.ts) and the state store.
 * Electron-free; cancellation is an AbortSignal everywhere, so stop() is clean and quick.
 */
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { syncOneUser, type UserSyncResult } from './sync-user.ts';
import { silentLogger, type Logger } from '../../shared/logger.ts';
import type { RunRecord } from './records.ts';
import type { StateStore } from './ports.ts';
import { systemClock } from './clock.ts';
import { cursorKey } from './cursor-plan.ts';
import { notEnabled, runCycle, type CycleDeps } from './cycle.ts';
import { diagnose, type Diagnosis } from './diagnose.ts';
import { EventId } from './event-ids.ts';
import { EventHub, type EngineEvents, type EngineState, type Progress } from './events.ts';
import { enableOps, disableTenant, type DisableResult, type EnableResult } from './enablement.ts';
import type { Clock, CredentialSink, CryptoGate, Hasher, ReplicationSource, TenantControl } from './ports.ts';
import { Recorder } from './recorder.ts';
import { CycleRunner, type CycleKind } from './runner.ts';
import { Scheduler } from './scheduler.ts';
import { Scope } from './scope.ts';
import { withDefaults, type EngineSettings } from './settings.ts';
import { buildStatus, countUsers, type EngineStatus } from './status.ts';
import { TenantSettingsCache } from './tenant-cache.ts';

export type { DisableResult, EnableResult };

export interface SyncEngine {
  /** Starts the delta loop (returns at once). */
  start(): void;
  /** Cancels the running cycle and stops the loop; resolves when nothing runs any more. */
  stop(): Promise<void>;
  /** One delta cycle now (after the running one); resolves with its run record. */
  syncNow(): Promise<RunRecord>;
  /** A full password sync now (resumes an unfinished one). */
  fullSync(): Promise<RunRecord>;
  enable(options?: { readonly fullSync?: boolean }): Promise<EnableResult>;
  /** Stops delivering; clears passwordSyncEnabled in the tenant only when `confirmed`. State is kept. */
  disable(options: { readonly confirmed: boolean }): Promise<DisableResult>;
  status(): EngineStatus;
  diagnose(user: string, signal?: AbortSignal): Promise<Diagnosis>;
  /** Reads, hashes and delivers one user's current password now, beside any cycle (sync-user.ts). */
  syncUser(user: string, signal?: AbortSignal): Promise<UserSyncResult>;
  /** Resolves when cycles may run: the crypto self-test passed; rejects with CRYPTO_SELF_TEST_FAILED. */
  preflight(): Promise<void>;
  readonly events: EngineEvents;
}

export interface EngineDeps {
  readonly source: ReplicationSource;
  readonly tenant: TenantControl;
  readonly sink: CredentialSink;
  readonly hasher: Hasher;
  readonly store: StateStore;
  /** Asked before every cycle and user sync: no cycle starts while it fails. */
  readonly selfTest?: CryptoGate;
  readonly settings?: Partial<EngineSettings>;
  readonly clock?: Clock;
  readonly logger?: Logger;
}

export function createSyncEngine(deps: EngineDeps): SyncEngine {
  return new Engine(deps);
}

class Engine implements SyncEngine {
  readonly events: EventHub;
  readonly #deps: EngineDeps;
  readonly #settings: EngineSettings;
  readonly #cycle: CycleDeps;
  readonly #recorder: Recorder;
  readonly #tenant: TenantSettingsCache;
  readonly #runner: CycleRunner;
  readonly #scheduler: Scheduler;
  #loop: { readonly controller: AbortController; readonly done: Promise<void> } | null = null;
  #busy = false;
  #failures = 0;
  #nextAt: number | null = null;
  #progress: Progress | null = null;
  #state: EngineState = 'stopped';
  #recoveryNoted = false;
  #selfTestNoted = false;

  constructor(deps: EngineDeps) {
    this.#deps = deps;
    const settings = withDefaults(deps.settings ?? {});
    const clock = deps.clock ?? systemClock;
    const log = (deps.logger ?? silentLogger).child('engine');
    this.#settings = settings;
    this.events = new EventHub(log);
    this.#recorder = new Recorder(deps.store, this.events, clock, log);
    this.#tenant = new TenantSettingsCache(deps.tenant, settings.tenantSettingsTtlMs, clock);
    this.#cycle = {
      source: deps.source,
      sink: deps.sink,
      hasher: deps.hasher,
      tenant: this.#tenant,
      recorder: this.#recorder,
      clock,
      settings,
      scope: new Scope(settings.scope),
      log,
    };
    this.#runner = new CycleRunner({
      run: (kind, signal) => this.#run(kind, signal),
      clock,
      backoff: settings.cycleBackoff,
      onBusy: (busy) => this.#setBusy(busy),
    });
    this.#scheduler = new Scheduler({
      runner: this.#runner,
      clock,
      pollMs: settings.pollMs,
      backoff: settings.cycleBackoff,
      heartbeatMs: settings.heartbeatMs,
      isEnabled: () => this.#recorder.state.settings.enabled,
      onHeartbeat: () => this.#heartbeat(),
      onWaiting: (failures, nextAt) => {
        this.#failures = failures;
        this.#nextAt = nextAt;
        this.#refresh();
      },
    });
    this.events.on((event) => {
      if (event.type === 'progress') this.#progress = event.progress;
      else if (event.type === 'cycleCompleted') this.#progress = null;
    });
  }

  start(): void {
    if (this.#loop) return;
    const controller = new AbortController();
    // No loop while the self-test fails: its event (501) says why, and the state stays 'stopped'.
    const done = this.preflight().then(
      () => this.#scheduler.run(controller.signal),
      () => {
        if (this.#loop?.controller !== controller) return;
        this.#loop = null;
        this.#refresh();
      },
    );
    this.#loop = { controller, done };
    this.#refresh();
  }

  async stop(): Promise<void> {
    const loop = this.#loop;
    loop?.controller.abort();
    this.#runner.cancelAll();
    await loop?.done;
    await this.#runner.idle();
    this.#loop = null;
    this.#nextAt = null;
    this.#refresh();
  }

  syncNow(): Promise<RunRecord> {
    return this.#request('delta');
  }

  fullSync(): Promise<RunRecord> {
    return this.#request('full');
  }

  async enable(options: { readonly fullSync?: boolean } = {}): Promise<EnableResult> {
    const { ops, result } = await enableOps(
      this.#cycle,
      this.#deps.tenant,
      options.fullSync ?? false,
      AbortSignal.timeout(120_000),
    );
    this.#tenant.invalidate();
    await this.#recorder.commit(ops);
    this.#refresh();
    this.#scheduler.wake();
    return result;
  }

  async disable(options: { readonly confirmed: boolean }): Promise<DisableResult> {
    const { recorder } = this.#cycle;
    await recorder.commit([
      {
        op: 'settings',
        settings: {
          ...recorder.state.settings,
          enabled: false,
          changedAt: new Date(this.#cycle.clock.now()).toISOString(),
        },
      },
      recorder.event(
        EventId.Disabled,
        'Password hash sync was disabled here: nothing is delivered until it is enabled again.',
      ),
    ]);
    this.#runner.abortCurrent();
    await this.#runner.idle();
    this.#refresh();
    const result = await disableTenant(
      this.#cycle,
      this.#deps.tenant,
      options.confirmed,
      AbortSignal.timeout(120_000),
    );
    this.#tenant.invalidate();
    return result;
  }

  status(): EngineStatus {
    return buildStatus(this.#recorder.state, {
      state: this.#state,
      stagingMode: this.#settings.stagingMode,
      pollMs: this.#settings.pollMs,
      cursorKey: cursorKey(this.#deps.source.id, this.#settings.stagingMode),
      progress: this.#progress,
      nextCycleAt: this.#nextAt,
      consecutiveFailures: this.#failures,
      tenant: this.#tenant.peek(),
    });
  }

  async diagnose(user: string, signal?: AbortSignal): Promise<Diagnosis> {
    const limit = AbortSignal.timeout(30_000);
    const both = signal ? AbortSignal.any([signal, limit]) : limit;
    const tenant = await this.#tenant.get(both).catch(() => null);
    return diagnose(
      user,
      {
        source: this.#deps.source,
        state: this.#recorder.state,
        scope: this.#cycle.scope,
        stagingMode: this.#settings.stagingMode,
        tenant: tenant?.features ?? null,
      },
      both,
    );
  }

  async syncUser(user: string, signal?: AbortSignal): Promise<UserSyncResult> {
    if (!this.#recorder.state.settings.enabled) throw notEnabled();
    await this.preflight();
    const limit = AbortSignal.timeout(60_000);
    const both = signal ? AbortSignal.any([signal, limit]) : limit;
    const tenant = await this.#tenant.get(both);
    return syncOneUser(user, this.#cycle, tenant.features, both);
  }

  async preflight(): Promise<void> {
    try {
      await this.#deps.selfTest?.ensurePassed();
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.CryptoSelfTestFailed && !this.#selfTestNoted) {
        this.#selfTestNoted = true;
        await this.#recorder.note(EventId.CryptoSelfTestFailed, error.message).catch(() => undefined);
      }
      throw error;
    }
  }

  #request(kind: CycleKind): Promise<RunRecord> {
    if (!this.#recorder.state.settings.enabled) return Promise.reject(notEnabled());
    return this.#runner.request(kind, this.#settings.cycleAttempts);
  }

  async #run(kind: CycleKind, signal: AbortSignal): ReturnType<typeof runCycle> {
    await this.preflight();
    const dropped = this.#deps.store.stats().droppedTailBytes;
    if (!this.#recoveryNoted && dropped > 0) {
      this.#recoveryNoted = true;
      await this.#recorder.note(
        EventId.StateRecovered,
        `Dropped a torn last write (${dropped} bytes) from the state journal: the engine stopped abruptly; nothing acknowledged was lost.`,
        { bytes: dropped },
      );
    }
    return runCycle(kind, this.#cycle, signal);
  }

  #heartbeat(): void {
    const counts = countUsers(this.#recorder.state);
    const at = new Date(this.#cycle.clock.now()).toISOString();
    void this.#recorder
      .note(
        EventId.Heartbeat,
        `Heartbeat: ${counts.delivered} users delivered, ${counts.failed} failed, ${counts.retryScheduled} scheduled for retry.`,
        { delivered: counts.delivered, failed: counts.failed },
      )
      .catch(() => undefined);
    this.events.emit({ type: 'heartbeat', at });
  }

  #setBusy(busy: boolean): void {
    this.#busy = busy;
    this.#refresh();
  }

  #refresh(): void {
    const state: EngineState = this.#busy
      ? 'syncing'
      : !this.#loop
        ? 'stopped'
        : !this.#recorder.state.settings.enabled
          ? 'disabled'
          : this.#failures > 0
            ? 'waitingToRetry'
            : 'idle';
    if (state === this.#state) return;
    this.#state = state;
    this.events.emit({ type: 'state', state });
  }
}
