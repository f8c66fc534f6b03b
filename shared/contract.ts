/**
 * The one typed IPC contract. Every channel between renderer and main is declared here with
 * the schema of its request and response; events pushed from main are declared with theirs.
 * The preload exposes exactly these channels; main validates every request against them.
 */
import { z } from 'zod';
import { engineEventContract, engineInvokeContract } from './engine-contract.ts';
import { selfTestReportSchema } from './self-test-schemas.ts';
import { wizardEventContract, wizardInvokeContract } from './wizard-contract.ts';

const empty = z.strictObject({});

const appInvokeContract = {
  'app:info': {
    request: empty,
    response: z.strictObject({
      name: z.string(),
      version: z.string(),
      platform: z.string(),
      /** The most hash workers that run at once (they start on demand and stop when idle). */
      hashWorkers: z.number().int().nonnegative(),
    }),
  },
  /** The renderer says it is ready to receive pushes; queued pushes are flushed. */
  'app:ready': {
    request: empty,
    response: z.strictObject({ flushed: z.number().int().nonnegative() }),
  },
  'shell:openExternal': {
    request: z.strictObject({ url: z.string().max(2048) }),
    response: z.strictObject({ opened: z.literal(true) }),
  },
  /** The crypto self-test: every primitive's known answers in main and in a hash worker (cached per process). */
  'phs:selfTest': {
    request: empty,
    response: selfTestReportSchema,
  },
} as const;

export const invokeContract = {
  ...appInvokeContract,
  ...wizardInvokeContract,
  ...engineInvokeContract,
} as const;

export type AppChannel = keyof typeof appInvokeContract;
export type WizardChannel = keyof typeof wizardInvokeContract;
export type EngineChannel = keyof typeof engineInvokeContract;

export const eventContract = {
  'app:notice': z.strictObject({
    level: z.enum(['info', 'warning', 'error']),
    message: z.string(),
    remediation: z.string().optional(),
  }),
  'phs:poolStatus': z.strictObject({
    /** Workers running now (0 while idle). */
    workers: z.number().int().nonnegative(),
    /** The most that run at once. */
    limit: z.number().int().nonnegative(),
    busy: z.number().int().nonnegative(),
    queued: z.number().int().nonnegative(),
  }),
  ...wizardEventContract,
  ...engineEventContract,
} as const;

export type InvokeChannel = keyof typeof invokeContract;
export type EventChannel = keyof typeof eventContract;
export type RequestOf<C extends InvokeChannel> = z.infer<(typeof invokeContract)[C]['request']>;
export type ResponseOf<C extends InvokeChannel> = z.infer<(typeof invokeContract)[C]['response']>;
export type EventOf<E extends EventChannel> = z.infer<(typeof eventContract)[E]>;

export const invokeChannels = Object.keys(invokeContract) as readonly InvokeChannel[];
export const eventChannels = Object.keys(eventContract) as readonly EventChannel[];

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && Object.hasOwn(invokeContract, value);
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && Object.hasOwn(eventContract, value);
}
