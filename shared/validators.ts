/**
 * Field validators shared by the UI (inline field messages) and main (authoritative checks).
 * Each returns undefined when the value is fine, or a sentence saying what is wrong.
 */
import { looksLikeDn } from './dn.ts';

const HEX = /^[0-9a-fA-F]*$/;

export const SALT_BYTES = 10;
export const NT_HASH_BYTES = 16;
export const MAX_ITERATIONS = 10_000_000;

export function checkHex(value: string, bytes: number, what: string): string | undefined {
  if (!HEX.test(value)) return `${what} must be hexadecimal (0-9, a-f); it contains other characters.`;
  if (value.length !== bytes * 2) {
    return `${what} must be exactly ${bytes * 2} hex digits (${bytes} bytes); got ${value.length}.`;
  }
  return undefined;
}

export function checkIterations(value: string): string | undefined {
  if (!/^[0-9]+$/.test(value)) return `iterations must be a whole number; got "${value}".`;
  const n = Number(value);
  if (n < 1) return 'iterations must be at least 1.';
  if (n > MAX_ITERATIONS) return `iterations must be at most ${MAX_ITERATIONS}.`;
  return undefined;
}

export function checkPort(value: string): string | undefined {
  if (!/^[0-9]+$/.test(value)) return 'port must be a number from 1 to 65535.';
  const n = Number(value);
  return n >= 1 && n <= 65535 ? undefined : 'port must be a number from 1 to 65535.';
}

const HOSTNAME = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:]+$/;

export function checkHost(value: string): string | undefined {
  const v = value.trim();
  if (v.length === 0) return 'Enter the domain controller\'s name or IP address.';
  if (IPV4.test(v) || (v.includes(':') && IPV6.test(v)) || HOSTNAME.test(v)) return undefined;
  return `"${v}" is not a valid host name or IP address.`;
}

/** An optional name the DC's certificate must carry (needed when connecting by IP address). */
export function checkServerName(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  const problem = checkHost(value);
  return problem === undefined ? undefined : `"${value.trim()}" is not a valid host name for the certificate.`;
}

const UPN = /^[^\s@\\]+@[^\s@\\]+$/;
const DOWN_LEVEL = /^[^\s\\/]+\\[^\\/]+$/;

/** A simple bind takes user@domain, DOMAIN\user or a DN; a bare name would not bind. */
export function checkAccount(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return 'Enter the account: user@domain, DOMAIN\\user or its distinguished name.';
  if (UPN.test(v) || DOWN_LEVEL.test(v) || looksLikeDn(v)) return undefined;
  return `Write the account as user@domain, DOMAIN\\user or a distinguished name; "${v}" is none of these.`;
}

export const POLL_SECONDS_MIN = 1;
export const POLL_SECONDS_MAX = 86_400;

export function checkPollInterval(value: string): string | undefined {
  if (!/^[0-9]+$/.test(value.trim())) return 'The interval must be a whole number of seconds.';
  const n = Number(value.trim());
  if (n < POLL_SECONDS_MIN || n > POLL_SECONDS_MAX)
    return `The interval must be from ${POLL_SECONDS_MIN} to ${POLL_SECONDS_MAX} seconds (one day).`;
  return undefined;
}

export function checkHttpsUrl(value: string, what: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return `${what} must be a full URL, such as https://login.microsoftonline.com/organizations.`;
  }
  if (url.protocol !== 'https:') return `${what} must start with https://.`;
  if (url.username !== '' || url.password !== '') return `${what} must not carry a user name or password.`;
  return undefined;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function checkGuid(value: string, what: string, optional = false): string | undefined {
  const v = value.trim();
  if (v === '' && optional) return undefined;
  return GUID.test(v) ? undefined : `${what} must be a GUID, such as 14d82eec-204b-4c2f-b7e8-296a70dab67e.`;
}
