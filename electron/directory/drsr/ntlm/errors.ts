/**
 * Named NTLM failures. Messages describe what was wrong with a message's structure and
 * never quote its bytes: an NTLM message carries challenge responses and session keys.
 */
import { AppError, ErrorCode } from '../../../../shared/errors.ts';

export class NtlmError extends AppError {
  constructor(code: ErrorCode, message: string, remediation: string) {
    super(code, message, remediation);
    this.name = 'NtlmError';
  }
}

/** A message that does not parse: wrong signature or type, or a length/offset out of bounds. */
export function malformed(what: string): NtlmError {
  return new NtlmError(
    ErrorCode.NtlmMalformed,
    `Malformed NTLM message: ${what}.`,
    'The domain controller sent an NTLM message this client cannot parse. Check that the host is a domain controller and retry.',
  );
}

/** The server cannot give us NTLMv2 with 128-bit extended session security and sealing. */
export function unsupported(what: string): NtlmError {
  return new NtlmError(
    ErrorCode.NtlmUnsupported,
    `The domain controller does not offer the required NTLM session security: ${what}.`,
    'The DC must allow NTLMv2 session security (128-bit, key exchange, signing and sealing). Check the "Network security: Minimum session security" and "LAN Manager authentication level" policies.',
  );
}

/** A sealed PDU whose signature or sequence number does not verify. */
export function badSignature(what: string): NtlmError {
  return new NtlmError(
    ErrorCode.NtlmBadSignature,
    `A sealed RPC packet failed verification: ${what}.`,
    'The connection was tampered with or lost sequence. Reconnect; if it persists, report it with the log file.',
  );
}
