/**
 * Distinguished names as RFC 4514 writes them, compared the way Active Directory does:
 * attribute types case-insensitively (OIDs of the common types mapped to their names), values
 * after unescaping (\, \+ \" \\ \XX …, quoted RFC 1779 values, #hex), without the insignificant
 * spaces around separators, case-insensitively. Each RDN becomes one canonical key; a DN is the
 * list of its RDN keys, leaf first, so "is under" is a comparison of list suffixes.
 */

export type ParsedDn =
  { readonly ok: true; readonly rdns: readonly string[] } | { readonly ok: false; readonly problem: string };

const TYPE_BY_OID: Readonly<Record<string, string>> = {
  '2.5.4.3': 'cn',
  '2.5.4.11': 'ou',
  '2.5.4.10': 'o',
  '2.5.4.6': 'c',
  '2.5.4.7': 'l',
  '2.5.4.8': 'st',
  '2.5.4.9': 'street',
  '0.9.2342.19200300.100.1.25': 'dc',
  '0.9.2342.19200300.100.1.1': 'uid',
};
const TYPE = /^(?:[a-z][a-z0-9-]*|[0-9]+(?:\.[0-9]+)+)$/;
const HEX_PAIR = /^[0-9a-f]{2}$/i;

class Scanner {
  readonly text: string;
  pos = 0;
  constructor(text: string) {
    this.text = text;
  }
  get done(): boolean {
    return this.pos >= this.text.length;
  }
  peek(): string {
    return this.text[this.pos] ?? '';
  }
  skipSpaces(): void {
    while (this.peek() === ' ') this.pos++;
  }
}

function readType(s: Scanner): string {
  s.skipSpaces();
  const start = s.pos;
  while (!s.done && s.peek() !== '=') s.pos++;
  if (s.done) throw new Error(`"${s.text.slice(start).trim()}" has no "="`);
  let type = s.text.slice(start, s.pos).trim().toLowerCase();
  s.pos++;
  if (type.startsWith('oid.')) type = type.slice(4);
  if (!TYPE.test(type)) throw new Error(`"${type}" is not an attribute type`);
  return TYPE_BY_OID[type] ?? type;
}

/** Reads a value up to an unescaped , ; + or the end; returns it unescaped, case-folded. */
function readValue(s: Scanner): string {
  s.skipSpaces();
  if (s.peek() === '#') {
    const start = s.pos;
    while (!s.done && !',;+'.includes(s.peek())) s.pos++;
    const hex = s.text.slice(start + 1, s.pos).trim();
    if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9a-f]+$/i.test(hex))
      throw new Error(`"#${hex}" is not a hex value`);
    return `#${hex.toLowerCase()}`;
  }
  if (s.peek() === '"') return readQuoted(s);
  let value = '';
  let bytes: number[] = []; // \XX escapes: UTF-8 bytes, decoded together
  let trailingSpaces = 0; // unescaped spaces at the end are not part of the value
  const flush = (): void => {
    if (bytes.length === 0) return;
    value += Buffer.from(bytes).toString('utf8');
    bytes = [];
  };
  while (!s.done && !',;+'.includes(s.peek())) {
    const c = s.peek();
    if (c === '\\') {
      const pair = s.text.slice(s.pos + 1, s.pos + 3);
      if (HEX_PAIR.test(pair)) {
        bytes.push(parseInt(pair, 16));
        s.pos += 3;
      } else if (s.pos + 1 < s.text.length) {
        flush();
        const ch = String.fromCodePoint(s.text.codePointAt(s.pos + 1)!);
        value += ch;
        s.pos += 1 + ch.length;
      } else {
        throw new Error('it ends with a lone "\\"');
      }
      trailingSpaces = 0;
      continue;
    }
    flush();
    value += c;
    s.pos++;
    trailingSpaces = c === ' ' ? trailingSpaces + 1 : 0;
  }
  flush();
  return fold(value.slice(0, value.length - trailingSpaces));
}

function readQuoted(s: Scanner): string {
  s.pos++;
  let value = '';
  while (!s.done && s.peek() !== '"') {
    if (s.peek() === '\\') s.pos++;
    value += s.peek();
    s.pos++;
  }
  if (s.done) throw new Error('a quoted value is not closed');
  s.pos++;
  s.skipSpaces();
  return fold(value);
}

function fold(value: string): string {
  return value.normalize('NFC').toLowerCase();
}

/** Canonical key of one attribute=value: the value escaped so keys cannot collide. */
function avaKey(type: string, value: string): string {
  return `${type}=${value.replace(/[\\,+=]/g, (c) => `\\${c}`)}`;
}

export function parseDn(text: string): ParsedDn {
  const s = new Scanner(text);
  const rdns: string[] = [];
  try {
    if (text.trim() === '') return { ok: true, rdns };
    for (;;) {
      const avas: string[] = [];
      for (;;) {
        const type = readType(s);
        avas.push(avaKey(type, readValue(s)));
        if (s.peek() !== '+') break;
        s.pos++;
      }
      rdns.push(avas.sort().join('+'));
      if (s.done) break;
      s.pos++;
      if (s.text.slice(s.pos).trim() === '') throw new Error('it ends with a separator');
    }
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : 'unreadable' };
  }
  return { ok: true, rdns };
}

/** The canonical form of a DN (for display and equality), or undefined when it does not parse. */
export function canonicalDn(text: string): string | undefined {
  const parsed = parseDn(text);
  return parsed.ok ? parsed.rdns.join(',') : undefined;
}

/** True when `dn` is `base` or lies under it. */
export function isWithin(dn: readonly string[], base: readonly string[]): boolean {
  if (base.length > dn.length) return false;
  const offset = dn.length - base.length;
  return base.every((rdn, i) => dn[offset + i] === rdn);
}
