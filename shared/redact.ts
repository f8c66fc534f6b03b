/**
 * Redaction at the logger, not at each call site: field names that carry secrets, byte buffers,
 * and values shaped like NT hashes, PHS wire strings or bearer tokens never reach a log line.
 */

const SECRET_KEY = /pass(word)?|pwd|secret|token|hash|credential|cookie|authorization|session.?key|private/i;
const NT_HASH_TEXT = /\b[0-9a-fA-F]{32}\b/g;
const WIRE_TEXT = /v1;PPH1_MD4,[^\s"']*/g;
const JWT_TEXT = /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;
const MAX_DEPTH = 6;

export const REDACTED = '[redacted]';

export function redactText(text: string): string {
  return text.replace(WIRE_TEXT, REDACTED).replace(JWT_TEXT, REDACTED).replace(NT_HASH_TEXT, REDACTED);
}

export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Uint8Array) return `[${value.length} bytes]`;
  if (depth >= MAX_DEPTH) return '[nested]';
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redactValue(v, depth + 1);
  }
  return out;
}
