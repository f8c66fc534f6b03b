/**
 * The dashboard's channels, merged into the one contract by contract.ts: the engine's status,
 * on/off, cycles on demand, the users table (paged and filtered in main, so 100,000 rows stay
 * smooth), a user's diagnosis and the event log. Nothing secret is in any schema.
 */
import { z } from 'zod';
import {
  cycleViewSchema,
  diagnosisViewSchema,
  engineStatusViewSchema,
  eventLevelSchema,
  eventViewSchema,
  userResultSchema,
  usersPageSchema,
  usersQuerySchema,
} from './engine-schemas.ts';

const empty = z.strictObject({});
const userRef = z.strictObject({ user: z.string().trim().min(1).max(1024) });
const started = z.strictObject({ started: z.literal(true) });

export const engineInvokeContract = {
  'engine:getStatus': { request: empty, response: engineStatusViewSchema },
  /** Turning off needs confirmed = true; the reply says what happened, in words. */
  'engine:setEnabled': {
    request: z.strictObject({ enabled: z.boolean(), confirmed: z.boolean() }),
    response: z.strictObject({ enabled: z.boolean(), message: z.string() }),
  },
  /** Start a cycle (it runs in the background; progress comes as pushes). */
  'engine:syncNow': { request: empty, response: started },
  'engine:fullSync': { request: empty, response: started },
  'engine:recentCycles': {
    request: z.strictObject({ limit: z.number().int().min(1).max(200) }),
    response: z.strictObject({ cycles: z.array(cycleViewSchema) }),
  },
  'engine:users': { request: usersQuerySchema, response: usersPageSchema },
  'engine:diagnose': { request: userRef, response: diagnosisViewSchema },
  /** The engine has no single-user delivery: this runs a delta cycle, which picks up the user's change. */
  'engine:syncUser': {
    request: userRef,
    response: z.strictObject({ user: z.string(), result: userResultSchema, message: z.string() }),
  },
  'engine:events': {
    request: z.strictObject({
      severity: eventLevelSchema.optional(),
      limit: z.number().int().min(1).max(1000),
    }),
    response: z.strictObject({ events: z.array(eventViewSchema) }),
  },
  /** Saves the event log through the system's save dialog; path null when the user cancelled. */
  'engine:exportEvents': {
    request: z.strictObject({ severity: eventLevelSchema.optional() }),
    response: z.strictObject({ path: z.string().nullable(), count: z.number().int().nonnegative() }),
  },
} as const;

export const engineEventContract = {
  /** The dashboard's status changed (throttled). */
  'engine:status': engineStatusViewSchema,
} as const;
