/**
 * Emulator options from a JSON file (`main.ts --config file.json`): token lifetimes, device-code
 * timing, Graph page size (default and maximum), and fault injection from the start (seed, rules, credential rate limit).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { faultRule, rateLimit } from './admin.ts';
import type { FaultRule } from './faults.ts';
import type { TenantEmulatorOptions } from './server.ts';

const schema = z.strictObject({
  tenantId: z.guid().optional(),
  clientId: z.guid().optional(),
  accessTokenLifetimeSeconds: z.number().int().min(1).optional(),
  refreshTokenLifetimeSeconds: z.number().int().min(1).optional(),
  deviceCodeIntervalSeconds: z.number().int().min(1).optional(),
  deviceCodeLifetimeSeconds: z.number().int().min(10).optional(),
  graphPageSize: z.number().int().min(1).max(999).optional(),
  graphMaxPageSize: z.number().int().min(1).max(999).optional(),
  faultSeed: z.number().int().optional(),
  faults: z.array(faultRule).optional(),
  credentialRateLimit: rateLimit.optional(),
});

/** The options in `file`; throws with the first problem when the file is not valid. */
export function readOptionsFile(file: string): TenantEmulatorOptions {
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'invalid'}`);
  }
  const { faults, ...rest } = parsed.data;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as TenantEmulatorOptions;
  return faults === undefined ? defined : { ...defined, faults: faults as FaultRule[] };
}
