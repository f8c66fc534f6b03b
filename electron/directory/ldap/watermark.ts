/**
 * The change feed's watermark: which DC (name and invocation id), up to which USN, for which
 * scope. Callers keep it as an opaque string and commit it only after they processed the
 * changes; reading changes never moves it.
 */
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import { isGuidString } from './sd/guid.ts';

export type Watermark = string & { readonly __brand: 'DirectoryWatermark' };

export interface WatermarkState {
  readonly dc: string;
  readonly invocationId: string;
  readonly usn: number;
  readonly scope: string;
}

const PREFIX = 'phs-ldap-usn.1.';

export function encodeWatermark(state: WatermarkState): Watermark {
  return `${PREFIX}${Buffer.from(JSON.stringify(state), 'utf8').toString('base64url')}` as Watermark;
}

export function decodeWatermark(text: string): WatermarkState {
  const invalid = (): AppError =>
    new AppError(
      ErrorCode.InvalidArgument,
      'The stored directory watermark is not valid.',
      'Run a full synchronisation: it writes a new watermark.',
    );
  if (!text.startsWith(PREFIX) || text.length > 4096 || !/^[A-Za-z0-9_-]+$/.test(text.slice(PREFIX.length)))
    throw invalid();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text.slice(PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof value !== 'object' || value === null) throw invalid();
  const { dc, invocationId, usn, scope } = value as Record<string, unknown>;
  if (
    typeof dc !== 'string' ||
    typeof invocationId !== 'string' ||
    !isGuidString(invocationId) ||
    typeof scope !== 'string'
  )
    throw invalid();
  if (typeof usn !== 'number' || !Number.isSafeInteger(usn) || usn < 0) throw invalid();
  return { dc, invocationId, usn, scope };
}
