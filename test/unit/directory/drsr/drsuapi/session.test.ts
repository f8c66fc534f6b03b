/**
 * DrsSession against a scripted drsuapi peer (real NTLM and sealing, fake DC): DRSBind rebinds
 * with the server's replication epoch, and a rejected logon (fault nca_s_proto_error, or the
 * connection dropped on the first sealed call) becomes DrsrAuthFailed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { decodeExtensions } from '../../../../../electron/directory/drsr/drsuapi/bind.ts';
import { DrsOpnum } from '../../../../../electron/directory/drsr/drsuapi/constants.ts';
import { DrsSession } from '../../../../../electron/directory/drsr/drsuapi/session.ts';
import { NdrWriter } from '../../../../../electron/directory/drsr/ndr/writer.ts';
import { NtlmPacketSecurity } from '../../../../../electron/directory/drsr/ntlm/packet-security.ts';
import { PduType } from '../../../../../electron/directory/drsr/rpc/constants.ts';
import { decodePdu, encodeFault } from '../../../../../electron/directory/drsr/rpc/pdu.ts';
import { ErrorCode } from '../../../../../shared/errors.ts';
import { liveChallenge, verifyAuthenticate } from '../ntlm/fake-server.ts';
import {
  acceptBind,
  type FakeServer,
  type PeerSocket,
  receiveCall,
  replyFragments,
  startServer,
} from '../rpc/fake-server.ts';

const PASSWORD = 'Fake-DC-Passw0rd';
let server: FakeServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

/** Bind + NTLM like the lab DC; returns the server side of the packet security. */
async function logon(peer: PeerSocket): Promise<NtlmPacketSecurity> {
  const challenge = liveChallenge();
  const { bind, auth3 } = await acceptBind(peer, challenge);
  const logon = verifyAuthenticate(PASSWORD, {
    negotiate: bind.auth!.value,
    challenge,
    authenticate: auth3!.auth!.value,
  });
  return NtlmPacketSecurity.fromSessionKey(logon.exportedSessionKey, 'server');
}

function bindReply(epoch: number, handleByte: number): Buffer {
  const rgb = Buffer.alloc(48);
  rgb.writeUInt32LE(0x04008001, 0);
  rgb.writeUInt32LE(epoch, 24);
  return new NdrWriter()
    .topLevelPointer(rgb, (w, b) => w.conformantStruct(48, 4, (w) => w.u32(48).bytes(b)))
    .contextHandle(Buffer.alloc(20, handleByte))
    .u32(0)
    .finish();
}

const open = (port: number, password = PASSWORD): Promise<DrsSession> =>
  DrsSession.open({ host: '127.0.0.1', port, username: 'svc', domain: 'LAB', password, timeoutMs: 5000 });

describe('DrsSession', () => {
  it('binds again with the replication epoch the server reports (renamed domain)', async () => {
    const epochs: number[] = [];
    server = await startServer(async (peer) => {
      const security = await logon(peer);
      for (const [epoch, handle] of [
        [7, 1],
        [7, 2],
      ] as const) {
        const call = await receiveCall(peer, security);
        expect(call.first.opnum).toBe(DrsOpnum.Bind);
        epochs.push(decodeExtensions(call.stub.subarray(32)).replEpoch);
        await peer.send(...replyFragments(call.first.callId, bindReply(epoch, handle), security));
      }
      // The first handle is released after the rebind, the second one at close().
      for (const handle of [1, 2]) {
        const unbind = await receiveCall(peer, security);
        expect(unbind.first.opnum).toBe(DrsOpnum.Unbind);
        expect(unbind.stub).toEqual(Buffer.alloc(20, handle));
        const reply = new NdrWriter().contextHandle(Buffer.alloc(20)).u32(0).finish();
        await peer.send(...replyFragments(unbind.first.callId, reply, security));
      }
    });
    const session = await open(server.port);
    expect(epochs).toEqual([0, 7]);
    expect(session.serverExtensions?.replEpoch).toBe(7);
    await session.close();
  });

  it('names a logon the DC rejects with nca_s_proto_error as an authentication failure', async () => {
    server = await startServer(async (peer) => {
      await acceptBind(peer, liveChallenge());
      const request = decodePdu(await peer.receive());
      if (request.type !== PduType.Request) throw new Error('expected a request');
      await peer.send(
        encodeFault({
          type: PduType.Fault,
          flags: 3,
          callId: request.callId,
          allocHint: 0,
          contextId: 0,
          cancelCount: 0,
          status: 0x1c01000b,
        }),
      );
    });
    await expect(open(server.port, 'wrong')).rejects.toMatchObject({ code: ErrorCode.DrsrAuthFailed });
  });

  it('names a DC that hangs up on the first sealed call as an authentication failure', async () => {
    server = await startServer(async (peer) => {
      await acceptBind(peer, liveChallenge());
      await peer.receive();
      peer.socket.destroy();
    });
    const error = await open(server.port, 'wrong').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.DrsrAuthFailed });
    expect(String((error as Error).message)).not.toContain('wrong');
  });
});
