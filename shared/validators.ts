/**
 * Field validators shared by the UI (inline field messages) and main (authoritative checks).
 * Each returns undefined when the value is fine, or a sentence saying what is wrong.
 */

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
