import { describe, expect, it } from 'vitest';
import { checkExternalUrl } from '../../../electron/services/external-url.ts';
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
