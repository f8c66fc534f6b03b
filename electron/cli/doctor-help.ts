/** The help of `phs doctor`, apart so that listing the commands loads no crypto or worker code. */

export const DOCTOR_SUMMARY = 'check that this machine can run password hash sync (crypto self-test)';

export const DOCTOR_HELP = `Usage: phs doctor [--json]

Checks that this machine can run password hash sync. Every cryptographic primitive the engine
needs is run against published known answers, in this process and in a hash worker thread:
  MD4 (NT hashes), MD5 and HMAC-MD5 (replication session keys), RC4 and DES (replicated secrets),
  PBKDF2-HMAC-SHA256 and the PHS wire string (what is sent to Entra ID), AES-256-GCM (the saved sign-in).
Each result names the runtime that answered (Node's OpenSSL, or Electron's BoringSSL). The same
self-test runs before the engine's first cycle: while it fails, "phs sync" and "phs run" refuse to start.
Reads no configuration and connects to nothing.

Options:
  --json        one JSON object: {passed, results: [{name, source, where, passed, runtime, error?,
                remediation?}], millis, failure?: {code, message, remediation}}
  -h, --help    show this help

Exit codes: 0 every primitive passed, 1 one failed (the error names it and says what to do), 2 bad input.`;
