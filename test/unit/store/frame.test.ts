import { describe, expect, it } from 'vitest';
import { frame, scanLines, unframe } from '../../../electron/store/frame.ts';

const lines = (...values: unknown[]): Buffer => Buffer.from(values.map((v) => frame(v)).join(''));

describe('framed records', () => {
  it('round-trip, including non-ASCII text', () => {
    const value = { name: 'Jürgen Müller 日本', n: 1 };
    const text = frame(value);
    expect(text.endsWith('\n')).toBe(true);
    expect(unframe(Buffer.from(text.slice(0, -1)))).toEqual(value);
  });

  it('refuse a record whose bytes changed or whose length is wrong', () => {
    const text = frame({ a: 1 }).slice(0, -1);
    expect(unframe(Buffer.from(text.replace('"a":1', '"a":2')))).toBeUndefined();
    expect(unframe(Buffer.from(`${text} `))).toBeUndefined();
    expect(unframe(Buffer.from('garbage'))).toBeUndefined();
  });

  it('a torn last write is reported as a damaged tail, and the valid bytes end before it', () => {
    const whole = lines({ a: 1 }, { b: 2 });
    const torn = Buffer.concat([whole, Buffer.from(frame({ c: 3 }).slice(0, 9))]);
    const scan = scanLines(torn);
    expect(scan).toMatchObject({
      records: [{ a: 1 }, { b: 2 }],
      validBytes: whole.length,
      damagedTail: true,
      damagedMiddle: false,
    });
  });

  it('a tail of zeros (file system after power loss) is a damaged tail too', () => {
    const whole = lines({ a: 1 });
    const scan = scanLines(Buffer.concat([whole, Buffer.alloc(4096)]));
    expect(scan).toMatchObject({
      records: [{ a: 1 }],
      validBytes: whole.length,
      damagedTail: true,
      damagedMiddle: false,
    });
  });

  it('a damaged record followed by a valid one is corruption, not a torn write', () => {
    const good = lines({ a: 1 });
    const data = Buffer.concat([good, Buffer.from('00000000 3 {x}\n'), lines({ b: 2 })]);
    expect(scanLines(data)).toMatchObject({ damagedTail: true, damagedMiddle: true });
  });
});
