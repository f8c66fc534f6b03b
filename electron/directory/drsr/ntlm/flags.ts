/**
 * NEGOTIATE flags (MS-NLMP 2.2.2.5) and the capability check the session security relies on.
 * Values are written unsigned; combine them with `>>> 0` to stay unsigned.
 */
import { unsupported } from './errors.ts';

export const NegotiateFlag = {
  Unicode: 0x00000001,
  RequestTarget: 0x00000004,
  Sign: 0x00000010,
  Seal: 0x00000020,
  Ntlm: 0x00000200,
  AlwaysSign: 0x00008000,
  TargetTypeDomain: 0x00010000,
  ExtendedSessionSecurity: 0x00080000,
  TargetInfo: 0x00800000,
  Version: 0x02000000,
  Key128: 0x20000000,
  KeyExchange: 0x40000000,
  Key56: 0x80000000,
} as const;

const F = NegotiateFlag;

/** What the client asks for: 0xE2088235 (drsr-notes §2.2). */
export const CLIENT_FLAGS =
  (F.Unicode |
    F.RequestTarget |
    F.Sign |
    F.Seal |
    F.Ntlm |
    F.AlwaysSign |
    F.ExtendedSessionSecurity |
    F.Version |
    F.Key128 |
    F.KeyExchange |
    F.Key56) >>>
  0;

/** Flags whose absence from the CHALLENGE makes sealed DRS traffic impossible, with a reason each. */
const REQUIRED: readonly (readonly [number, string])[] = [
  [F.Unicode, 'Unicode strings'],
  [F.TargetInfo, 'NTLMv2 target information'],
  [F.ExtendedSessionSecurity, 'extended session security'],
  [F.Key128, '128-bit keys'],
  [F.KeyExchange, 'key exchange'],
  [F.Sign, 'signing'],
  [F.Seal, 'sealing'],
];

export function hasFlag(flags: number, flag: number): boolean {
  return (flags & flag) >>> 0 === flag;
}

/** Throws NtlmUnsupported naming every missing capability. */
export function requireSessionSecurity(challengeFlags: number): void {
  const missing = REQUIRED.filter(([flag]) => !hasFlag(challengeFlags, flag)).map(([, name]) => name);
  if (missing.length > 0) throw unsupported(`missing ${missing.join(', ')}`);
}
