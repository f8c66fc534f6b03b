/**
 * The wizard as a whole: its saved settings (what "Change configuration" reopens; the password
 * only as "saved"), the password hash sync options, the review the Ready page shows, what
 * Configure did, and the engine's progress push that the first full sync reports through.
 */
import { z } from 'zod';
import {
  directoryConnectedSchema,
  directoryDraftSchema,
  errorShapeSchema,
  scopeSelectionSchema,
} from './directory-schemas.ts';
import { tenantEndpointSchema, tenantViewSchema } from './tenant-schemas.ts';
import { POLL_SECONDS_MAX, POLL_SECONDS_MIN } from './validators.ts';

export const phsOptionsSchema = z.strictObject({
  enabled: z.boolean(),
  enforceCloudPasswordPolicy: z.boolean(),
  syncTemporaryPasswords: z.boolean(),
  stagingMode: z.boolean(),
  pollIntervalSeconds: z.number().int().min(POLL_SECONDS_MIN).max(POLL_SECONDS_MAX),
});
export type PhsOptions = z.infer<typeof phsOptionsSchema>;

export const DEFAULT_PHS_OPTIONS: PhsOptions = {
  enabled: true,
  enforceCloudPasswordPolicy: false,
  syncTemporaryPasswords: false,
  stagingMode: false,
  pollIntervalSeconds: 30,
};

/** none: never given; held: in main's memory only; saved: encrypted on disk. */
export const passwordStateSchema = z.enum(['none', 'held', 'saved']);
export type PasswordState = z.infer<typeof passwordStateSchema>;

export const wizardSnapshotSchema = z.strictObject({
  directory: directoryDraftSchema.nullable(),
  passwordState: passwordStateSchema,
  tenantEndpoint: tenantEndpointSchema,
  scope: scopeSelectionSchema.nullable(),
  phs: phsOptionsSchema,
  configuredAt: z.string().nullable(),
});
export type WizardSnapshot = z.infer<typeof wizardSnapshotSchema>;

export const wizardSaveSchema = z.discriminatedUnion('step', [
  z.strictObject({ step: z.literal('scope'), scope: scopeSelectionSchema }),
  z.strictObject({ step: z.literal('phs'), options: phsOptionsSchema }),
  z.strictObject({ step: z.literal('tenantEndpoint'), endpoint: tenantEndpointSchema }),
]);

export const stepIdSchema = z.enum(['directory', 'tenant', 'scope', 'phs']);
export type StepId = z.infer<typeof stepIdSchema>;

export const reviewSchema = z.strictObject({
  snapshot: wizardSnapshotSchema,
  directory: directoryConnectedSchema.nullable(),
  tenant: tenantViewSchema.nullable(),
  tenantError: errorShapeSchema.nullable(),
  usersInScope: z.number().int().nonnegative().nullable(),
  /** What must be fixed before Configure, each with the step that fixes it (null: outside the wizard, e.g. no keyring). */
  blockers: z.array(z.strictObject({ step: stepIdSchema.nullable(), message: z.string() })),
  warnings: z.array(z.strictObject({ step: stepIdSchema, message: z.string() })),
});
export type Review = z.infer<typeof reviewSchema>;

export const configureResultSchema = z.strictObject({
  savedAt: z.string(),
  /** What was changed in the tenant, in words; empty in staging mode or when nothing needed it. */
  tenantChanges: z.array(z.string()),
  staging: z.boolean(),
  /** started: the engine runs the first full sync now; engineNotConnected: it runs once the engine is. */
  firstSync: z.enum(['started', 'engineNotConnected', 'notRequested']),
});
export type ConfigureResult = z.infer<typeof configureResultSchema>;

export const engineProgressSchema = z.strictObject({
  phase: z.enum(['reading', 'syncing', 'finishing', 'completed', 'cancelled', 'failed']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** false: the total is only what was read so far (nothing told it in advance). */
  totalKnown: z.boolean(),
  ratePerSecond: z.number().nonnegative(),
  etaSeconds: z.number().nonnegative().nullable(),
});
export type EngineProgress = z.infer<typeof engineProgressSchema>;
