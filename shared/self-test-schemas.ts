/**
 * The start-up self-test of the cryptographic primitives, as it crosses IPC and the CLI's JSON:
 * one result per primitive and per place it ran (the main process, a hash worker), and the named
 * error (CRYPTO_SELF_TEST_FAILED, with its remediation) when any failed.
 */
import { z } from 'zod';
import { errorShapeSchema } from './directory-schemas.ts';

export const primitiveResultSchema = z.strictObject({
  /** e.g. "MD5", "AES-256-GCM". */
  name: z.string(),
  /** Where the known answers came from, e.g. "RFC 1321 test suite". */
  source: z.string(),
  where: z.enum(['main', 'worker']),
  passed: z.boolean(),
  /** e.g. "node 24.21.0 / OpenSSL 3.5.8" or "Electron 45.5.0 / BoringSSL (node 22.20.0)". */
  runtime: z.string(),
  /** Why it failed: never a secret (known answers only). */
  error: z.string().optional(),
  /** What to do, when this failure has a known cause (MD5 refused in FIPS mode). */
  remediation: z.string().optional(),
});

export const selfTestReportSchema = z.strictObject({
  passed: z.boolean(),
  results: z.array(primitiveResultSchema),
  millis: z.number().nonnegative(),
  /** CRYPTO_SELF_TEST_FAILED naming the failed primitives and runtime; absent when all passed. */
  failure: errorShapeSchema.optional(),
});

export type PrimitiveResult = z.infer<typeof primitiveResultSchema>;
export type SelfTestReport = z.infer<typeof selfTestReportSchema>;
export type SelfTestWhere = PrimitiveResult['where'];
