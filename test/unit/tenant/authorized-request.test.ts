/** A bearer token is only for the origin it was acquired for: any other is refused before anything happens. */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../shared/logger.ts';
import { authorizedJson } from '../../../electron/tenant/authorized-request.ts';
import type { HttpsClient, HttpsRequest } from '../../../electron/tenant/https-client.ts';
import type { TokenProvider } from '../../../electron/tenant/tenant-auth.ts';
import { ErrorCode } from '../../../shared/errors.ts';

function fakes() {
  const sent: HttpsRequest[] = [];
  let fetched = 0;
  const http: HttpsClient = {
    send: async (req) => (sent.push(req), { status: 200, headers: {}, body: Buffer.from('{}') }),
    close: () => undefined,
  };
  const tokens: TokenProvider = {
    tokenOrigin: 'https://graph.example.com',
    accessToken: async () => (fetched++, 'eyJ0b2tlbg.secret'),
  };
  return { http, tokens, sent, fetched: () => fetched };
}

describe('an authorized request', () => {
  it('carries the bearer token to the origin the token is for', async () => {
    const { http, tokens, sent } = fakes();
    await authorizedJson(
      http,
      tokens,
      { method: 'GET', url: 'https://graph.example.com/v1.0/me' },
      silentLogger,
    );
    expect(sent.map((r) => r.headers?.['authorization'])).toEqual(['Bearer eyJ0b2tlbg.secret']);
  });

  it.each([
    ['another host', 'https://evil.example.net/v1.0/me'],
    ['another port', 'https://graph.example.com:8443/v1.0/me'],
    ['a look-alike host', 'https://graph.example.com.evil.example.net/v1.0/me'],
  ])('refuses %s before fetching a token or sending anything', async (_what, url) => {
    const { http, tokens, sent, fetched } = fakes();
    await expect(
      authorizedJson(http, tokens, { method: 'POST', url, body: {} }, silentLogger),
    ).rejects.toMatchObject({
      code: ErrorCode.TenantTokenOriginRefused,
      message: expect.stringContaining('the sign-in token is for https://graph.example.com only'),
    });
    expect(sent).toEqual([]);
    expect(fetched()).toBe(0);
  });
});
