import { afterEach, describe, expect, it } from 'vitest';
import { NdrWriter } from '../../../../../electron/directory/drsr/ndr/writer.ts';
import { DRSUAPI_SYNTAX, EPM_SYNTAX } from '../../../../../electron/directory/drsr/rpc/constants.ts';
import {
  buildTcpTower,
  decodeEptMapResponse,
  encodeEptMapRequest,
  epmLookupDrsuapiPort,
  EPT_S_NOT_REGISTERED,
  parseTower,
  towerTcpPort,
} from '../../../../../electron/directory/drsr/rpc/epm.ts';
import { AppError, ErrorCode } from '../../../../../shared/errors.ts';
import { expectAppError, hex } from '../ndr/helpers.ts';
import { acceptBind, type FakeServer, receiveCall, replyFragments, startServer } from './fake-server.ts';

const DRSUAPI_FLOOR = '1300 0d 354251e3064bd111ab0400c04fc2dcd2 0400 0200 0000';
const NDR20_FLOOR = '1300 0d 045d888aeb1cc9119fe808002b104860 0200 0200 0000';
const TOWER = (port: string) =>
  `0500 ${DRSUAPI_FLOOR} ${NDR20_FLOOR} 0100 0b 0200 0000 0100 07 0200 ${port} 0100 09 0400 00000000`;

/** An ept_map reply as Samba sends it (drsr-notes §1.6 [live]): one tower, port 49153. */
function eptMapReply(towers: Buffer[], status = 0): Buffer {
  const w = new NdrWriter().contextHandle(Buffer.alloc(20)).u32(towers.length);
  w.conformantVaryingArray(
    towers,
    (w, t) => w.pointer(t, (w, t) => w.conformance(t.length).u32(t.length).bytes(t)),
    4,
  );
  return w.flushDeferred().u32(status).finish();
}

describe('ept_map stub codecs (drsr-notes §1.6)', () => {
  it('builds the 75-byte drsuapi-over-TCP tower', () => {
    const tower = buildTcpTower(DRSUAPI_SYNTAX);
    expect(tower).toEqual(hex(TOWER('0000')));
    expect(tower.length).toBe(75);
  });

  it('encodes the request stub: obj, map_tower, entry_handle, max_towers', () => {
    expect(encodeEptMapRequest()).toEqual(
      hex(`01000000 ${'00'.repeat(16)}
           02000000 4b000000 4b000000 ${TOWER('0000')} 00
           ${'00'.repeat(20)} 04000000`),
    );
  });

  it('decodes the reply and reads the big-endian port of floor 4', () => {
    const reply = decodeEptMapResponse(eptMapReply([hex(TOWER('c001'))]));
    expect(reply.status).toBe(0);
    expect(reply.towers.length).toBe(1);
    expect(towerTcpPort(reply.towers[0] ?? Buffer.alloc(0))).toBe(49153);
    expect(parseTower(hex(TOWER('c001'))).map((f) => f.lhs.length)).toEqual([19, 19, 1, 1, 1]);
  });

  it('ignores towers for another interface and rejects truncated towers', () => {
    expect(towerTcpPort(buildTcpTower(EPM_SYNTAX, 135))).toBeNull();
    expectAppError(() => parseTower(hex(TOWER('c001')).subarray(0, 60)), ErrorCode.RpcMalformed);
    expectAppError(
      () => decodeEptMapResponse(eptMapReply([hex(TOWER('c001'))]).subarray(0, 60)),
      ErrorCode.NdrMalformed,
    );
  });
});

describe('epmLookupDrsuapiPort', () => {
  const servers: FakeServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  async function epm(reply: Buffer): Promise<{ server: FakeServer; requests: Buffer[] }> {
    const requests: Buffer[] = [];
    const server = await startServer(async (peer) => {
      const { bind } = await acceptBind(peer);
      expect(bind.contexts[0]?.abstractSyntax).toEqual(EPM_SYNTAX);
      expect(bind.auth).toBeNull();
      const { first, stub } = await receiveCall(peer, null);
      expect(first.opnum).toBe(3);
      requests.push(Buffer.from(stub));
      await peer.send(...replyFragments(first.callId, reply, null));
    });
    servers.push(server);
    return { server, requests };
  }

  it('returns the port registered for drsuapi', async () => {
    const { server, requests } = await epm(eptMapReply([buildTcpTower(EPM_SYNTAX, 135), hex(TOWER('c001'))]));
    expect(await epmLookupDrsuapiPort('127.0.0.1', { port: server.port, timeoutMs: 2000 })).toBe(49153);
    expect(requests).toEqual([encodeEptMapRequest()]);
  });

  it('reports ept_s_not_registered as a named error', async () => {
    const { server } = await epm(eptMapReply([], EPT_S_NOT_REGISTERED));
    const error = await epmLookupDrsuapiPort('127.0.0.1', { port: server.port, timeoutMs: 2000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(ErrorCode.RpcEndpointNotRegistered);
    expect((error as AppError).message).toContain('drsuapi');
  });
});
