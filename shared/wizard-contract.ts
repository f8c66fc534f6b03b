/**
 * The wizard's channels, merged into the one contract by contract.ts. Long operations carry an
 * `opId` chosen by the renderer; `op:cancel` with that id aborts them (cancellation is not an
 * error the user sees). Passwords travel renderer → main only, in `directory:test`.
 */
import { z } from 'zod';
import {
  directoryConnectedSchema,
  directoryDraftSchema,
  directoryTestOutcomeSchema,
  opIdSchema,
  ouNodeViewSchema,
  scopeSelectionSchema,
} from './directory-schemas.ts';
import { deviceCodeEventSchema, signInMethodSchema, tenantViewSchema } from './tenant-schemas.ts';
import {
  configureResultSchema,
  engineProgressSchema,
  reviewSchema,
  wizardSaveSchema,
  wizardSnapshotSchema,
} from './wizard-schemas.ts';

const empty = z.strictObject({});

export const wizardInvokeContract = {
  /** Aborts the operation started with this id, if it still runs. */
  'op:cancel': {
    request: z.strictObject({ opId: opIdSchema }),
    response: z.strictObject({ cancelled: z.boolean() }),
  },
  /** Opens the system's file dialog for a PEM CA file; null when the user cancelled. */
  'dialog:chooseCaFile': {
    request: z.strictObject({ purpose: z.enum(['directory', 'tenant']) }),
    response: z.strictObject({ path: z.string().nullable() }),
  },
  'clipboard:writeText': {
    request: z.strictObject({ text: z.string().max(8192) }),
    response: z.strictObject({ copied: z.literal(true) }),
  },
  /** The saved wizard settings (what "Change configuration" reopens); passwords only as a state. */
  'wizard:load': { request: empty, response: wizardSnapshotSchema },
  'wizard:save': { request: wizardSaveSchema, response: z.strictObject({ saved: z.literal(true) }) },
  /** Everything the Ready page summarises, with what still blocks Configure. */
  'wizard:review': { request: empty, response: reviewSchema },
  /** Saves the configuration (settings + encrypted secrets) and applies the tenant features. */
  'wizard:configure': { request: empty, response: configureResultSchema },
  'wizard:cancelFirstSync': { request: empty, response: z.strictObject({ cancelled: z.boolean() }) },
  /** The last successful connection test of this session, if any. */
  'directory:status': {
    request: empty,
    response: z.strictObject({ result: directoryConnectedSchema.nullable() }),
  },
  /** Connects, binds, discovers and checks rights; the password may be omitted to reuse main's. */
  'directory:test': {
    request: z.strictObject({
      opId: opIdSchema,
      draft: directoryDraftSchema,
      password: z.string().min(1).max(1024).optional(),
    }),
    response: directoryTestOutcomeSchema,
  },
  /** The domain node (no parentDn) or the children of an OU, with user counts. */
  'directory:listOus': {
    request: z.strictObject({ opId: opIdSchema, parentDn: z.string().max(2048).optional() }),
    response: z.strictObject({ nodes: z.array(ouNodeViewSchema) }),
  },
  'directory:countUsers': {
    request: z.strictObject({ opId: opIdSchema, scope: scopeSelectionSchema }),
    response: z.strictObject({ count: z.number().int().nonnegative() }),
  },
  /** Who is signed in (from the encrypted token cache), read fresh from the tenant. */
  'tenant:status': {
    request: empty,
    response: z.strictObject({ view: tenantViewSchema.nullable() }),
  },
  'tenant:signIn': {
    request: z.strictObject({ opId: opIdSchema, method: signInMethodSchema }),
    response: z.strictObject({ view: tenantViewSchema }),
  },
  /** Opens the device-code verification page that the running sign-in received. */
  'tenant:openVerificationPage': {
    request: z.strictObject({ opId: opIdSchema }),
    response: z.strictObject({ opened: z.literal(true) }),
  },
  'tenant:signOut': { request: empty, response: z.strictObject({ signedOut: z.literal(true) }) },
} as const;

export const wizardEventContract = {
  /** A device-code sign-in is waiting: show the code and where to enter it. */
  'tenant:deviceCode': deviceCodeEventSchema,
  /** The engine's progress through a sync (the first full sync after Configure). */
  'engine:progress': engineProgressSchema,
} as const;
