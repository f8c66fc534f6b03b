import { InvalidCredentialsError, StrongAuthRequiredError } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { adBindCode, bindFailure } from '../../../../electron/directory/ldap/connection/bind-failures.ts';
import {
  TransportFailure,
  connectFailure,
  operationFailure,
} from '../../../../electron/directory/ldap/connection/failures.ts';
import type { ConnectionSettings } from '../../../../electron/directory/ldap/settings.ts';

const settings: ConnectionSettings = {
  host: '10.0.0.5',
  port: 636,
  transport: 'ldaps',
  trust: { kind: 'system' },
  serverName: 'dc1.example.com',
};
const PASSWORD = 'S3cret-Never-Shown!';

/** What AD (and Samba) put in the diagnostic of result 49. */
const invalid = (data: string): InvalidCredentialsError =>
  new InvalidCredentialsError(
    `80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data ${data}, v1db1 Code: 0x31`,
  );

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`connect ${code}`), { code });

describe('bindFailure maps AD\'s "data NNN" codes', () => {
  const table: [string, string][] = [
    ['52e', 'LDAP_INVALID_CREDENTIALS'],
    ['525', 'LDAP_INVALID_CREDENTIALS'],
    ['775', 'LDAP_ACCOUNT_LOCKED'],
    ['532', 'LDAP_PASSWORD_EXPIRED'],
    ['533', 'LDAP_ACCOUNT_DISABLED'],
    ['701', 'LDAP_ACCOUNT_EXPIRED'],
    ['773', 'LDAP_MUST_CHANGE_PASSWORD'],
    ['530', 'LDAP_BIND_FAILED'],
    ['531', 'LDAP_BIND_FAILED'],
  ];
  it.each(table)(
    'data %s → %s, with the account name and a remediation, never the password',
    (data, code) => {
      const error = bindFailure(invalid(data), 'LAB\\svc-phs', settings);
      expect(error.code).toBe(code);
      expect(error.message).toContain('LAB\\svc-phs');
      expect(error.remediation.length).toBeGreaterThan(10);
      expect(`${error.message} ${error.remediation}`).not.toContain(PASSWORD);
    },
  );

  it('reads the code case-insensitively and only as a whole token', () => {
    expect(adBindCode('…, data 52E, v1db1')).toBe('52e');
    expect(adBindCode('metadata 7750')).toBeNull();
  });

  it('maps "strong auth required" to the plain-LDAP refusal', () => {
    expect(
      bindFailure(new StrongAuthRequiredError('Transport encryption required.'), 'x', settings).code,
    ).toBe('LDAP_PLAIN_REFUSED');
  });

  it('maps a bind that times out to LDAP_TIMEOUT', () => {
    expect(bindFailure(new Error('BindRequest: Operation timed out'), 'x', settings).code).toBe(
      'LDAP_TIMEOUT',
    );
  });
});

describe('connectFailure maps network and TLS failures', () => {
  it.each([
    ['ECONNREFUSED', 'LDAP_UNREACHABLE'],
    ['EHOSTUNREACH', 'LDAP_UNREACHABLE'],
    ['ENOTFOUND', 'LDAP_UNREACHABLE'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'LDAP_TLS_NAME_MISMATCH'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'LDAP_TLS_UNTRUSTED'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'LDAP_TLS_UNTRUSTED'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'LDAP_TLS_UNTRUSTED'],
    ['CERT_HAS_EXPIRED', 'LDAP_TLS_UNTRUSTED'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'LDAP_WRONG_PORT'],
    ['ECONNRESET', 'LDAP_WRONG_PORT'],
  ])('%s → %s', (code, expected) => {
    const error = connectFailure(errno(code), settings);
    expect(error.code).toBe(expected);
    expect(error.message).toContain('10.0.0.5:636');
  });

  it('maps our own transport failures', () => {
    expect(connectFailure(new TransportFailure('timeout', 'x'), settings).code).toBe('LDAP_TIMEOUT');
    expect(connectFailure(new TransportFailure('pinMismatch', 'x'), settings).code).toBe(
      'LDAP_TLS_PIN_MISMATCH',
    );
    expect(connectFailure(new TransportFailure('wrongPort', 'x'), settings).code).toBe('LDAP_WRONG_PORT');
    expect(connectFailure(new TransportFailure('startTlsRefused', 'x'), settings).code).toBe(
      'LDAP_WRONG_PORT',
    );
  });

  it('names the expected server name in a name mismatch and suggests the right port for the transport', () => {
    expect(connectFailure(errno('ERR_TLS_CERT_ALTNAME_INVALID'), settings).message).toContain(
      'dc1.example.com',
    );
    expect(connectFailure(errno('ERR_SSL_WRONG_VERSION_NUMBER'), settings).remediation).toMatch(/636/);
    expect(
      connectFailure(errno('ERR_SSL_WRONG_VERSION_NUMBER'), { ...settings, transport: 'starttls', port: 636 })
        .remediation,
    ).toMatch(/389/);
  });
});

describe('operationFailure', () => {
  it('separates timeouts, lost connections, missing objects and other failures', () => {
    expect(operationFailure(new Error('SearchRequest: Operation timed out'), 'search', settings).code).toBe(
      'LDAP_TIMEOUT',
    );
    expect(
      operationFailure(
        new Error('Connection closed before message response was received.'),
        'search',
        settings,
      ).code,
    ).toBe('LDAP_CONNECTION_LOST');
    expect(
      operationFailure(Object.assign(new Error('no such object'), { code: 32 }), 'search', settings).code,
    ).toBe('LDAP_NO_SUCH_OBJECT');
    expect(operationFailure(Object.assign(new Error('busy'), { code: 51 }), 'search', settings).code).toBe(
      'LDAP_OPERATION_FAILED',
    );
  });
});
