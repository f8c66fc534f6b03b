/** One table says which failures are retried: the engine and the tenant client read it alike. */
import { describe, expect, it } from 'vitest';
import { ERROR_KIND } from '../../../shared/error-kinds.ts';
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import { isCursorInvalid, isThrottle, isTransient } from '../../../electron/engine/transient.ts';
import { isRetryable } from '../../../electron/tenant/retry.ts';

const errorOf = (code: ErrorCode): AppError => new AppError(code, 'm', 'r');

describe('error kinds', () => {
  it('gives every ErrorCode a kind', () => {
    expect(Object.keys(ERROR_KIND).sort()).toEqual(Object.values(ErrorCode).sort());
  });

  it('the engine and the tenant client agree on what is retried, code by code', () => {
    const disagree = Object.values(ErrorCode).filter(
      (c) => isTransient(errorOf(c)) !== isRetryable(errorOf(c)),
    );
    expect(disagree).toEqual([]);
  });

  it('retries lost connections, timeouts and throttling; not bad credentials or missing rights', () => {
    for (const c of [
      ErrorCode.LdapConnectionLost,
      ErrorCode.RpcTimeout,
      ErrorCode.TenantUnavailable,
      ErrorCode.TenantThrottled,
    ])
      expect(isTransient(errorOf(c)), c).toBe(true);
    for (const c of [
      ErrorCode.LdapInvalidCredentials,
      ErrorCode.DrsrMissingRights,
      ErrorCode.CredentialRejected,
      ErrorCode.Cancelled,
    ])
      expect(isTransient(errorOf(c)), c).toBe(false);
    expect(isThrottle(errorOf(ErrorCode.TenantThrottled))).toBe(true);
    expect(isThrottle(errorOf(ErrorCode.TenantUnavailable))).toBe(false);
  });

  it('a cursor the directory cannot continue from, by any of its codes, calls for a full pass', () => {
    for (const c of [ErrorCode.CursorInvalid, ErrorCode.DrsrCursorInvalid, ErrorCode.DirectoryResyncRequired])
      expect(isCursorInvalid(errorOf(c)), c).toBe(true);
    expect(isCursorInvalid(errorOf(ErrorCode.RpcTimeout))).toBe(false);
  });

  it('an error that carries a Retry-After is transient whatever its code', () => {
    const e = Object.assign(errorOf(ErrorCode.TenantRequestFailed), { retryAfterMs: 1000 });
    expect(isTransient(e)).toBe(true);
    expect(isTransient(new Error('plain'))).toBe(false);
  });
});
