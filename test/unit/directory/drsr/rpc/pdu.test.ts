import { describe, expect, it } from 'vitest';
import {
  DRSUAPI_SYNTAX,
  EPM_SYNTAX,
  NDR20_SYNTAX,
  PduType,
  SINGLE_FRAGMENT_FLAGS,
} from '../../../../../electron/directory/drsr/rpc/constants.ts';
import {
  decodePdu,
  encodeAuth3,
  encodeBind,
  encodeBindAck,
  encodeBindNak,
  encodeFault,
  encodeRequest,
  encodeResponse,
} from '../../../../../electron/directory/drsr/rpc/pdu.ts';
import { ErrorCode } from '../../../../../shared/errors.ts';
import { expectAppError, hex } from '../ndr/helpers.ts';

const EPM_ABSTRACT = '0883afe11f5dc91191a408002b14a0fa 0300 0000';
const NDR20 = '045d888aeb1cc9119fe808002b104860 0200 0000';
const TOKEN = Buffer.from('4e544c4d53535000010000003782 08e2'.replace(/ /g, ''), 'hex');

const bind = {
  type: PduType.Bind,
  flags: SINGLE_FRAGMENT_FLAGS,
  callId: 1,
  maxXmitFrag: 5840,
  maxRecvFrag: 5840,
  assocGroupId: 0,
  contexts: [{ contextId: 0, abstractSyntax: EPM_SYNTAX, transferSyntaxes: [NDR20_SYNTAX] }],
  auth: null,
} as const;

describe('PDU golden bytes (drsr-notes §1.2, §1.3, §1.5)', () => {
  it('encodes an unauthenticated EPM bind as 72 bytes', () => {
    expect(encodeBind(bind)).toEqual(
      hex(`05000b03 10000000 4800 0000 01000000
           d016 d016 00000000 01 00 0000
           0000 01 00 ${EPM_ABSTRACT} ${NDR20}`),
    );
  });

  it('appends the sec_trailer right after a 56-byte bind body, auth_length counting the token only', () => {
    const pdu = encodeBind({ ...bind, auth: { authType: 0x0a, authLevel: 6, contextId: 1, value: TOKEN } });
    expect(pdu.readUInt16LE(8)).toBe(72 + 8 + TOKEN.length);
    expect(pdu.readUInt16LE(10)).toBe(TOKEN.length);
    expect(pdu.subarray(72, 80)).toEqual(hex('0a060000 01000000'));
    expect(pdu.subarray(80)).toEqual(TOKEN);
  });

  it('decodes a Samba-style bind_ack with its secondary address padded from the PDU start', () => {
    const raw = hex(`05000c03 10000000 3c00 0000 01000000
                     d016 d016 45230100 0600 3439313533 00
                     01 000000 0000 0000 ${NDR20}`);
    expect(decodePdu(raw)).toEqual({
      type: PduType.BindAck,
      flags: 3,
      callId: 1,
      maxXmitFrag: 5840,
      maxRecvFrag: 5840,
      assocGroupId: 0x12345,
      secondaryAddress: '49153',
      results: [{ result: 0, reason: 0, transferSyntax: NDR20_SYNTAX }],
      auth: null,
    });
    const epmAck = encodeBindAck({
      type: PduType.BindAck,
      flags: 3,
      callId: 1,
      maxXmitFrag: 5840,
      maxRecvFrag: 5840,
      assocGroupId: 0,
      secondaryAddress: '135',
      results: [{ result: 0, reason: 0, transferSyntax: NDR20_SYNTAX }],
      auth: null,
    });
    expect(epmAck.subarray(24, 34)).toEqual(hex('0400 31333500 0000 01 00'));
  });

  it('encodes a request and decodes the fault status at offset 24', () => {
    const request = encodeRequest({
      type: PduType.Request,
      flags: 3,
      callId: 2,
      allocHint: 4,
      contextId: 0,
      opnum: 3,
      objectUuid: null,
      stub: hex('deadbeef'),
      auth: null,
    });
    expect(request).toEqual(hex('05000003 10000000 1c00 0000 02000000 04000000 0000 0300 deadbeef'));
    const fault = hex('05000303 10000000 2000 0000 02000000 20000000 0000 00 00 0b00011c 00000000');
    expect(decodePdu(fault)).toEqual({
      type: PduType.Fault,
      flags: 3,
      callId: 2,
      allocHint: 32,
      contextId: 0,
      cancelCount: 0,
      status: 0x1c01000b,
    });
  });

  it('encodes auth3 with its 4-byte pad body before the trailer', () => {
    const pdu = encodeAuth3({
      type: PduType.Auth3,
      flags: 3,
      callId: 1,
      auth: { authType: 0x0a, authLevel: 6, contextId: 1, value: TOKEN },
    });
    expect(pdu.subarray(0, 28)).toEqual(
      hex(
        `05001003 10000000 ${(28 + TOKEN.length).toString(16)}00 ${TOKEN.length.toString(16).padStart(2, '0')}00 01000000 00000000 0a060000 01000000`,
      ),
    );
  });

  it('decodes bind_nak with and without its version list', () => {
    const full = decodePdu(hex('05000d03 10000000 1800 0000 01000000 0400 01 0500 000000'));
    expect(full).toMatchObject({
      type: PduType.BindNak,
      rejectReason: 4,
      versions: [{ major: 5, minor: 0 }],
    });
    const bare = decodePdu(hex('05000d03 10000000 1200 0000 01000000 0200'));
    expect(bare).toMatchObject({ rejectReason: 2, versions: [] });
  });
});

