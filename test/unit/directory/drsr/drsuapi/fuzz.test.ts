/**
 * Fuzzing the drsuapi decoders with random and mutated inputs, seeded from the replies the lab
 * DC really sent (test/fixtures/drsr/): every input must decode or fail with one of our named
 * codes, quickly, without large allocations. Seeded, so a failure replays.
 */
import { describe, expect, it } from 'vitest';
import { decodeBindReply, decodeUnbindReply } from '../../../../../electron/directory/drsr/drsuapi/bind.ts';
import { DrsOpnum } from '../../../../../electron/directory/drsr/drsuapi/constants.ts';
import { decodeCrackNamesReply } from '../../../../../electron/directory/drsr/drsuapi/crack-names.ts';
import { parseCursor, serializeCursor } from '../../../../../electron/directory/drsr/drsuapi/cursor.ts';
import { decodeDcInfoReply } from '../../../../../electron/directory/drsr/drsuapi/dc-info.ts';
import {
  decodeGetNcChangesReply,
  peekReplyHead,
} from '../../../../../electron/directory/drsr/drsuapi/get-nc-changes-reply.ts';
import {
  berToOid,
  PrefixTable,
  readPrefixEntry,
} from '../../../../../electron/directory/drsr/drsuapi/prefix-table.ts';
import { toUserRecord } from '../../../../../electron/directory/drsr/drsuapi/user-record.ts';
import { NdrReader } from '../../../../../electron/directory/drsr/ndr/reader.ts';
import { ErrorCode } from '../../../../../shared/errors.ts';
import { codeOf, prng } from '../ndr/helpers.ts';
import { encodeReply, INVOCATION, loadFixture, sidBytes, u32 } from './builders.ts';

type Rng = ReturnType<typeof prng>;
const EXTREMES = [0, 1, 2, 6, 0x7f, 0xff, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];
const NAMED = new Set<string>([
  ErrorCode.NdrMalformed,
  ErrorCode.DrsrUnexpectedReply,
  ErrorCode.SecretChecksum,
  ErrorCode.SecretMalformed,
  ErrorCode.DrsrCursorInvalid,
]);

function mutate(rnd: Rng, input: Buffer): Buffer {
  let out = Buffer.from(input);
  const edits = 1 + rnd.int(4);
  for (let i = 0; i < edits; i++) {
    const kind = rnd.int(5);
    if (kind === 0 && out.length > 0) out[rnd.int(out.length)] = rnd.int(256);
    else if (kind <= 2 && out.length >= 4)
      out.writeUInt32LE(EXTREMES[rnd.int(EXTREMES.length)]!, rnd.int(out.length >> 2) * 4);
    else if (kind === 3) out = out.subarray(0, rnd.int(out.length + 1));
    else {
      const at = rnd.int(out.length + 1);
      out = Buffer.concat([out.subarray(0, at), rnd.bytes(rnd.int(24)), out.subarray(at)]);
    }
  }
  return out;
}

/** Runs `fn` over `iterations` inputs; every failure must carry a named code. */
function fuzz(
  iterations: number,
  input: (i: number) => Buffer,
  fn: (input: Buffer) => unknown,
): { decoded: number; rejected: number } {
  let decoded = 0;
  let rejected = 0;
  for (let i = 0; i < iterations; i++) {
    const code = codeOf(() => fn(input(i)));
    if (code === null) decoded++;
    else {
      if (!NAMED.has(code)) expect(code).toBe('a named decoder error');
      rejected++;
    }
  }
  return { decoded, rejected };
}

const fullPage = loadFixture('full-sync-page');
const replObj = loadFixture('repl-obj');
const session = loadFixture('session');
const seeds = [fullPage.calls[0]!.reply, ...replObj.calls.map((c) => c.reply)];
const key = fullPage.sessionKey;

/** Decode, then turn every object into a user record, as the client does. */
function decodeAll(stub: Buffer): void {
  peekReplyHead(stub);
  const reply = decodeGetNcChangesReply(stub);
  const table = new PrefixTable(reply.prefixTable);
  for (const object of reply.objects) toUserRecord(object, table, key);
}

