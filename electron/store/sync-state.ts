/**
 * The sync engine's state as a StoreModel: per-user records, one cursor per source, settings,
 * run history and the event log. Run history and the event log are bounded (count and age), so
 * the state grows with the directory, not with time.
 */
import type { JournalStoreOptions, StoreModel } from './journal-store.ts';
import { JournalStore } from './journal-store.ts';
import type {
  RunRecord,
  SettingsRecord,
  SyncOp,
  SyncState,
} from '../engine/records.ts';

export interface SyncStateLimits {
  readonly maxEvents: number;
  readonly maxRuns: number;
  /** Events and runs older than this (relative to the newest) are dropped. */
  readonly retentionMs: number;
}

export const DEFAULT_LIMITS: SyncStateLimits = {
  maxEvents: 10_000,
  maxRuns: 1_000,
  retentionMs: 7 * 24 * 3600_000,
};

export const INITIAL_SETTINGS: SettingsRecord = { enabled: false, changedAt: null, forceChangeFeature: null };

function upsertRun(runs: RunRecord[], run: RunRecord): void {
  const last = runs.at(-1);
  const index =
    last !== undefined && last.id === run.id ? runs.length - 1 : runs.findIndex((r) => r.id === run.id);
  if (index >= 0) runs[index] = run;
  else runs.push(run);
}

function trim<T extends { readonly at?: string; readonly startedAt?: string }>(
  list: T[],
  max: number,
  newest: string,
  retentionMs: number,
): void {
  const oldest = Date.parse(newest) - retentionMs;
  let drop = Math.max(0, list.length - max);
  while (drop < list.length && Date.parse(list[drop]!.at ?? list[drop]!.startedAt ?? newest) < oldest) drop++;
  if (drop > 0) list.splice(0, drop);
}

export function syncStateModel(limits: SyncStateLimits = DEFAULT_LIMITS): StoreModel<SyncState, SyncOp> {
  return {
    name: 'sync-state',
    version: 1,
    empty: () => ({
      users: new Map(),
      retries: new Set(),
      cursors: new Map(),
      settings: INITIAL_SETTINGS,
      runs: [],
      events: [],
    }),
    apply(state, op) {
      switch (op.op) {
        case 'user':
          state.users.set(op.user.objectGuid, op.user);
          if (op.user.nextRetryAt === null) state.retries.delete(op.user.objectGuid);
          else state.retries.add(op.user.objectGuid);
          return;
        case 'forget':
          state.users.delete(op.objectGuid);
          state.retries.delete(op.objectGuid);
          return;
        case 'cursor':
          if (op.cursor === null) state.cursors.delete(op.key);
          else state.cursors.set(op.key, op.cursor);
          return;
        case 'settings':
          state.settings = op.settings;
          return;
        case 'run':
          upsertRun(state.runs, op.run);
          trim(state.runs, limits.maxRuns, op.run.startedAt, limits.retentionMs);
          return;
        case 'event':
          state.events.push(op.event);
          trim(state.events, limits.maxEvents, op.event.at, limits.retentionMs);
          return;
        default:
          // An operation from a newer version: refusing would lose the whole state; skip it.
          return;
      }
    },
    *snapshot(state) {
      yield { op: 'settings', settings: state.settings };
      for (const [key, cursor] of state.cursors) yield { op: 'cursor', key, cursor };
      for (const user of state.users.values()) yield { op: 'user', user };
      for (const run of state.runs) yield { op: 'run', run };
      for (const event of state.events) yield { op: 'event', event };
    },
  };
}

export type SyncStore = JournalStore<SyncState, SyncOp>;

/** Opens (creating if needed) the engine's state in `dir`. */
export function openSyncStore(
  dir: string,
  options: JournalStoreOptions & { readonly limits?: SyncStateLimits } = {},
): Promise<SyncStore> {
  return JournalStore.open(dir, syncStateModel(options.limits), options);
}
