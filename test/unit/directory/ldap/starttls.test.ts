import { describe, expect, it } from 'vitest';
import {
  parseStartTlsReply,
  startTlsRequest,
} from '../../../../electron/directory/ldap/connection/starttls.ts';

/** An ExtendedResponse as a server sends it: messageID 1, [APPLICATION 24] { result, matchedDN, diagnostic }. */
function reply(resultCode: number, diagnostic = ''): Buffer {
  const diag = Buffer.from(diagnostic, 'utf8');
  const op = Buffer.concat([Buffer.from([0x0a, 0x01, resultCode, 0x04, 0x00, 0x04, diag.length]), diag]);
  const body = Buffer.concat([Buffer.from([0x02, 0x01, 0x01, 0x78, op.length]), op]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

describe('StartTLS', () => {
  it('sends the RFC 4511 ExtendedRequest for 1.3.6.1.4.1.1466.20037 (known bytes)', () => {
    const oid = Buffer.from('1.3.6.1.4.1.1466.20037', 'ascii');
    const expected = Buffer.concat([
      Buffer.from([0x30, 0x1d, 0x02, 0x01, 0x01, 0x77, 0x18, 0x80, 0x16]),
      oid,
    ]);
    expect(startTlsRequest()).toEqual(expected);
  });

  it('reads success and refusal results, with the diagnostic text', () => {
    expect(parseStartTlsReply(reply(0))).toEqual({ kind: 'result', resultCode: 0, diagnostic: '' });
    expect(parseStartTlsReply(reply(2, 'no TLS here'))).toEqual({
      kind: 'result',
      resultCode: 2,
      diagnostic: 'no TLS here',
    });
  });

  it('waits for more bytes while the message is incomplete', () => {
    const full = reply(0);
    for (let n = 0; n < full.length; n++)
      expect(parseStartTlsReply(full.subarray(0, n)).kind, `${n} bytes`).toBe('incomplete');
  });

  it('calls a TLS alert or other non-LDAP bytes garbage (the port speaks LDAPS)', () => {
    expect(parseStartTlsReply(Buffer.from('15030300020246', 'hex')).kind).toBe('garbage');
    expect(parseStartTlsReply(Buffer.from('3084ffffffff', 'hex')).kind).toBe('garbage');
    expect(parseStartTlsReply(Buffer.from('300502010163', 'hex')).kind).toBe('incomplete');
    expect(parseStartTlsReply(Buffer.from('3005020101630000', 'hex')).kind).toBe('garbage');
  });
});
