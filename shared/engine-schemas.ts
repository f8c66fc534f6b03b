/**
 * What the dashboard reads from the sync engine: its status, recent cycles, a page of users, a
 * diagnosis and the event log. Names, counts, times and results only: never a hash, a password
 * or a token (the schemas are strict, so nothing else can ride along).
 */
import { z } from 'zod';
import { USER_RESULTS } from './user-results.ts';

const when = z.string().max(64).nullable();
const count = z.number().int().nonnegative();

export const engineStateSchema = z.enum([
  'stopped',
  'idle',
  'syncing',
  'waitingToRetry',
  'disabled',
  'notConfigured',
]);
export const userResultSchema = z.enum(USER_RESULTS);
export type UserResultView = z.infer<typeof userResultSchema>;
export const reachabilitySchema = z.enum(['ok', 'failed', 'unknown']);

export const engineStatusViewSchema = z.strictObject({
  state: engineStateSchema,
  enabled: z.boolean(),
  staging: z.boolean(),
  pollSeconds: z.number().nonnegative(),
  health: z.strictObject({
    directory: reachabilitySchema,
    tenant: reachabilitySchema,
    /** The last cycle's error, when it failed. */
    problem: z.strictObject({ code: z.string(), message: z.string(), remediation: z.string() }).nullable(),
    lastHeartbeat: when,
  }),
  lastCycle: z
    .strictObject({
      kind: z.enum(['full', 'delta', 'retry']),
      outcome: z.string().max(32),
      startedAt: z.string(),
      endedAt: when,
    })
    .nullable(),
  nextCycleAt: when,
  counts: z.strictObject({ inScope: count, synced: count, filtered: count, failed: count, staged: count }),
  /** Seconds from the password change on premises to its delivery, for the last delivered user (when known). */
  lastDeltaLatencySeconds: z.number().nonnegative().nullable(),
  upToDate: z.boolean(),
});
export type EngineStatusView = z.infer<typeof engineStatusViewSchema>;

export const cycleViewSchema = z.strictObject({
  id: count,
  kind: z.enum(['full', 'delta', 'retry']),
  startedAt: z.string(),
  outcome: z.string().max(32),
  delivered: count,
  failed: count,
  durationSeconds: z.number().nonnegative(),
});
export type CycleView = z.infer<typeof cycleViewSchema>;

export const userFilterSchema = z.enum(['all', 'delivered', 'failed', 'filtered', 'staged', 'other']);
export type UserFilter = z.infer<typeof userFilterSchema>;

export const usersQuerySchema = z.strictObject({
  query: z.string().max(256),
  result: userFilterSchema,
  offset: count.max(10_000_000),
  limit: z.number().int().min(1).max(500),
});
export type UsersQuery = z.infer<typeof usersQuerySchema>;

export const userRowSchema = z.strictObject({
  id: z.string().max(64),
  name: z.string().max(256),
  upn: z.string().max(1024).nullable(),
  ou: z.string().max(2048),
  lastChangeOnPrem: when,
  lastDelivered: when,
  result: userResultSchema,
  reason: z.string().max(1024).nullable(),
});
export type UserRow = z.infer<typeof userRowSchema>;

export const usersPageSchema = z.strictObject({ total: count, offset: count, rows: z.array(userRowSchema) });
export type UsersPage = z.infer<typeof usersPageSchema>;

export const diagnosisViewSchema = z.strictObject({
  query: z.string().max(1024),
  title: z.string().max(1024),
  severity: z.enum(['ok', 'info', 'warning', 'error']),
  summary: z.string().max(4096),
  remediation: z.string().max(4096).nullable(),
  facts: z.array(z.strictObject({ label: z.string().max(64), value: z.string().max(4096) })).max(64),
});
export type DiagnosisView = z.infer<typeof diagnosisViewSchema>;

export const eventLevelSchema = z.enum(['info', 'warning', 'error']);
export const eventViewSchema = z.strictObject({
  seq: count,
  id: count,
  at: z.string(),
  level: eventLevelSchema,
  message: z.string().max(4096),
});
export type EventView = z.infer<typeof eventViewSchema>;
