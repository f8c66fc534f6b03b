/**
 * GUIDs in the Microsoft "bytes_le" wire form: Data1 u32 LE, Data2 u16 LE, Data3 u16 LE,
 * then Data4 as 8 raw bytes (drsr-notes §1.1). Text form is lowercase 8-4-4-4-12.
 */
import { AppError, ErrorCode } from '../../../../shared/errors.ts';

export const NIL_GUID = '00000000-0000-0000-0000-000000000000';

const GUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuidText(text: string): boolean {
  return GUID_TEXT.test(text);
}

export function guidToBytes(text: string): Buffer {
  if (!GUID_TEXT.test(text)) {
    throw new AppError(
      ErrorCode.InvalidArgument,
      `"${text}" is not a GUID.`,
      'Pass a GUID as 8-4-4-4-12 hex.',
    );
  }
  const hex = text.replaceAll('-', '');
  const out = Buffer.from(hex, 'hex');
  // The first three groups are integers stored little-endian; Data4 stays in text order.
  out.subarray(0, 4).reverse();
  out.subarray(4, 6).reverse();
  out.subarray(6, 8).reverse();
  return out;
}

/** Caller guarantees 16 readable bytes at `offset` (readers bounds-check before calling). */
export function guidFromBytes(bytes: Uint8Array, offset = 0): string {
  const b = Buffer.from(bytes.subarray(offset, offset + 16));
  b.subarray(0, 4).reverse();
  b.subarray(4, 6).reverse();
  b.subarray(6, 8).reverse();
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
