import { describe, expect, it } from 'vitest';
import { NdrReader } from '../../../../../electron/directory/drsr/ndr/reader.ts';
import { NdrWriter } from '../../../../../electron/directory/drsr/ndr/writer.ts';
import { type Entry, readReply, writeReply } from './composite.ts';
import { prng } from './helpers.ts';

function entry(i: number, attrCount = 2): Entry {
  return {
    dn: `CN=user${i},DC=lab`,
    guid: `0000000${i % 10}-1111-2222-3333-444455556666`,
    attrs: Array.from({ length: attrCount }, (_, a) => ({
      type: 0x00090000 + a,
      values: [Buffer.from(`v${i}.${a}.0`), Buffer.from(`value ${i}.${a}.1`)],
    })),
    parentGuid: i % 2 === 0 ? null : '99999999-8888-7777-6666-555544443333',
    usns: [BigInt(i), -1n],
  };
}

describe('NDR composite round trips (REPLENTINFLIST shape, drsr-notes §3.6)', () => {
  it('round-trips a 3-object list with 2 attributes x 2 values each', () => {
    const list = [entry(1), entry(2), entry(3)];
    const stub = writeReply(list, new NdrWriter());
    expect(readReply(new NdrReader(stub))).toEqual(list);
  });

  it('writes node scalars first, then node pointees from the last node back to the first', () => {
    const list = [entry(1), entry(2), entry(3)];
    const stub = writeReply(list, new NdrWriter());
    // Node scalars are 32 bytes each and follow the reply scalars back to back.
    const firstNode = 24;
    for (let i = 0; i < 3; i++) {
      const next = stub.readUInt32LE(firstNode + 32 * i);
      expect(next === 0).toBe(i === 2);
    }
    const at = (dn: string): number => stub.indexOf(Buffer.from(dn, 'utf16le'));
    expect(at('CN=user3')).toBeGreaterThan(firstNode + 96);
    expect(at('CN=user3')).toBeLessThan(at('CN=user2'));
    expect(at('CN=user2')).toBeLessThan(at('CN=user1'));
    // Inside a node: DSNAME, then attr 0's values, then attr 1's values.
    expect(stub.indexOf('v3.0.0')).toBeGreaterThan(at('CN=user3'));
    expect(stub.indexOf('v3.1.0')).toBeGreaterThan(stub.indexOf('value 3.0.1'));
  });

  it('round-trips empty lists, empty attribute blocks and null pointers', () => {
    expect(readReply(new NdrReader(writeReply([], new NdrWriter())))).toEqual([]);
    const list = [entry(2, 0), { ...entry(4, 1), attrs: [{ type: 1, values: [] }] }];
    expect(readReply(new NdrReader(writeReply(list, new NdrWriter())))).toEqual(list);
  });

  it('decodes a 5000-object list without deep recursion', () => {
    const list = Array.from({ length: 5000 }, (_, i) => entry(i, 1));
    const stub = writeReply(list, new NdrWriter());
    const decoded = readReply(new NdrReader(stub));
    expect(decoded.length).toBe(5000);
    expect(decoded[4999]).toEqual(list[4999]);
  });

  it('round-trips random lists (seeded)', () => {
    const rnd = prng(0x5eed);
    for (let iter = 0; iter < 200; iter++) {
      const list: Entry[] = Array.from({ length: rnd.int(6) }, (_, i) => ({
        dn: 'CN=' + 'x'.repeat(rnd.int(40)) + i,
        guid: '12345678-1234-1234-1234-1234567890ab',
        attrs: Array.from({ length: rnd.int(4) }, () => ({
          type: rnd.int(0xffffffff),
          values: Array.from({ length: rnd.int(3) }, () => rnd.bytes(rnd.int(50))),
        })),
        parentGuid: rnd.int(2) === 0 ? null : 'abcdefab-cdef-abcd-efab-cdefabcdefab',
        usns: Array.from({ length: rnd.int(3) }, () => BigInt(rnd.int(1e9))),
      }));
      expect(readReply(new NdrReader(writeReply(list, new NdrWriter())))).toEqual(list);
    }
  });
});

describe('NDR struct with embedded string pointers', () => {
  interface Person {
    readonly id: number;
    readonly name: string;
    readonly comment: string | null;
    readonly aliases: readonly string[];
  }

  const write = (w: NdrWriter, p: Person): void => {
    w.u32(p.id)
      .pointer(p.name, (w, s) => w.wstring(s))
      .pointer(p.comment, (w, s) => w.wstring(s));
    w.u32(p.aliases.length).pointer(p.aliases, (w, list) =>
      w.conformantArray(list, (w, s) => w.pointer(s, (w, s) => w.wstring(s))),
    );
  };

  const read = (r: NdrReader): (() => Person) => {
    const id = r.u32();
    const name = r.pointer((r) => r.wstring());
    const comment = r.pointer((r) => r.wstring());
    r.u32();
    const aliases = r.pointer((r) => r.conformantArray(4, (r) => r.pointer((r) => r.wstring())));
    return () => ({
      id,
      name: name.value ?? '',
      comment: comment.value,
      aliases: (aliases.value ?? []).map((a) => a.value ?? ''),
    });
  };

  it('round-trips an array of such structs, pointees in member order after all scalars', () => {
    const people: Person[] = [
      { id: 1, name: 'Ada', comment: null, aliases: ['A', 'Countess'] },
      { id: 2, name: 'Alan', comment: 'Bletchley', aliases: [] },
    ];
    const w = new NdrWriter().conformantArray(people, write).flushDeferred();
    const stub = w.finish();
    // max_count + 2 x 20-byte scalars, then Ada's name is the first deferred item.
    expect(stub.readUInt32LE(44)).toBe(4); // max_count of "Ada\0"
    const r = new NdrReader(stub);
    const thunks = r.conformantArray(20, read);
    r.flushDeferred().expectEnd();
    expect(thunks.map((t) => t())).toEqual(people);
  });
});
