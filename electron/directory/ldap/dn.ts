/**
 * Distinguished names as plain strings: split into RDNs (respecting `\,` escapes), compared
 * case-insensitively, tested for "is under". Enough for scoping; AD is the authority on syntax.
 */

// One implementation for every process: shared/dn.ts.
import { dnKey, isAtOrUnder, rdnsOf, sameDn } from '../../../shared/dn.ts';

export { isAtOrUnder, sameDn };
export const rdns = rdnsOf;
export const normalizeDn = dnKey;

/** `DC=lab,DC=example,DC=test` → `lab.example.test` (only the DC= components). */
export function dnsNameFromDn(dn: string): string {
  return rdns(dn)
    .filter((p) => /^dc=/i.test(p))
    .map((p) => p.slice(3))
    .join('.')
    .toLowerCase();
}

/** RFC 4515 escaping of a value placed inside a filter. */
export function escapeFilterValue(value: string | Buffer): string {
  if (Buffer.isBuffer(value)) return [...value].map((b) => `\\${b.toString(16).padStart(2, '0')}`).join('');
  return value.replace(/[\\*()\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
