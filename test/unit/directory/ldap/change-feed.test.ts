import { describe, expect, it } from 'vitest';
import { resyncReason } from '../../../../electron/directory/ldap/change-feed.ts';
import {
  Attid,
  changedAfter,
  parseReplPropertyMetaData,
} from '../../../../electron/directory/ldap/repl-metadata.ts';
import {
  decodeWatermark,
  encodeWatermark,
  type WatermarkState,
} from '../../../../electron/directory/ldap/watermark.ts';
import type { AppError } from '../../../../shared/errors.ts';
import { fixture } from './fixtures.ts';

const state: WatermarkState = {
  dc: 'dc1.lab.example.test',
  invocationId: 'c0577b8d-9588-4827-b4a1-69efb3166098',
  usn: 9145,
  scope: 'in:ou=sync;out:',
};

describe('replPropertyMetaData', () => {
  const metadata = parseReplPropertyMetaData(fixture('user-repl-metadata.bin'));

  it('decodes the blob captured from the lab: one entry per attribute, all from this DC', () => {
    expect(metadata.length).toBe((1312 - 16) / 48);
    expect(new Set(metadata.map((m) => m.originatingInvocationId))).toEqual(new Set([state.invocationId]));
    for (const m of metadata) expect(m.localUsn).toBeLessThanOrEqual(4035n);
  });

  it('holds unicodePwd and pwdLastSet entries written when the user was created (USN ≤ 4035)', () => {
    const pwd = metadata.find((m) => m.attid === Attid.unicodePwd);
    const last = metadata.find((m) => m.attid === Attid.pwdLastSet);
    expect(pwd?.version).toBeGreaterThanOrEqual(1);
    expect(last).toBeDefined();
    expect(changedAfter(metadata, Attid.unicodePwd, Number(pwd!.localUsn) - 1)).toBe(true);
    expect(changedAfter(metadata, Attid.unicodePwd, Number(pwd!.localUsn))).toBe(false);
    expect(changedAfter(metadata, 0x7fff_ffff, 0)).toBe(false);
  });

  it('refuses a wrong version and a count that does not fill the blob', () => {
    const blob = fixture('user-repl-metadata.bin');
    const version = Buffer.from(blob);
    version.writeUInt32LE(2, 0);
    const count = Buffer.from(blob);
    count.writeUInt32LE(1000, 8);
    for (const bad of [version, count, blob.subarray(0, 40), Buffer.alloc(0)]) {
      expect(() => parseReplPropertyMetaData(bad)).toThrow(
        expect.objectContaining({ code: 'DIRECTORY_VALUE_MALFORMED' }) as AppError,
      );
    }
  });
});

describe('watermark', () => {
  it('round-trips as an opaque string', () => {
    const text = encodeWatermark(state);
    expect(text).toMatch(/^phs-ldap-usn\.1\.[A-Za-z0-9_-]+$/);
    expect(decodeWatermark(text)).toEqual(state);
  });

  it('refuses anything else with INVALID_ARGUMENT', () => {
    const good = encodeWatermark(state);
    for (const bad of [
      '',
      'x',
      good.slice(0, 20),
      `${good}!!`,
      encodeWatermark({ ...state, usn: -1 }),
      encodeWatermark({ ...state, invocationId: 'nope' }),
    ]) {
      expect(() => decodeWatermark(bad), bad).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as AppError,
      );
    }
  });
});

describe('resyncReason', () => {
  it('asks for a full sync without a watermark, on another DC, on a restored DC, on a USN rollback and on a new scope', () => {
    expect(resyncReason(null, state)?.reason).toBe('noWatermark');
    expect(
      resyncReason(state, {
        ...state,
        dc: 'dc2.lab.example.test',
        invocationId: '00000000-0000-0000-0000-000000000001',
      })?.reason,
    ).toBe('differentDc');
    expect(
      resyncReason(state, { ...state, invocationId: '00000000-0000-0000-0000-000000000001' })?.reason,
    ).toBe('restoredDc');
    expect(resyncReason(state, { ...state, usn: state.usn - 1 })?.reason).toBe('usnRollback');
    expect(resyncReason(state, { ...state, scope: 'in:ou=other;out:' })?.reason).toBe('scopeChanged');
  });

  it('continues incrementally on the same DC, same scope, same or higher USN', () => {
    expect(resyncReason(state, state)).toBeNull();
    expect(resyncReason(state, { ...state, usn: state.usn + 100 })).toBeNull();
  });
});
