/**
 * Security identifiers (MS-DTYP 2.4.2): binary form ⇄ the `S-1-5-21-…` string form.
 * Revision 1, at most 15 sub-authorities, a 48-bit big-endian identifier authority.
 */
import { AppError, ErrorCode } from '../../../../shared/errors.ts';
import { ByteReader } from './byte-reader.ts';

export const MAX_SUB_AUTHORITIES = 15;
const SID_STRING = /^S-1-(\d+|0x[0-9a-fA-F]{12})((?:-\d+){0,15})$/;

export interface ParsedSid {
  readonly sid: string;
  /** Bytes the SID occupies: 8 + 4 × sub-authority count. */
  readonly size: number;
}

/** Reads one SID at `offset`, never past `end`; failures go through the reader's named error. */
export function readSid(reader: ByteReader, offset: number, end: number = reader.length): ParsedSid {
  const revision = reader.u8(offset, 'SID revision', end);
  if (revision !== 1) reader.fail(`SID revision is ${revision}, expected 1`, offset);
  const count = reader.u8(offset + 1, 'SID sub-authority count', end);
  if (count > MAX_SUB_AUTHORITIES)
    reader.fail(`SID has ${count} sub-authorities (at most ${MAX_SUB_AUTHORITIES})`, offset);
  const size = 8 + 4 * count;
  reader.need(offset, size, 'SID', end);
  const authority = reader.bytes(offset + 2, 6, 'SID authority', end).readUIntBE(0, 6);
  const authorityText =
    authority < 2 ** 32 ? String(authority) : `0x${authority.toString(16).toUpperCase().padStart(12, '0')}`;
  const parts = [`S-1-${authorityText}`];
  for (let i = 0; i < count; i++)
    parts.push(String(reader.u32(offset + 8 + 4 * i, 'SID sub-authority', end)));
  return { sid: parts.join('-'), size };
}

/** A whole attribute value that must be exactly one SID (objectSid, tokenGroups). */
export function sidFromBytes(value: Buffer): string {
  const fail = (message: string, offset: number): never => {
    throw new AppError(
      ErrorCode.DirectoryValueMalformed,
      `A SID from the directory is malformed: ${message} (offset ${offset}).`,
      'Report this with the log file: the directory returned a value that is not a SID.',
    );
  };
  const parsed = readSid(new ByteReader(value, fail), 0);
  if (parsed.size !== value.length) fail(`${value.length - parsed.size} bytes after the SID`, parsed.size);
  return parsed.sid;
}

export function isSidString(text: string): boolean {
  return SID_STRING.test(text);
}

/** The binary form of `S-1-…` (for LDAP filters and hand-built test descriptors). */
export function sidToBytes(text: string): Buffer {
  const match = SID_STRING.exec(text);
  if (!match)
    throw new AppError(
      ErrorCode.InvalidArgument,
      `"${text}" is not a SID (S-1-…).`,
      'Write the SID as S-1-<authority>-<sub-authority>…',
    );
  const authority = match[1]!.startsWith('0x') ? Number.parseInt(match[1]!.slice(2), 16) : Number(match[1]);
  const subs = match[2] === '' ? [] : match[2]!.slice(1).split('-').map(Number);
  if (!Number.isSafeInteger(authority) || authority >= 2 ** 48 || subs.some((s) => s > 0xffffffff)) {
    throw new AppError(ErrorCode.InvalidArgument, `"${text}" has a value out of range.`, 'Check the SID.');
  }
  const out = Buffer.alloc(8 + 4 * subs.length);
  out.writeUInt8(1, 0);
  out.writeUInt8(subs.length, 1);
  out.writeUIntBE(authority, 2, 6);
  subs.forEach((s, i) => out.writeUInt32LE(s, 8 + 4 * i));
  return out;
}
