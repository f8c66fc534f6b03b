/** Runs every primitive check in this thread and reports each one, never throwing. */
import type { PrimitiveResult, SelfTestWhere } from '../../shared/self-test-schemas.ts';
import { Md5Unavailable, PRIMITIVE_CHECKS, type PrimitiveCheck } from './checks.ts';
import { defaultCryptoDeps, type CryptoDeps } from './crypto-deps.ts';
import { runtimeLabel } from './runtime.ts';

export const MD5_REMEDIATION =
  'Replication decryption needs MD5 (MS-DRSR session keys), which FIPS mode refuses: turn FIPS enforcement off for this process (start it without --force-fips or --enable-fips, and without an OpenSSL configuration that makes the FIPS provider the default), or run PHS Sync on a host that is not in FIPS mode.';

export function runChecks(
  where: SelfTestWhere,
  deps: CryptoDeps = defaultCryptoDeps,
  checks: readonly PrimitiveCheck[] = PRIMITIVE_CHECKS,
): PrimitiveResult[] {
  const runtime = runtimeLabel();
  return checks.map((check) => {
    const base = { name: check.name, source: check.source, where, runtime };
    try {
      check.run(deps);
      return { ...base, passed: true };
    } catch (error) {
      const failed = { ...base, passed: false, error: describe(error) };
      return error instanceof Md5Unavailable ? { ...failed, remediation: MD5_REMEDIATION } : failed;
    }
  });
}

/** Errors here come from known-answer inputs only, so their text carries nothing secret. */
function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return `the check threw ${typeof error}`;
}
