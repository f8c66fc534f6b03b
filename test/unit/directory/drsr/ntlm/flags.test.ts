import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../../../shared/errors.ts';
import {
  CLIENT_FLAGS,
  NegotiateFlag,
  requireSessionSecurity,
} from '../../../../../electron/directory/drsr/ntlm/flags.ts';
import { LIVE_FLAGS } from './fake-server.ts';

describe('requireSessionSecurity', () => {
  it('accepts the flags the lab peer grants', () => {
    expect(() => requireSessionSecurity(LIVE_FLAGS)).not.toThrow();
  });

  it.each([
    ['key exchange', NegotiateFlag.KeyExchange],
    ['128-bit keys', NegotiateFlag.Key128],
    ['extended session security', NegotiateFlag.ExtendedSessionSecurity],
    ['sealing', NegotiateFlag.Seal],
    ['NTLMv2 target information', NegotiateFlag.TargetInfo],
  ])('rejects a challenge without %s as NtlmUnsupported', (name, flag) => {
    let caught: unknown;
    try {
      requireSessionSecurity((LIVE_FLAGS & ~flag) >>> 0);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe(ErrorCode.NtlmUnsupported);
    expect((caught as AppError).message).toContain(name);
    expect((caught as AppError).remediation).toContain('NTLMv2 session security');
  });

  it('asks for 0xE2088235', () => {
    expect(CLIENT_FLAGS).toBe(0xe2088235);
  });
});
