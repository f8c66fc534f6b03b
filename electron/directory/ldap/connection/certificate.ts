/**
 * The DC's certificate as the wizard shows it before the user decides to trust it, and the
 * SHA-256 fingerprint that "trust this certificate" pins.
 */
import type { PeerCertificate } from 'node:tls';

export interface CertificateInfo {
  readonly subject: string;
  readonly issuer: string;
  readonly subjectAltNames: readonly string[];
  readonly validFrom: string;
  readonly validTo: string;
  /** SHA-256 of the DER certificate, uppercase hex pairs joined by colons. */
  readonly sha256: string;
  readonly selfSigned: boolean;
  /** Whether the chain verified against the trust that was configured when it was fetched. */
  readonly trusted: boolean;
  /** OpenSSL's reason when it did not verify (e.g. SELF_SIGNED_CERT_IN_CHAIN). */
  readonly trustError: string | null;
}

const HEX64 = /^[0-9A-F]{64}$/;

/** Accepts `AB:CD:…`, `ab cd …` or bare hex; returns 64 uppercase hex digits or null. */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:]/g, '').toUpperCase();
  return HEX64.test(hex) ? hex : null;
}

export function formatFingerprint(hex: string): string {
  return (hex.match(/../g) ?? []).join(':');
}

export function fingerprintMatches(certificate: PeerCertificate, pinned: string): boolean {
  const actual = normalizeFingerprint(certificate.fingerprint256 ?? '');
  const expected = normalizeFingerprint(pinned);
  return actual !== null && expected !== null && actual === expected;
}

export function certificateInfo(
  certificate: PeerCertificate,
  authorized: boolean,
  authorizationError: unknown,
): CertificateInfo {
  const subject = distinguishedName(certificate.subject);
  const issuer = distinguishedName(certificate.issuer);
  return {
    subject,
    issuer,
    subjectAltNames: (certificate.subjectaltname ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    validFrom: new Date(certificate.valid_from).toISOString(),
    validTo: new Date(certificate.valid_to).toISOString(),
    sha256: formatFingerprint(normalizeFingerprint(certificate.fingerprint256) ?? ''),
    selfSigned: subject === issuer,
    trusted: authorized,
    trustError: authorized
      ? null
      : authorizationError === undefined || authorizationError === null
        ? 'unknown'
        : String(authorizationError),
  };
}

/** Node gives names as objects; render them as `CN=…, O=…` (multi-valued fields joined by "+"). */
function distinguishedName(name: PeerCertificate['subject'] | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`)
    .join(', ');
}