describe('PDU round trips', () => {
  const auth = { authType: 0x0a, authLevel: 6, contextId: 9, value: Buffer.alloc(16, 0xee) };

  it('round-trips every PDU type', () => {
    const pdus = [
      { ...bind, auth },
      {
        ...bind,
        type: PduType.AlterContext,
        contexts: [
          { contextId: 3, abstractSyntax: DRSUAPI_SYNTAX, transferSyntaxes: [NDR20_SYNTAX, EPM_SYNTAX] },
        ],
      },
      {
        type: PduType.AlterContextResp,
        flags: 3,
        callId: 4,
        maxXmitFrag: 4280,
        maxRecvFrag: 4280,
        assocGroupId: 7,
        secondaryAddress: '',
        results: [{ result: 2, reason: 1, transferSyntax: NDR20_SYNTAX }],
        auth: null,
      },
      {
        type: PduType.BindNak,
        flags: 3,
        callId: 5,
        rejectReason: 9,
        versions: [
          { major: 5, minor: 0 },
          { major: 5, minor: 1 },
        ],
      },
      { type: PduType.Fault, flags: 3, callId: 6, allocHint: 0, contextId: 0, cancelCount: 0, status: 5 },
    ] as const;
    for (const pdu of pdus) {
      const encoded =
        pdu.type === PduType.AlterContextResp
          ? encodeBindAck(pdu)
          : pdu.type === PduType.BindNak
            ? encodeBindNak(pdu)
            : pdu.type === PduType.Fault
              ? encodeFault(pdu)
              : encodeBind(pdu);
      const decoded = decodePdu(encoded);
      expect(decoded).toMatchObject({
        ...pdu,
        ...('auth' in pdu && pdu.auth ? { auth: { ...auth, padLength: 0 } } : {}),
      });
    }
  });

  it('round-trips requests (with an object UUID) and responses with an auth pad', () => {
    const stub = Buffer.from('0123456789');
    const request = decodePdu(
      encodeRequest(
        {
          type: PduType.Request,
          flags: 3,
          callId: 9,
          allocHint: 10,
          contextId: 1,
          opnum: 12,
          objectUuid: DRSUAPI_SYNTAX.uuid,
          stub,
          auth,
        },
        6,
      ),
    );
    expect(request).toMatchObject({
      type: PduType.Request,
      flags: 0x83,
      opnum: 12,
      objectUuid: DRSUAPI_SYNTAX.uuid,
      stub,
      auth: { padLength: 6, trailerOffset: 40 + 16 },
    });
    const response = decodePdu(
      encodeResponse(
        {
          type: PduType.Response,
          flags: 2,
          callId: 9,
          allocHint: 10,
          contextId: 1,
          cancelCount: 0,
          stub,
          auth,
        },
        6,
      ),
    );
    expect(response).toMatchObject({
      type: PduType.Response,
      stub,
      auth: { ...auth, padLength: 6, trailerOffset: 40 },
    });
  });
});

describe('strict PDU decoding', () => {
  const valid = encodeBind({ ...bind, auth: { authType: 0x0a, authLevel: 6, contextId: 1, value: TOKEN } });
  const patched = (at: number, bytes: string, base = valid): Buffer => {
    const b = Buffer.from(base);
    hex(bytes).copy(b, at);
    return b;
  };

  it.each([
    ['a frag_length larger than the buffer', patched(8, 'ff00')],
    ['a frag_length smaller than the buffer', patched(8, '1000')],
    ['an auth_length that does not fit', patched(10, 'f000')],
    ['an auth pad longer than the body', patched(74, 'ff')],
    ['RPC version 4', patched(0, '04')],
    ['big-endian data representation', patched(4, '00')],
    ['an unknown PDU type', patched(2, '11')],
    ['more contexts than the body holds', patched(24, '05')],
    ['more transfer syntaxes than the body holds', patched(30, '09')],
    ['a truncated header', valid.subarray(0, 12)],
    ['a request shorter than its 24-byte header', hex('05000003 10000000 1400 0000 01000000 00000000')],
    ['a fault without its status', hex('05000303 10000000 1800 0000 01000000 00000000 00000000')],
    [
      'a bind_ack claiming 200 results',
      hex(`05000c03 10000000 2000 0000 01000000 d016 d016 00000000 0000 0000 c8000000`),
    ],
  ])('rejects %s with RpcMalformed', (_name, buf) => {
    expectAppError(() => decodePdu(buf), ErrorCode.RpcMalformed);
  });
});
