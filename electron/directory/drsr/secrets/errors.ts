/**
 * Named failures of replicated-secret decryption. Messages never carry the ciphertext, the
 * plaintext or the key: only which check failed.
 */
import { AppError, ErrorCode } from '../../../../shared/errors.ts';

export class SecretError extends AppError {
  constructor(code: ErrorCode, message: string, remediation: string) {
    super(code, message, remediation);
    this.name = 'SecretError';
  }
}

export function secretMalformed(what: string): SecretError {
  return new SecretError(
    ErrorCode.SecretMalformed,
    `A replicated secret has an invalid layout: ${what}.`,
    'The domain controller returned an unexpected attribute value. Retry; if it persists, report it with the log file.',
  );
}

/** A CRC mismatch almost always means the wrong session key (drsr-notes §5.1). */
export function secretChecksum(): SecretError {
  return new SecretError(
    ErrorCode.SecretChecksum,
    'A replicated secret failed its checksum after decryption.',
    'The session key does not match the one the domain controller used. Reconnect and retry the synchronisation.',
  );
}
