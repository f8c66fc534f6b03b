import { describe, expect, it } from 'vitest';
import {
  parseCursor,
  serializeCursor,
  type ReplicationCursor,
} from '../../../../../electron/directory/drsr/drsuapi/cursor.ts';
import { ErrorCode } from '../../../../../shared/errors.ts';
import { expectAppError } from '../ndr/helpers.ts';
import { INVOCATION } from './builders.ts';

const MAX = (1n << 64n) - 1n;
const cursor: ReplicationCursor = {
  version: 1,
  ncDn: 'DC=lab,DC=example,DC=test',
  invocationId: INVOCATION,
  usnVector: { highObjUpdate: 9146n, reserved: MAX, highPropUpdate: 9140n },
  upToDate: [{ dsa: INVOCATION, usn: 9146n, lastSync: 134_401_557_862_761_230n }],
  complete: true,
};

describe('replication cursor', () => {
  it('round-trips through its string form with every 64-bit field exact', () => {
    const text = serializeCursor(cursor);
    expect(parseCursor(text)).toEqual(cursor);
    expect(parseCursor(serializeCursor({ ...cursor, upToDate: null, complete: false }))).toEqual({
      ...cursor,
      upToDate: null,
      complete: false,
    });
  });

  it.each([
    ['not JSON', '{'],
    ['another version', serializeCursor(cursor).replace('"v":1', '"v":2')],
    ['a bad GUID', serializeCursor(cursor).replace(INVOCATION, 'nope')],
    ['a USN over 64 bits', serializeCursor(cursor).replace(String(MAX), String(MAX + 1n))],
    ['a negative USN', serializeCursor(cursor).replace('"9146"', '"-1"')],
    ['a missing field', JSON.stringify({ v: 1 })],
    ['an empty object', '{}'],
    ['an array', '[]'],
  ])('rejects %s with DrsrCursorInvalid', (_what, text) => {
    expectAppError(() => parseCursor(text), ErrorCode.DrsrCursorInvalid);
  });
});
