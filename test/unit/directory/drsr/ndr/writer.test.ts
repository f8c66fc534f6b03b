import { describe, expect, it } from 'vitest';
import { NdrWriter } from '../../../../../electron/directory/drsr/ndr/writer.ts';
import { ErrorCode } from '../../../../../shared/errors.ts';
import { expectAppError, hex } from './helpers.ts';

const NTDSAPI_CLIENT_GUID = 'e24d201a-4fd6-11d1-a3da-0000f875ae0d';

describe('NdrWriter golden layouts (drsr-notes §4)', () => {
  it('aligns every primitive to its size, relative to the stub start', () => {
    const w = new NdrWriter()
      .u8(0xab)
      .u16(0x1234)
      .u8(1)
      .u32(0xdeadbeef)
      .u64(0x0102030405060708n)
      .u16(7)
      .i32(-2);
    expect(w.finish().toString('hex')).toBe(
      'ab00' +
        '3412' +
        '01000000' +
        'efbeadde' +
        '00000000' +
        '0807060504030201' +
        '0700' +
        '0000' +
        'feffffff',
    );
  });

  it('writes a hyper from high/low halves like the bigint form', () => {
    const a = new NdrWriter().u8(1).u64Parts(0x01020304, 0x05060708).finish();
    const b = new NdrWriter().u8(1).u64(0x0102030405060708n).finish();
    expect(a).toEqual(b);
    expect(a.length).toBe(16);
  });

  it('encodes the IDL_DRSBind request: two [unique] parameters with inline pointees (§3.1)', () => {
    const rgb = Buffer.alloc(52);
    rgb.writeUInt32LE(0x05c08000, 0);
    rgb.writeUInt32LE(0xffffffff, 48);
    const w = new NdrWriter()
      .topLevelPointer(NTDSAPI_CLIENT_GUID, (w, g) => w.guid(g))
      .topLevelPointer(rgb, (w, bytes) => w.conformance(bytes.length).u32(bytes.length).bytes(bytes));
    expect(w.finish()).toEqual(
      hex(`00000200 1a204de2d64fd111a3da0000f875ae0d
           04000200 34000000 34000000 0080c005 ${'00'.repeat(44)} ffffffff`),
    );
  });

  it('hoists a conformant struct max_count before its fields (DSNAME, §3.5)', () => {
    const dn = 'DC=lab';
    const w = new NdrWriter()
      .conformance(dn.length + 1)
      .u32(56 + 2 * (dn.length + 1))
      .u32(0)
      .guid('00112233-4455-6677-8899-aabbccddeeff')
      .bytes(Buffer.alloc(28))
      .u32(dn.length)
      .utf16(dn)
      .u16(0);
    expect(w.finish()).toEqual(
      hex(`07000000 46000000 00000000 33221100554477668899aabbccddeeff ${'00'.repeat(28)}
           06000000 440043003d006c0061006200 0000`),
    );
  });

  it('pads a conformant struct to its own alignment after the hoisted max_count (UPTODATE_VECTOR, §3.5)', () => {
    const w = new NdrWriter().conformantStruct(1, 8, (w) =>
      w.u32(1).u32(0).u32(1).u32(0).guid('00112233-4455-6677-8899-aabbccddeeff').i64(5n),
    );
    expect(w.finish()).toEqual(
      hex(`01000000 00000000 01000000 00000000 01000000 00000000
           33221100554477668899aabbccddeeff 0500000000000000`),
    );
  });

  it('encodes DRSDomainControllerInfo: union arm with an embedded string pointer deferred (§3.3)', () => {
    const handle = Buffer.from(Array.from({ length: 20 }, (_, i) => i + 1));
    const w = new NdrWriter()
      .contextHandle(handle)
      .u32(1)
      .union(1, (w) => w.pointer('lab.example.test', (w, s) => w.wstring(s)).u32(2))
      .flushDeferred();
    expect(w.finish()).toEqual(
      Buffer.concat([
        handle,
        hex('01000000 01000000 00000200 02000000 11000000 00000000 11000000'),
        Buffer.from('lab.example.test\0', 'utf16le'),
      ]),
    );
  });

  it('writes each deferred pointee completely before the next sibling', () => {
    const w = new NdrWriter()
      .pointer('x', (w) => w.pointer('x', (w, s) => w.wstring(s)))
      .pointer('y', (w, s) => w.wstring(s))
      .flushDeferred();
    expect(w.finish()).toEqual(
      hex(`00000200 04000200 08000200
           02000000 00000000 02000000 78000000
           02000000 00000000 02000000 79000000`),
    );
  });

  it('lands the GetNCChanges V8 fields at the offsets of §3.5', () => {
    const w = new NdrWriter().contextHandle(Buffer.alloc(20)).u32(8);
    const at: Record<string, number> = {};
    w.union(8, (w) => {
      w.align(8);
      at['uuidDsaObjDest'] = w.offset;
      w.guid('11111111-1111-1111-1111-111111111111').guid('22222222-2222-2222-2222-222222222222');
      at['pNC'] = w.offset;
      w.pointer('DC=lab', (w, dn) =>
        w
          .conformance(dn.length + 1)
          .u32(0)
          .utf16(dn)
          .u16(0),
      );
      w.align(8);
      at['usnvecFrom'] = w.offset;
      w.i64(1n)
        .i64(2n)
        .i64(3n)
        .pointer(null, () => undefined);
      at['ulFlags'] = w.offset;
      w.u32(0x30).u32(1).u32(0);
      at['ulExtendedOp'] = w.offset;
      w.u32(6).u64(0n);
      at['pPartialAttrSet'] = w.offset;
      w.pointer(null, () => undefined)
        .pointer(null, () => undefined)
        .u32(0)
        .pointer(null, () => undefined);
      at['deferred'] = w.offset;
    });
    w.flushDeferred();
    expect(at).toEqual({
      uuidDsaObjDest: 32,
      pNC: 64,
      usnvecFrom: 72,
      ulFlags: 100,
      ulExtendedOp: 112,
      pPartialAttrSet: 128,
      deferred: 144,
    });
    const stub = w.finish();
    expect(stub.readUInt32LE(64)).toBe(0x00020000);
    expect(stub.readUInt32LE(144)).toBe(7); // the DSNAME's hoisted max_count
  });

  it('writes conformant, conformant-varying and varying arrays, ASCII strings and byte blobs', () => {
    const items = [1, 2];
    const w = new NdrWriter()
      .conformantArray(items, (w, v) => w.u16(v))
      .conformantVaryingArray(items, (w, v) => w.u8(v), 5)
      .varyingArray(items, (w, v) => w.u8(v))
      .astring('ok')
      .wstring('A', false)
      .byteArray(hex('c0ffee'));
    expect(w.finish()).toEqual(
      hex(`02000000 0100 0200
           05000000 00000000 02000000 0102 0000
           00000000 02000000 0102 0000
           03000000 00000000 03000000 6f6b00 00
           01000000 00000000 01000000 4100 0000
           03000000 c0ffee`),
    );
  });

  it('refuses to finish with unflushed pointees and rejects a short context handle', () => {
    const w = new NdrWriter().pointer(1, (w, v) => w.u32(v));
    expectAppError(() => w.finish(), ErrorCode.Internal);
    expectAppError(() => new NdrWriter().contextHandle(Buffer.alloc(16)), ErrorCode.Internal);
  });

  it('grows past its initial buffer', () => {
    const big = Buffer.alloc(10_000, 7);
    const stub = new NdrWriter().u8(1).byteArray(big).finish();
    expect(stub.length).toBe(4 + 4 + 10_000);
    expect(stub.subarray(8)).toEqual(big);
  });
});
