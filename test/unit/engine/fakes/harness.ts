/** An engine over fakes and a real state store in a temp folder; restartable like a process. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSyncEngine, type SyncEngine } from '../../../../electron/engine/engine.ts';
import type { Clock, Hasher } from '../../../../electron/engine/ports.ts';
import type { EngineSettings } from '../../../../electron/engine/settings.ts';
import { createLogger, memorySink } from '../../../../shared/logger.ts';
import { openSyncStore, type SyncStore } from '../../../../electron/store/sync-state.ts';
import type { EngineEvent } from '../../../../electron/engine/events.ts';
import { sampleDirectory, type FakeDirectory } from './directory.ts';
import { InlineHasher } from './hasher.ts';
import { FakeSink } from './sink.ts';
import { FakeSource } from './source.ts';
import { FakeTenant } from './tenant.ts';

export const FAST: Partial<EngineSettings> = {
  pollMs: 20,
  delivery: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 5 },
  cycleBackoff: { baseDelayMs: 5, maxDelayMs: 40 },
  userRetry: { baseDelayMs: 60_000, maxDelayMs: 600_000, maxAttempts: 4 },
  scope: {
    includeOUs: ['OU=Staff,DC=lab,DC=example,DC=test'],
    excludeOUs: ['OU=Contractors,OU=Staff,DC=lab,DC=example,DC=test'],
  },
};

/** Waits until `condition` holds (polling), or fails after `ms`. */
export async function eventually(condition: () => boolean, ms = 3000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 5));
  }
}

export interface HarnessOptions {
  readonly directory?: FakeDirectory;
  readonly settings?: Partial<EngineSettings>;
  readonly enable?: boolean;
  readonly hasher?: Hasher;
  readonly clock?: Clock;
}

export class Harness {
  readonly dir = mkdtempSync(join(tmpdir(), 'phs-engine-'));
  readonly directory: FakeDirectory;
  readonly source: FakeSource;
  readonly sink = new FakeSink();
  readonly tenant = new FakeTenant();
  readonly hasher: Hasher;
  readonly logs = memorySink();
  readonly events: EngineEvent[] = [];
  settings: Partial<EngineSettings>;
  store!: SyncStore;
  engine!: SyncEngine;
  readonly #clock: Clock | undefined;

  private constructor(options: HarnessOptions) {
    this.directory = options.directory ?? sampleDirectory();
    this.source = new FakeSource(this.directory);
    this.hasher = options.hasher ?? new InlineHasher();
    this.settings = { ...FAST, ...options.settings };
    this.#clock = options.clock;
  }

  static async create(options: HarnessOptions = {}): Promise<Harness> {
    const h = new Harness(options);
    await h.open();
    if (options.enable ?? true) await h.engine.enable();
    return h;
  }

  async open(): Promise<void> {
    this.store = await openSyncStore(this.dir);
    this.engine = createSyncEngine({
      source: this.source,
      tenant: this.tenant,
      sink: this.sink,
      hasher: this.hasher,
      store: this.store,
      settings: this.settings,
      logger: createLogger({ process: 'test', sinks: [this.logs], level: 'debug' }),
      ...(this.#clock ? { clock: this.#clock } : {}),
    });
    this.engine.events.on((e) => this.events.push(e));
  }

  /** Like a process restart: stop, close the store, open it again with a new engine. */
  async restart(settings?: Partial<EngineSettings>): Promise<void> {
    await this.engine.stop();
    await this.store.close();
    if (settings) this.settings = { ...this.settings, ...settings };
    await this.open();
  }

  user(sam: string) {
    const o = this.directory.byName(sam);
    if (!o) throw new Error(`no ${sam}`);
    return this.store.state.users.get(o.objectGuid);
  }

  async close(): Promise<void> {
    await this.engine.stop();
    await this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
