/**
 * The one error the NDR reader throws. Every malformed, truncated or hostile stub becomes
 * NdrMalformed, so callers can tell "the DC sent something we cannot decode" from bugs.
 */
import { AppError, ErrorCode } from '../../../../shared/errors.ts';

export function ndrMalformed(detail: string, offset: number): AppError {
  return new AppError(
    ErrorCode.NdrMalformed,
    `The domain controller sent a reply that could not be decoded (NDR: ${detail} at stub offset ${offset}).`,
    'Check that the domain controller runs a supported Windows Server or Samba AD version. ' +
      'If it does, export the log file and report the problem.',
  );
}

/** Writer misuse (a bug in our own encoder code), never caused by data from the wire. */
export function ndrUsage(detail: string): AppError {
  return new AppError(
    ErrorCode.Internal,
    `NDR encoder misuse: ${detail}.`,
    'This is a bug in the application. Export the log file and report it.',
  );
}
