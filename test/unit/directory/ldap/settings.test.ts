import { describe, expect, it } from 'vitest';
import {
  formatFingerprint,
  normalizeFingerprint,
} from '../../../../electron/directory/ldap/connection/certificate.ts';
import {
  parseDirectoryUrl,
  validateCredentials,
  validateSettings,
  type ConnectionSettings,
} from '../../../../electron/directory/ldap/settings.ts';
import { AppError } from '../../../../shared/errors.ts';

const base: ConnectionSettings = {
  host: 'dc1.example.com',
  port: 636,
  transport: 'ldaps',
  trust: { kind: 'system' },
};
const codeOf = (work: () => unknown): string | null => {
  try {
    work();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
};

describe('parseDirectoryUrl', () => {
  it('reads LDAPS URLs with and without a port, IPv6 included', () => {
    expect(parseDirectoryUrl('ldaps://dc1.example.com')).toEqual({
      host: 'dc1.example.com',
      port: 636,
      transport: 'ldaps',
    });
    expect(parseDirectoryUrl('ldaps://127.0.0.1:1636')).toEqual({
      host: '127.0.0.1',
      port: 1636,
      transport: 'ldaps',
    });
    expect(parseDirectoryUrl('ldaps://[::1]:636/')).toEqual({ host: '::1', port: 636, transport: 'ldaps' });
  });

  it('reads ldap:// only with StartTLS, defaulting to port 389', () => {
    expect(parseDirectoryUrl('ldap://dc1.example.com', true)).toEqual({
      host: 'dc1.example.com',
      port: 389,
      transport: 'starttls',
    });
  });

  it('refuses plain LDAP with its own explanation', () => {
    expect(codeOf(() => parseDirectoryUrl('ldap://dc1.example.com'))).toBe('LDAP_PLAIN_REFUSED');
  });

  it('refuses other schemes, paths, StartTLS over ldaps:// and non-URLs', () => {
    for (const [url, startTls] of [
      ['http://dc1', false],
      ['ldaps://dc1/DC=x', false],
      ['ldaps://dc1', true],
      ['dc1.example.com', false],
    ] as const) {
      expect(
        codeOf(() => parseDirectoryUrl(url, startTls)),
        url,
      ).toBe('INVALID_ARGUMENT');
    }
  });
});

describe('validateSettings and validateCredentials', () => {
  it('accepts good settings unchanged', () => {
    expect(validateSettings(base)).toBe(base);
    expect(
      validateSettings({
        ...base,
        trust: { kind: 'pinned', sha256: 'ab'.repeat(32) },
        serverName: 'dc1.example.com',
        timeoutMs: 5000,
      }),
    ).toBeTruthy();
  });

  it('lists every problem in one error', () => {
    const error = (() => {
      try {
        validateSettings({
          ...base,
          host: 'bad host!',
          port: 70000,
          trust: { kind: 'pem', pem: 'junk' },
          timeoutMs: 5,
        });
      } catch (e) {
        return e as AppError;
      }
      return null;
    })();
    expect(error?.code).toBe('INVALID_ARGUMENT');
    expect(error?.message).toMatch(/not a valid host/);
    expect(error?.message).toMatch(/port/);
    expect(error?.message).toMatch(/PEM/);
    expect(error?.message).toMatch(/timeout/);
  });

  it('refuses a malformed pinned fingerprint', () => {
    expect(codeOf(() => validateSettings({ ...base, trust: { kind: 'pinned', sha256: 'AB:CD' } }))).toBe(
      'INVALID_ARGUMENT',
    );
  });

  it('refuses an empty password: a simple bind with it is anonymous', () => {
    expect(codeOf(() => validateCredentials({ username: 'LAB\\svc', password: '' }))).toBe(
      'INVALID_ARGUMENT',
    );
    expect(codeOf(() => validateCredentials({ username: ' ', password: 'x' }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => validateCredentials({ username: 'LAB\\svc', password: 'x' }))).toBeNull();
  });
});

describe('fingerprints', () => {
  it('normalises colon, space and case variants, and formats as colon pairs', () => {
    const hex = '8B38777A7A1A3A356E5A81B3F0422384A9B9E2654A52A02A0EE6E17D7A17246F';
    expect(normalizeFingerprint(formatFingerprint(hex).toLowerCase())).toBe(hex);
    expect(normalizeFingerprint(hex.match(/../g)!.join(' '))).toBe(hex);
    expect(formatFingerprint(hex)).toMatch(/^8B:38:77:/);
    expect(normalizeFingerprint('8B:38')).toBeNull();
  });
});
