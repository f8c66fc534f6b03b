import { describe, expect, it } from 'vitest';
import { NdrReader } from '../../../../../electron/directory/drsr/ndr/reader.ts';
import { NdrWriter } from '../../../../../electron/directory/drsr/ndr/writer.ts';
import { ErrorCode } from '../../../../../shared/errors.ts';
import { expectAppError, hex } from './helpers.ts';

describe('NdrReader golden decoding', () => {
  it('reads aligned primitives', () => {
    const r = new NdrReader(
      hex('ab00 3412 01000000 efbeadde 00000000 0807060504030201 0700 0000 feffffff 0807060504030201'),
    );
    expect([r.u8(), r.u16(), r.u8(), r.u32()]).toEqual([0xab, 0x1234, 1, 0xdeadbeef]);
    expect(r.u64()).toBe(0x0102030405060708n);
    expect([r.u16(), r.i32()]).toEqual([7, -2]);
    expect(r.u64Parts()).toEqual({ high: 0x01020304, low: 0x05060708 });
    r.expectEnd();
  });

  it('reads deferred pointees depth-first, each before the next sibling', () => {
    const r = new NdrReader(
      hex(`00000200 04000200 08000200
           02000000 00000000 02000000 78000000
           02000000 00000000 02000000 79000000`),
    );
    const a = r.pointer((r) => r.pointer((r) => r.wstring()));
    const y = r.pointer((r) => r.wstring());
    r.flushDeferred().expectEnd();
    expect(a.value?.value).toBe('x');
    expect(y.value).toBe('y');
  });

  it('reads [unique] parameters inline and a conformant struct with hoisted max_count', () => {
    const stub = hex(`00000000 04000200 08000000 08000000 0102030405060708`);
    const r = new NdrReader(stub);
    expect(r.topLevelPointer((r) => r.guid())).toBeNull();
    const ext = r.topLevelPointer((r) => {
      const max = r.conformance();
      const cb = r.u32();
      expect(cb).toBe(max);
      return r.bytes(cb);
    });
    expect(ext).toEqual(hex('0102030405060708'));
    r.expectEnd();
  });

  it('reads a conformant struct: max_count, then its alignment pad, then the body', () => {
    const r = new NdrReader(hex('02000000 ffffffff 02000000 00000000 0100000000000000 0200000000000000'));
    const body = r.conformantStruct(8, (r, max) => {
      const n = r.u32();
      return { max, items: r.elements(n, 8, (r) => r.u64()) };
    });
    expect(body).toEqual({ max: 2, items: [1n, 2n] });
    r.expectEnd();
  });

  it('decodes a union by its discriminant and rejects an unknown arm', () => {
    const stub = hex('02000000 05000000');
    expect(new NdrReader(stub).union({ 2: (r) => r.u32() })).toBe(5);
    expectAppError(() => new NdrReader(stub).union({ 1: (r) => r.u32() }), ErrorCode.NdrMalformed);
  });

  it('reads GUIDs in bytes_le form and 20-byte context handles', () => {
    const r = new NdrReader(hex(`1a204de2d64fd111a3da0000f875ae0d ${'ab'.repeat(20)}`));
    expect(r.guid()).toBe('e24d201a-4fd6-11d1-a3da-0000f875ae0d');
    expect(r.contextHandle()).toEqual(Buffer.alloc(20, 0xab));
  });

  it('aliases full pointers that repeat a referent id and reads their pointee once', () => {
    const stub = hex('01000000 01000000 00000000 2a000000');
    const r = new NdrReader(stub);
    const a = r.fullPointer((r) => r.u32());
    const b = r.fullPointer((r) => r.u32());
    const c = r.fullPointer((r) => r.u32());
    r.flushDeferred().expectEnd();
    expect(a).toBe(b);
    expect([a.value, c.isNull, c.value]).toEqual([42, true, null]);
  });

  it('drops one trailing NUL from strings and keeps unterminated ones whole', () => {
    const stub = new NdrWriter().wstring('abc').wstring('de', false).astring('xy').finish();
    const r = new NdrReader(stub);
    expect([r.wstring(), r.wstring(), r.astring()]).toEqual(['abc', 'de', 'xy']);
  });
});

describe('NdrReader bounds checks', () => {
  it('throws NdrMalformed on truncation of every primitive', () => {
    expectAppError(() => new NdrReader(hex('010203')).u32(), ErrorCode.NdrMalformed);
    expectAppError(() => new NdrReader(hex('01')).u16(), ErrorCode.NdrMalformed);
    expectAppError(() => new NdrReader(hex('00000000 01')).u64(), ErrorCode.NdrMalformed);
    expectAppError(() => new NdrReader(hex('00'.repeat(15))).guid(), ErrorCode.NdrMalformed);
    expectAppError(() => new NdrReader(hex('')).u8(), ErrorCode.NdrMalformed);
  });

  it('rejects an absurd array count before allocating or looping', () => {
    const r = new NdrReader(hex('ffffffff 00000000'));
    let calls = 0;
    const e = expectAppError(
      () =>
        r.conformantArray(4, (r) => {
          calls++;
          return r.u32();
        }),
      ErrorCode.NdrMalformed,
    );
    expect(calls).toBe(0);
    expect(e.message).toContain('4294967295 elements');
  });

  it('rejects varying arrays whose offset + actual_count exceed max_count', () => {
    expectAppError(
      () => new NdrReader(hex('02000000 00000000 03000000 000000')).wstring(),
      ErrorCode.NdrMalformed,
    );
    expectAppError(() => new NdrReader(hex('02000000 ffffffff 02000000')).wstring(), ErrorCode.NdrMalformed);
    expectAppError(() => new NdrReader(hex('ffffffff 00000000 ffffffff')).wstring(), ErrorCode.NdrMalformed);
  });

  it('rejects byte blobs and strings longer than the data left', () => {
    expectAppError(() => new NdrReader(hex('00000010 aa')).byteArray(), ErrorCode.NdrMalformed);
    expectAppError(
      () => new NdrReader(hex('05000000 00000000 05000000 4100')).astring(),
      ErrorCode.NdrMalformed,
    );
  });

  it('enforces the element budget and the nesting depth', () => {
    const stub = new NdrWriter().conformantArray([1, 2, 3, 4], (w, v) => w.u32(v)).finish();
    expectAppError(
      () => new NdrReader(stub, { maxElements: 3 }).conformantArray(4, (r) => r.u32()),
      ErrorCode.NdrMalformed,
    );

    // A chain of 50 nested pointers; depth 10 must stop it.
    const w = new NdrWriter();
    const chain = (w: NdrWriter, n: number): void => {
      w.pointer(n > 0 ? n - 1 : null, chain);
    };
    chain(w, 50);
    const deep = w.flushDeferred().finish();
    const read = (r: NdrReader): void => {
      r.pointer(read);
    };
    const r = new NdrReader(deep, { maxDepth: 10 });
    read(r);
    expectAppError(() => r.flushDeferred(), ErrorCode.NdrMalformed);
    const ok = new NdrReader(deep, { maxDepth: 100 });
    read(ok);
    ok.flushDeferred().expectEnd();
  });

  it('reports trailing bytes and pointees read too early', () => {
    expectAppError(() => new NdrReader(hex('00')).expectEnd(), ErrorCode.NdrMalformed);
    const r = new NdrReader(hex('01000000 05000000'));
    const p = r.pointer((r) => r.u32());
    expectAppError(() => p.value, ErrorCode.Internal);
  });
});
