import { describe, expect, it } from 'vitest';
import {
  Attr,
  ExtendedOp,
  FULL_SYNC_FLAGS,
  USER_ATTRIBUTES,
} from '../../../../../electron/directory/drsr/drsuapi/constants.ts';
import { readDsName, writeDsName } from '../../../../../electron/directory/drsr/drsuapi/dsname.ts';
import { encodeGetNcChangesRequest } from '../../../../../electron/directory/drsr/drsuapi/get-nc-changes-request.ts';
import { guidToBytes } from '../../../../../electron/directory/drsr/ndr/guid.ts';
import { NdrReader } from '../../../../../electron/directory/drsr/ndr/reader.ts';
import { NdrWriter } from '../../../../../electron/directory/drsr/ndr/writer.ts';
import { ErrorCode } from '../../../../../shared/errors.ts';
import { expectAppError } from '../ndr/helpers.ts';
import { DSA, INVOCATION, loadFixture } from './builders.ts';

const handle = Buffer.alloc(20, 0x11);
const NC = 'DC=lab,DC=example,DC=test';
const usnVector = { highObjUpdate: 9145n, reserved: 0xfeedn, highPropUpdate: 9140n };

describe('GetNCChanges request V8 (drsr-notes §3.5)', () => {
  const stub = encodeGetNcChangesRequest(handle, {
    destinationDsa: DSA,
    invocationId: INVOCATION,
    dn: NC,
    usnVector,
    upToDate: [
      { dsa: 'ffffffff-0000-0000-0000-000000000000', usn: 5n, lastSync: 1n },
      { dsa: '00000001-0000-0000-0000-000000000000', usn: 9n, lastSync: 1n },
    ],
    flags: FULL_SYNC_FLAGS,
    maxObjects: 100,
    maxBytes: 1 << 20,
    attributes: [Attr.unicodePwd, Attr.objectClass, Attr.objectSid],
  });

  it('lays the V8 scalars at the offsets of the spec', () => {
    expect(stub.subarray(0, 20)).toEqual(handle);
    expect([stub.readUInt32LE(20), stub.readUInt32LE(24)]).toEqual([8, 8]);
    expect(stub.subarray(32, 48)).toEqual(guidToBytes(DSA));
    expect(stub.subarray(48, 64)).toEqual(guidToBytes(INVOCATION));
    expect(stub.readUInt32LE(64)).not.toBe(0); // pNC: never null
    expect([stub.readBigUInt64LE(72), stub.readBigUInt64LE(80), stub.readBigUInt64LE(88)]).toEqual([
      9145n,
      0xfeedn,
      9140n,
    ]);
    expect(stub.readUInt32LE(96)).not.toBe(0); // UTD vector
    expect([
      stub.readUInt32LE(100),
      stub.readUInt32LE(104),
      stub.readUInt32LE(108),
      stub.readUInt32LE(112),
    ]).toEqual([FULL_SYNC_FLAGS, 100, 1 << 20, ExtendedOp.None]);
    expect(stub.readBigUInt64LE(120)).toBe(0n);
    expect(stub.readUInt32LE(128)).not.toBe(0); // PAS in pPartialAttrSet (Samba 4.17 filters by it only)
    expect(stub.readUInt32LE(132)).toBe(0); // no pPartialAttrSetEx1
    expect([stub.readUInt32LE(136), stub.readUInt32LE(140)]).toEqual([0, 0]); // empty prefix table
  });

  it('defers the NC DSNAME with its string DN first (Samba 4.17 needs the DN, §6.3)', () => {
    const r = new NdrReader(stub);
    r.skip(144);
    expect(readDsName(r)).toEqual({ dn: NC, guid: '00000000-0000-0000-0000-000000000000', sid: null });
  });

  it('sends the UTD vector as V1 cursors sorted by DSA GUID, then the PAS sorted ascending', () => {
    const r = new NdrReader(stub);
    r.skip(144);
    readDsName(r);
    const max = r.u32();
    r.align(8);
    expect([max, r.u32(), r.u32(), r.u32(), r.u32()]).toEqual([2, 1, 0, 2, 0]);
    r.align(8);
    expect(r.guid()).toBe('00000001-0000-0000-0000-000000000000');
    expect(r.u64()).toBe(9n);
    r.align(8);
    expect(r.guid()).toBe('ffffffff-0000-0000-0000-000000000000');
    r.u64();
    expect([r.u32(), r.u32(), r.u32(), r.u32()]).toEqual([3, 1, 0, 3]);
    expect([r.u32(), r.u32(), r.u32()]).toEqual(
      [Attr.objectClass, Attr.unicodePwd, Attr.objectSid].sort((a, b) => a - b),
    );
    r.expectEnd();
  });

  it('matches, byte for byte, the EXOP_REPL_OBJ request that the lab DC answered', () => {
    const captured = loadFixture('repl-obj').calls[0]!.request;
    const r = new NdrReader(captured);
    r.skip(144);
    const target = readDsName(r);
    const rebuilt = encodeGetNcChangesRequest(captured.subarray(0, 20), {
      destinationDsa: new NdrReader(captured.subarray(32, 48)).guid(),
      invocationId: new NdrReader(captured.subarray(48, 64)).guid(),
      dn: target.dn,
      flags: captured.readUInt32LE(100),
      maxObjects: 1,
      maxBytes: 0,
      extendedOp: ExtendedOp.ReplObj,
      attributes: USER_ATTRIBUTES,
    });
    expect(rebuilt).toEqual(captured);
  });
});

describe('DSNAME', () => {
  it('round-trips a DN with non-ASCII and astral characters', () => {
    const dn = 'CN=Zoë Ünicode 🔑,OU=Sync,DC=lab';
    const w = new NdrWriter();
    writeDsName(w, { dn, guid: DSA });
    expect(readDsName(new NdrReader(w.finish()))).toEqual({ dn, guid: DSA, sid: null });
  });

  it('rejects a NameLen beyond max_count and a SidLen beyond 28', () => {
    const w = new NdrWriter();
    writeDsName(w, { dn: 'CN=x' });
    const stub = w.finish();
    const longName = Buffer.from(stub);
    longName.writeUInt32LE(10, 56);
    expectAppError(() => readDsName(new NdrReader(longName)), ErrorCode.NdrMalformed);
    const longSid = Buffer.from(stub);
    longSid.writeUInt32LE(29, 8);
    expectAppError(() => readDsName(new NdrReader(longSid)), ErrorCode.NdrMalformed);
  });
});
