import { describe, expect, it } from 'vitest';
import {
  decodeBindReply,
  decodeExtensions,
  decodeUnbindReply,
  encodeBindRequest,
  encodeUnbindRequest,
} from '../../../../../electron/directory/drsr/drsuapi/bind.ts';
import {
  CLIENT_EXTENSIONS,
  DrsOpnum,
  NameFormat,
  NTDSAPI_CLIENT_GUID,
} from '../../../../../electron/directory/drsr/drsuapi/constants.ts';
import {
  decodeCrackNamesReply,
  encodeCrackNamesRequest,
} from '../../../../../electron/directory/drsr/drsuapi/crack-names.ts';
import {
  decodeDcInfoReply,
  encodeDcInfoRequest,
} from '../../../../../electron/directory/drsr/drsuapi/dc-info.ts';
import { guidToBytes } from '../../../../../electron/directory/drsr/ndr/guid.ts';
import { NdrWriter } from '../../../../../electron/directory/drsr/ndr/writer.ts';
import { ErrorCode } from '../../../../../shared/errors.ts';
import { expectAppError } from '../ndr/helpers.ts';
import { loadFixture } from './builders.ts';

const session = loadFixture('session');
const replyOf = (opnum: number, nth = 0): Buffer =>
  session.calls.filter((c) => c.opnum === opnum)[nth]!.reply;
const handle = Buffer.alloc(20, 0xab);

describe('DRSBind (drsr-notes §3.1)', () => {
  it('sends the NTDSAPI client GUID and a 48-byte extensions block with strong encryption and V8/V6', () => {
    const stub = encodeBindRequest(0);
    expect(stub.readUInt32LE(0)).not.toBe(0);
    expect(stub.subarray(4, 20)).toEqual(guidToBytes(NTDSAPI_CLIENT_GUID));
    expect(stub.readUInt32LE(24)).toBe(48); // max_count
    expect(stub.readUInt32LE(28)).toBe(48); // cb
    const flags = stub.readUInt32LE(32);
    expect(flags).toBe(CLIENT_EXTENSIONS);
    expect(flags & 0x8000).toBe(0x8000);
    expect(flags & 0x10).toBe(0); // no compression: the reply stays V6
    expect(stub.length).toBe(32 + 48);
  });

  it('puts the replication epoch at offset 24 of the extensions', () => {
    expect(encodeBindRequest(7).readUInt32LE(32 + 24)).toBe(7);
  });

  it("decodes the lab DC's reply: a handle, its extensions and success", () => {
    const reply = decodeBindReply(replyOf(DrsOpnum.Bind));
    expect(reply.werror).toBe(0);
    expect(reply.handle).toHaveLength(20);
    expect(reply.serverExtensions?.flags ?? 0).toBeGreaterThan(0);
    expect(reply.serverExtensions?.replEpoch).toBe(0);
  });

  it('zero-fills a short (28-byte) server block and accepts a null one', () => {
    const rgb = Buffer.alloc(28);
    rgb.writeUInt32LE(0x04008000, 0);
    rgb.writeUInt32LE(3, 24);
    const ext = decodeExtensions(rgb);
    expect(ext).toMatchObject({ flags: 0x04008000, replEpoch: 3, flagsExt: 0 });
    const none = new NdrWriter().u32(0).contextHandle(handle).u32(0).finish();
    expect(decodeBindReply(none)).toEqual({ handle, serverExtensions: null, werror: 0 });
  });

  it('rejects a cb that disagrees with its max_count', () => {
    const bad = new NdrWriter()
      .u32(0x20000)
      .u32(48)
      .u32(40)
      .bytes(Buffer.alloc(40))
      .contextHandle(handle)
      .u32(0)
      .finish();
    expectAppError(() => decodeBindReply(bad), ErrorCode.NdrMalformed);
  });

  it('unbinds with the handle and reads the WERROR', () => {
    expect(encodeUnbindRequest(handle)).toEqual(handle);
    expect(decodeUnbindReply(new NdrWriter().contextHandle(Buffer.alloc(20)).u32(0).finish())).toBe(0);
  });
});

describe('DRSDomainControllerInfo level 2 (drsr-notes §3.3)', () => {
  it('encodes the request with the domain as a deferred string', () => {
    const stub = encodeDcInfoRequest(handle, 'lab.example.test');
    expect(stub.subarray(0, 20)).toEqual(handle);
    expect([stub.readUInt32LE(20), stub.readUInt32LE(24), stub.readUInt32LE(32)]).toEqual([1, 1, 2]);
    expect(stub.indexOf(Buffer.from('lab.example.test\0', 'utf16le'))).toBeGreaterThan(36);
  });

  it("decodes the lab DC's reply: names and the NTDS Settings GUID", () => {
    const [dc] = decodeDcInfoReply(replyOf(DrsOpnum.DomainControllerInfo)).controllers;
    expect(dc?.dnsHostName).toBe('dc1.lab.example.test');
    expect(dc?.netbiosName).toBe('DC1');
    expect(dc?.ntdsDsaObjectName).toMatch(/^CN=NTDS Settings,CN=DC1,/);
    expect(dc?.ntdsDsaObjectGuid).toMatch(/^[0-9a-f]{8}-/);
    expect(dc?.isPdc).toBe(true);
  });

  it('rejects a reply at another level', () => {
    const stub = Buffer.from(replyOf(DrsOpnum.DomainControllerInfo));
    stub.writeUInt32LE(1, 0);
    expectAppError(() => decodeDcInfoReply(stub), ErrorCode.NdrMalformed);
  });
});

describe('DRSCrackNames (drsr-notes §3.4)', () => {
  it('encodes formats and the names as an array of string pointers', () => {
    const stub = encodeCrackNamesRequest(handle, NameFormat.Nt4Account, NameFormat.Fqdn1779, [
      'LAB\\a',
      'LAB\\b',
    ]);
    expect([stub.readUInt32LE(40), stub.readUInt32LE(44), stub.readUInt32LE(48)]).toEqual([2, 1, 2]);
    expect(stub.indexOf(Buffer.from('LAB\\b\0', 'utf16le'))).toBeGreaterThan(
      stub.indexOf(Buffer.from('LAB\\a\0', 'utf16le')),
    );
  });

  it("decodes the lab DC's replies: the account's DN and its DNS domain", () => {
    const replies = session.calls
      .filter((c) => c.opnum === DrsOpnum.CrackNames)
      .map((c) => decodeCrackNamesReply(c.reply));
    expect(replies[0]?.items[0]).toEqual({
      status: 0,
      domain: 'lab.example.test',
      name: 'CN=Administrator,CN=Users,DC=lab,DC=example,DC=test',
    });
    expect(replies.flatMap((r) => r.items.map((i) => i.name))).toContain('DC=lab,DC=example,DC=test');
    expect(replies.flatMap((r) => r.items.map((i) => i.name))).toContain('LAB\\');
  });

  it('keeps a not-found status and its null name', () => {
    const w = new NdrWriter().u32(1).union(1, (w) =>
      w.pointer(1, (w) =>
        w.u32(1).pointer([0], (w, l) =>
          w.conformantArray(l, (w) =>
            w
              .u32(2)
              .pointer(null, () => undefined)
              .pointer(null, () => undefined),
          ),
        ),
      ),
    );
    expect(decodeCrackNamesReply(w.flushDeferred().u32(0).finish()).items).toEqual([
      { status: 2, domain: null, name: null },
    ]);
  });
});
