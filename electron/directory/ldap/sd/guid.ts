/**
 * GUIDs as AD stores them (MS-DTYP 2.3.4.2): the first three fields little-endian, the last
 * eight bytes in order. `objectGUID` bytes ⇄ `1131f6aa-9c07-11d1-f79f-00c04fc2dcd2`.
 */
import { AppError, ErrorCode } from '../../../../shared/errors.ts';

const GUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function guidFromBytes(value: Buffer): string {
  if (value.length !== 16) {
    throw new AppError(
      ErrorCode.DirectoryValueMalformed,
      `A GUID from the directory has ${value.length} bytes, not 16.`,
      'Report this with the log file.',
    );
  }
  const hex = (from: number, to: number): string => value.subarray(from, to).toString('hex');
  const le = (from: number, to: number): string =>
    Buffer.from(value.subarray(from, to)).reverse().toString('hex');
  return `${le(0, 4)}-${le(4, 6)}-${le(6, 8)}-${hex(8, 10)}-${hex(10, 16)}`;
}

export function isGuidString(text: string): boolean {
  return GUID_TEXT.test(text.toLowerCase());
}

export function guidToBytes(text: string): Buffer {
  const guid = text.toLowerCase();
  if (!GUID_TEXT.test(guid))
    throw new AppError(
      ErrorCode.InvalidArgument,
      `"${text}" is not a GUID.`,
      'Write it as xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.',
    );
  const [a, b, c, d, e] = guid.split('-') as [string, string, string, string, string];
  const le = (h: string): Buffer => Buffer.from(h, 'hex').reverse();
  return Buffer.concat([le(a), le(b), le(c), Buffer.from(d + e, 'hex')]);
}
