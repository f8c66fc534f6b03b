/**
 * Distinguished names as plain strings: split into RDNs (respecting `\,` escapes), compared
 * case-insensitively, tested for "is under". Enough for scoping; AD is the authority on syntax.
 */

/** Splits at unescaped commas; each RDN trimmed, with spaces around `=` removed. */
export function rdns(dn: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < dn.length; i++) {
    const c = dn[i]!;
    if (c === '\\' && i + 1 < dn.length) {
      current += c + dn[i + 1]!;
      i++;
    } else if (c === ',') {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim().replace(/^([^=]+?)\s*=\s*/, '$1=')).filter((p) => p !== '');
}

/** A comparable key: RDNs lowercased and joined with commas. */
export function normalizeDn(dn: string): string {
  return rdns(dn).join(',').toLowerCase();
}

export function sameDn(a: string, b: string): boolean {
  return normalizeDn(a) === normalizeDn(b);
}

/** True when `dn` is `ancestor` itself or lies anywhere beneath it. */
export function isAtOrUnder(dn: string, ancestor: string): boolean {
  const d = rdns(dn.toLowerCase());
  const a = rdns(ancestor.toLowerCase());
  if (a.length > d.length) return false;
  return a.every((part, i) => part === d[d.length - a.length + i]);
}

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
