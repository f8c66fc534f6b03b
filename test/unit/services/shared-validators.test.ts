/** The validators the wizard's forms and main share (the older ones are tested with the hash CLI). */
import { describe, expect, it } from 'vitest';
import { endpointErrors } from '../../../shared/tenant-endpoint.ts';
import { PUBLIC_CLOUD_ENDPOINT } from '../../../shared/tenant-schemas.ts';
import {
  checkAccount,
  checkGuid,
  checkHttpsUrl,
  checkPollInterval,
  checkServerName,
} from '../../../shared/validators.ts';

describe('shared validators', () => {
  it.each(['svc@corp.example.com', 'CORP\\svc-phs', 'CN=svc phs,OU=Service,DC=corp,DC=example,DC=com'])(
    'accepts the account %s',
    (v) => {
      expect(checkAccount(v)).toBeUndefined();
    },
  );
  it.each([
    ['', 'Enter the account'],
    ['svc', 'none of these'],
    ['svc@', 'none of these'],
    ['CORP\\', 'none of these'],
  ])('refuses the account "%s"', (v, message) => {
    expect(checkAccount(v)).toContain(message);
  });

  it('checks the poll interval as a whole number of seconds within a day', () => {
    expect(checkPollInterval('120')).toBeUndefined();
    expect(checkPollInterval('0')).toBe('The interval must be from 1 to 86400 seconds (one day).');
    expect(checkPollInterval('86401')).toContain('from 1 to 86400');
    expect(checkPollInterval('1.5')).toBe('The interval must be a whole number of seconds.');
  });

  it('takes an optional certificate name, https URLs and GUIDs', () => {
    expect(checkServerName('')).toBeUndefined();
    expect(checkServerName('DC1.lab.example.test')).toBeUndefined();
    expect(checkServerName('dc 1')).toContain('not a valid host name');
    expect(checkHttpsUrl('http://graph.microsoft.com', 'The Graph URL')).toBe(
      'The Graph URL must start with https://.',
    );
    expect(checkHttpsUrl('https://u:p@login.microsoftonline.com', 'The authority')).toContain(
      'must not carry',
    );
    expect(checkGuid('', 'The tenant id', true)).toBeUndefined();
    expect(checkGuid('', 'The client id')).toContain('must be a GUID');
  });

  it('find nothing wrong with the public cloud endpoint', () => {
    expect(endpointErrors({ ...PUBLIC_CLOUD_ENDPOINT })).toEqual({});
    expect(
      Object.keys(
        endpointErrors({ ...PUBLIC_CLOUD_ENDPOINT, graphBaseUrl: 'graph', credentialsUrl: 'ftp://x' }),
      ),
    ).toEqual(['graphBaseUrl', 'credentialsUrl']);
  });
});
