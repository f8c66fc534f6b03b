import { describe, expect, it } from 'vitest';
import { checkExternalUrl, checkSignInUrl } from '../../../electron/services/external-url.ts';
import { AppError } from '../../../shared/errors.ts';

describe('checkExternalUrl', () => {
  it.each(['https://learn.microsoft.com/x', 'https://entra.microsoft.com/', 'https://aka.ms/phs'])('allows %s', (url) => {
    expect(checkExternalUrl(url).href).toBe(new URL(url).href);
  });
  it.each([
    'http://learn.microsoft.com/',
    'https://learn.microsoft.com.evil.example/',
    'https://user:pw@learn.microsoft.com/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(() => checkExternalUrl(url)).toThrow(AppError);
  });
});

describe('checkSignInUrl', () => {
  it('opens https sign-in pages of any authority (a national cloud, the emulator)', () => {
    expect(checkSignInUrl('https://127.0.0.1:4443/tenant/oauth2/v2.0/authorize?x=1').hostname).toBe('127.0.0.1');
    expect(checkSignInUrl('https://login.microsoftonline.us/organizations/oauth2/v2.0/authorize').protocol).toBe('https:');
  });
  it.each(['http://login.example/authorize', 'file:///etc/passwd', 'ms-settings:network', 'https://u:p@login.example/', 'nonsense'])('refuses %s', (url) => {
    expect(() => checkSignInUrl(url)).toThrow(AppError);
  });
});
