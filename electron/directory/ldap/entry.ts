/**
 * Typed reads from an ldapts search entry. Attribute names match case-insensitively; binary
 * attributes must have been requested as buffers (a string there means a lossy decode, which we
 * refuse rather than pass on). Missing attributes read as null or [].
 */
import type { Entry } from 'ldapts';
import { AppError, ErrorCode } from '../../../shared/errors.ts';

type Value = Entry[string];

function raw(entry: Entry, name: string): Value | undefined {
  if (name in entry) return entry[name];
  const lower = name.toLowerCase();
  const key = Object.keys(entry).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : entry[key];
}

function list(value: Value | undefined): readonly (string | Buffer)[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function malformed(entry: Entry, name: string, problem: string): AppError {
  return new AppError(
    ErrorCode.DirectoryValueMalformed,
    `The attribute ${name} of ${entry.dn} ${problem}.`,
    'Report this with the log file.',
  );
}

export function texts(entry: Entry, name: string): string[] {
  return list(raw(entry, name)).map((v) => (Buffer.isBuffer(v) ? v.toString('utf8') : v));
}

export function text(entry: Entry, name: string): string | null {
  const values = texts(entry, name);
  return values[0] ?? null;
}

export function binaries(entry: Entry, name: string): Buffer[] {
  return list(raw(entry, name)).map((v) => {
    if (!Buffer.isBuffer(v)) throw malformed(entry, name, 'arrived as text instead of bytes');
    return v;
  });
}

export function binary(entry: Entry, name: string): Buffer | null {
  return binaries(entry, name)[0] ?? null;
}

/** Integer syntax attributes that fit a JS number (userAccountControl, functional levels, USNs). */
export function integer(entry: Entry, name: string): number | null {
  const value = text(entry, name);
  if (value === null) return null;
  const n = Number(value);
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(n))
    throw malformed(entry, name, `is not a whole number ("${value}")`);
  return n;
}

/** Large-integer syntax (FILETIME values such as pwdLastSet and accountExpires). */
export function largeInteger(entry: Entry, name: string): bigint | null {
  const value = text(entry, name);
  if (value === null) return null;
  if (!/^-?\d{1,20}$/.test(value)) throw malformed(entry, name, `is not a large integer ("${value}")`);
  return BigInt(value);
}

export function requireText(entry: Entry, name: string): string {
  const value = text(entry, name);
  if (value === null) throw malformed(entry, name, 'is missing');
  return value;
}
