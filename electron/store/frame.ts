/**
 * One framed record per line: `<crc32 as 8 hex> <byte length> <JSON>\n`.
 * The length and the checksum of the JSON bytes let a reader tell a complete record from a
 * write torn by a crash (or a tail of zeros a file system left after power loss).
 */
import { crc32 } from 'node:zlib';

export function frame(value: unknown): string {
  const json = JSON.stringify(value);
  const bytes = Buffer.byteLength(json, 'utf8');
  return `${crc32(json).toString(16).padStart(8, '0')} ${bytes} ${json}\n`;
}

export interface ScannedLines {
  /** The decoded records, in file order, up to the first damaged one. */
  readonly records: unknown[];
  /** Bytes of the file that hold valid records (where appending resumes). */
  readonly validBytes: number;
  /** True when something followed the valid records (a torn or garbled tail). */
  readonly damagedTail: boolean;
  /** True when a valid record follows a damaged one: not a torn write, real corruption. */
  readonly damagedMiddle: boolean;
}

const HEADER = /^([0-9a-f]{8}) ([0-9]{1,10}) /;

/** Decodes one line (without its newline), or undefined when it is not a whole, intact record. */
export function unframe(line: Buffer): unknown {
  const head = HEADER.exec(line.subarray(0, 20).toString('latin1'));
  if (!head) return undefined;
  const body = line.subarray(head[0].length);
  if (body.length !== Number(head[2]) || crc32(body) !== parseInt(head[1]!, 16)) return undefined;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Reads every framed line of `data`; stops at the first damaged one and says what followed. */
export function scanLines(data: Buffer): ScannedLines {
  const records: unknown[] = [];
  let offset = 0;
  while (offset < data.length) {
    const end = data.indexOf(0x0a, offset);
    const record = end < 0 ? undefined : unframe(data.subarray(offset, end));
    if (record === undefined) {
      return { records, validBytes: offset, damagedTail: true, damagedMiddle: hasValidLineAfter(data, end) };
    }
    records.push(record);
    offset = end + 1;
  }
  return { records, validBytes: offset, damagedTail: false, damagedMiddle: false };
}

function hasValidLineAfter(data: Buffer, end: number): boolean {
  let offset = end < 0 ? data.length : end + 1;
  while (offset < data.length) {
    const next = data.indexOf(0x0a, offset);
    if (next < 0) return false;
    if (unframe(data.subarray(offset, next)) !== undefined) return true;
    offset = next + 1;
  }
  return false;
}
