/**
 * Distinguished names as plain strings, for code that runs in every process (the scope tree in
 * the renderer, the wizard in main): split into RDNs (respecting `\,` escapes), compared
 * case-insensitively, tested for "is under". The directory is the authority on syntax.
 */

/** Splits at unescaped commas; each RDN trimmed, with spaces around `=` removed. */
export function rdnsOf(dn: string): string[] {
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
export function dnKey(dn: string): string {
  return rdnsOf(dn).join(',').toLowerCase();
}

export function sameDn(a: string, b: string): boolean {
  return dnKey(a) === dnKey(b);
}

/** How many RDNs deep `dn` is (the domain head `DC=a,DC=b` is 2). */
export function dnDepth(dn: string): number {
  return rdnsOf(dn).length;
}

/** True when `dn` is `ancestor` itself or lies anywhere beneath it. */
export function isAtOrUnder(dn: string, ancestor: string): boolean {
  const d = rdnsOf(dn.toLowerCase());
  const a = rdnsOf(ancestor.toLowerCase());
  if (a.length > d.length) return false;
  return a.every((part, i) => part === d[d.length - a.length + i]);
}

/** True when `dn` lies beneath `ancestor` (not the same object). */
export function isStrictlyUnder(dn: string, ancestor: string): boolean {
  return isAtOrUnder(dn, ancestor) && !sameDn(dn, ancestor);
}

/** Looks like a DN: every RDN is `type=value`. */
export function looksLikeDn(dn: string): boolean {
  const parts = rdnsOf(dn);
  return parts.length > 0 && parts.every((r) => /^[a-zA-Z][\w-]*=./.test(r));
}

/** The DNS name of the domain `dn` lies in, from its DC= components (`…,DC=lab,DC=example` → lab.example); null if none. */
export function dnsNameOfDn(dn: string): string | null {
  const labels = rdnsOf(dn)
    .filter((r) => /^dc=/i.test(r))
    .map((r) => r.slice(3).replace(/\\(.)/g, '$1'));
  return labels.length === 0 ? null : labels.join('.').toLowerCase();
}