describe('drsuapi decoder fuzz', () => {
  it('GetNCChanges replies: mutated captures and synthetic replies fail only with named errors', () => {
    const rnd = prng(0xd25);
    const started = performance.now();
    const rssBefore = process.memoryUsage().rss;
    const synthetic = encodeReply({
      objects: [
        {
          dn: 'CN=a,DC=lab',
          guid: INVOCATION,
          sid: sidBytes(1105),
          attrs: [{ attrTyp: 0, values: [u32(0xa0009)] }],
        },
      ],
      upToDate: [{ dsa: INVOCATION, usn: 1n, lastSync: 1n }],
      links: [{ dn: 'CN=g,DC=lab', attrTyp: 0x1f, value: Buffer.from('v') }],
      moreData: true,
    });
    const ITERATIONS = 10_000;
    const result = fuzz(
      ITERATIONS,
      (i) =>
        i % 10 === 9
          ? rnd.bytes(rnd.int(400))
          : mutate(rnd, i % 10 === 8 ? synthetic : seeds[i % seeds.length]!),
      decodeAll,
    );
    expect(result.decoded + result.rejected).toBe(ITERATIONS);
    expect(result.rejected).toBeGreaterThan(ITERATIONS / 4);
    expect(result.decoded).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(8000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(256 * 1024 * 1024);
  });

  it('the captured seeds themselves decode', () => {
    for (const seed of seeds) expect(codeOf(() => decodeGetNcChangesReply(seed))).toBeNull();
  });

  it('DRSBind, DRSUnbind, DCInfo and CrackNames replies fail only with named errors', () => {
    const rnd = prng(0xb1d);
    const decoders: Readonly<Record<number, (stub: Buffer) => unknown>> = {
      [DrsOpnum.Bind]: decodeBindReply,
      [DrsOpnum.Unbind]: decodeUnbindReply,
      [DrsOpnum.CrackNames]: decodeCrackNamesReply,
      [DrsOpnum.DomainControllerInfo]: decodeDcInfoReply,
    };
    const calls = session.calls.filter((c) => decoders[c.opnum] !== undefined);
    const started = performance.now();
    let rejected = 0;
    for (let i = 0; i < 3000; i++) {
      const stub = i % 7 === 6 ? rnd.bytes(rnd.int(300)) : mutate(rnd, calls[i % calls.length]!.reply);
      // Every decoder on every input: a CrackNames reply fed to the DCInfo decoder is hostile too.
      for (const decode of Object.values(decoders)) {
        const code = codeOf(() => decode(stub));
        if (code === null) continue;
        if (!NAMED.has(code)) expect(code).toBe('a named decoder error');
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(3000);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('prefix tables: random entries and ATTRTYPs map or give null, never throw', () => {
    const rnd = prng(0x0d1d);
    const started = performance.now();
    for (let i = 0; i < 3000; i++) {
      const table = new PrefixTable(
        Array.from({ length: rnd.int(6) }, () => ({
          ndx: rnd.int(4) === 0 ? 0 : rnd.int(0x10000),
          prefix: rnd.bytes(rnd.int(24)),
        })),
      );
      for (let k = 0; k < 8; k++) {
        const oid = table.oidOf((rnd.int(0x10000) << 16) | rnd.int(0x10000));
        if (oid !== null) expect(oid).toMatch(/^[0-2](\.\d+)+$/);
      }
      const ber = berToOid(rnd.bytes(rnd.int(20)));
      if (ber !== null) expect(ber).toMatch(/^[0-2](\.\d+)+$/);
      const stub = mutate(
        rnd,
        Buffer.from('09000000080000000000020008000000 2a864886f7140104'.replace(/\s/g, ''), 'hex'),
      );
      const code = codeOf(() => {
        const r = new NdrReader(stub);
        const entry = readPrefixEntry(r);
        r.flushDeferred();
        return entry();
      });
      if (code !== null) expect(code).toBe(ErrorCode.NdrMalformed);
    }
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('cursors: mutated strings parse exactly or fail with DrsrCursorInvalid', () => {
    const rnd = prng(0xc0c);
    const text = serializeCursor({
      version: 1,
      ncDn: 'DC=lab',
      invocationId: INVOCATION,
      usnVector: { highObjUpdate: 5n, reserved: 6n, highPropUpdate: 7n },
      upToDate: [{ dsa: INVOCATION, usn: 5n, lastSync: 1n }],
      complete: true,
    });
    const result = fuzz(
      3000,
      () => mutate(rnd, Buffer.from(text)),
      (b) => parseCursor(b.toString('latin1')),
    );
    expect(result.rejected).toBeGreaterThan(1000);
  });
});
