/** The named error of a failed self-test: which primitives, where, on which runtime, and what to do. */
import { AppError, ErrorCode } from '../../shared/errors.ts';
import type { PrimitiveResult } from '../../shared/self-test-schemas.ts';

export const WRONG_ANSWER_REMEDIATION =
  'Do not synchronize with this installation: its cryptography gives wrong answers. Reinstall or update PHS Sync (for the CLI, also Node.js), then run the self-test again ("phs doctor", or Run again on the Welcome page); if it still fails, report it with the output of "phs doctor --json".';

const unique = (values: readonly string[]): string[] => [...new Set(values)];

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/** CRYPTO_SELF_TEST_FAILED for the failed results, or null when every primitive passed. */
export function selfTestFailure(results: readonly PrimitiveResult[]): AppError | null {
  const failed = results.filter((r) => !r.passed);
  if (failed.length === 0) return null;
  const names = unique(failed.map((r) => r.name));
  const places = unique(failed.map((r) => (r.where === 'main' ? 'the main process' : 'the hash workers')));
  const runtimes = unique(failed.map((r) => r.runtime));
  return new AppError(
    ErrorCode.CryptoSelfTestFailed,
    `The cryptographic self-test failed: ${list(names)} in ${list(places)} (${runtimes.join(', ')}). Password hash sync is blocked until it passes.`,
    failed.find((r) => r.remediation !== undefined)?.remediation ?? WRONG_ANSWER_REMEDIATION,
  );
}
