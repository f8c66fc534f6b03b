/** shell.openExternal is only for https links to the documentation and portals we name here. */
import { AppError, ErrorCode } from '../../shared/errors.ts';

export const ALLOWED_EXTERNAL_HOSTS: readonly string[] = [
  'learn.microsoft.com',
  'entra.microsoft.com',
  'portal.azure.com',
  'aka.ms',
  'github.com',
];

export function checkExternalUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError(ErrorCode.UrlNotAllowed, 'That link is not a valid URL.', 'Only documentation and portal links can be opened.');
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || !ALLOWED_EXTERNAL_HOSTS.includes(url.hostname)) {
    throw new AppError(ErrorCode.UrlNotAllowed, `Links to ${url.protocol}//${url.hostname} are not opened by this app.`, `Only https links to ${ALLOWED_EXTERNAL_HOSTS.join(', ')} are opened.`);
  }
  return url;
}

/**
 * A sign-in page main opens in the system browser: the authority's authorize URL, or the
 * device-code page the authority named. It need not be on the documentation list (a national
 * cloud, the emulator), but it must be https: nothing else (file:, custom schemes) is opened.
 */
export function checkSignInUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError(ErrorCode.UrlNotAllowed, 'The sign-in page address is not a valid URL.', 'Check the authority in "Advanced: tenant endpoint".');
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') {
    throw new AppError(ErrorCode.UrlNotAllowed, `The sign-in page ${url.protocol}//${url.hostname} is not an https page, so it was not opened.`, 'Check the authority in "Advanced: tenant endpoint": it must be an https URL.');
  }
  return url;
}
