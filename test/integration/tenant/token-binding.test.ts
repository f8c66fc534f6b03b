/**
 * A sign-in belongs to the tenant endpoint it was made for: changing the endpoint in the wizard
 * removes the saved sign-in (a later silent token fetch says to sign in), and a bearer token only
 * ever goes to the origin of the Graph URL it was acquired for — a request aimed elsewhere is
 * refused before any header is sent, as a real HTTPS server on another origin proves.
 */
import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, memorySink, silentLogger } from '../../../shared/logger.ts';
import { PushQueue } from '../../../electron/services/push-queue.ts';
import { createWizardServices } from '../../../electron/services/wizard-services.ts';
import { authorizedJson } from '../../../electron/tenant/authorized-request.ts';
import { createHttpsClient } from '../../../electron/tenant/https-client.ts';
import { openKeyFileBox } from '../../../electron/tenant/key-file-box.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { TenantEmulator } from '../../lab/tenant/server.ts';
import { ensureEmulatorTls } from '../../lab/tenant/tls.ts';
import { connectTo, removeTempDirs, startEmulator, tempDir } from './helpers.ts';

/** Another origin, trusted through the same CA as the emulator: it records what reaches it. */
interface Rogue {
  readonly url: string;
  readonly requests: { path: string; authorization: string | undefined }[];
  close(): Promise<void>;
}

async function startRogue(tlsDir: string): Promise<Rogue> {
  const tls = ensureEmulatorTls(tlsDir);
  const requests: Rogue['requests'] = [];
  const server: Server = createServer({ key: tls.keyPem, cert: tls.certPem }, (req, res) => {
    requests.push({ path: req.url ?? '', authorization: req.headers.authorization });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"value":[],"results":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let emu: TenantEmulator;
let rogue: Rogue;

beforeAll(async () => {
  emu = await startEmulator();
  rogue = await startRogue(dirname(emu.info.caFile));
});

afterAll(async () => {
  await rogue?.close();
  await emu?.close();
  removeTempDirs();
});

const tokenCaches = (dir: string): string[] =>
  readdirSync(dir).filter((n) => n.startsWith('tenant-token-cache'));

describe('a sign-in bound to its tenant endpoint', () => {
  it('is forgotten when the endpoint changes: a later silent token fetch says to sign in again', async () => {
    const userDataDir = tempDir();
    const log = createLogger({ process: 'test', sinks: [memorySink()] });
    const services = createWizardServices({
      userDataDir,
      secretBox: openKeyFileBox(join(userDataDir, 'key'), true)!,
      pushes: new PushQueue(log),
      log,
      openBrowser: async () => undefined,
      chooseCaFile: async () => undefined,
      writeClipboard: async () => undefined,
    });
    try {
      const { authority, clientId, tenantId, graphBaseUrl, credentialsUrl, caFile } = emu.info;
      const endpoint = { authority, clientId, tenantId, graphBaseUrl, credentialsUrl, caFile };
      services.wizard.save({ tenantEndpoint: endpoint });
      const before = services.tenantConnection()!;
      await before.auth.signInWithPassword(emu.info.admin.username, emu.info.admin.password);
      expect(await services.tenant.status()).toMatchObject({
        account: { username: emu.info.admin.username },
      });
      // Saving the same endpoint again (blanks and a trailing slash aside) keeps the sign-in.
      services.wizard.save({ tenantEndpoint: { ...endpoint, graphBaseUrl: ` ${graphBaseUrl}/ ` } });
      expect(await services.tenant.status()).not.toBeNull();
      expect(tokenCaches(userDataDir)).toHaveLength(1);

      services.wizard.save({ tenantEndpoint: { ...endpoint, graphBaseUrl: `${rogue.url}/graph` } });
      expect(tokenCaches(userDataDir)).toEqual([]);
      const after = services.tenantConnection()!;
      expect(after).not.toBe(before);
      await expect(after.auth.accessToken()).rejects.toMatchObject({
        code: ErrorCode.TenantNotSignedIn,
        remediation: expect.stringContaining('Sign in'),
      });
      expect(await services.tenant.status()).toBeNull();

      // Back to the first endpoint: still signed out — the sign-in was removed, not set aside.
      services.wizard.save({ tenantEndpoint: endpoint });
      await expect(services.tenantConnection()!.auth.accessToken()).rejects.toMatchObject({
        code: ErrorCode.TenantNotSignedIn,
      });
      expect(rogue.requests.filter((r) => r.authorization !== undefined)).toEqual([]);
    } finally {
      await services.close();
    }
  });

  it('sends a bearer token only to the Graph origin it was acquired for, refusing any other before a header is sent', async () => {
    // The other origin is reachable and trusted: a plain request gets there.
    const probe = createHttpsClient({ caFile: emu.info.caFile, timeoutMs: 5000 });
    try {
      expect((await probe.send({ method: 'GET', url: `${rogue.url}/probe` })).status).toBe(200);
      const seen = rogue.requests.length;
      expect(rogue.requests.at(-1)).toEqual({ path: '/probe', authorization: undefined });

      const credentialsUrl = `${rogue.url}/provisioning/${emu.info.tenantId}/credentials`;
      const { conn } = connectTo(emu.info, { config: { credentialsUrl } });
      try {
        await conn.auth.signInWithPassword(emu.info.admin.username, emu.info.admin.password);
        expect(conn.auth.tokenOrigin).toBe(new URL(emu.info.graphBaseUrl).origin);
        expect((await conn.directory.me()).userPrincipalName).toBe(emu.info.admin.username);

        const item = {
          sourceAnchor: 'YQ==',
          credentialData: 'v1;x;',
          forceChangePasswordOnLogon: false,
          changeDate: '2026-01-01T00:00:00Z',
        };
        await expect(conn.credentials!.deliver([item])).rejects.toMatchObject({
          code: ErrorCode.TenantTokenOriginRefused,
          message: expect.stringContaining(`A request to ${rogue.url} was refused before anything was sent`),
        });
        const direct = authorizedJson(
          probe,
          conn.auth,
          { method: 'GET', url: `${rogue.url}/graph/v1.0/me` },
          silentLogger,
        );
        await expect(direct).rejects.toMatchObject({ code: ErrorCode.TenantTokenOriginRefused });
        expect(rogue.requests.length).toBe(seen);
        expect(rogue.requests.filter((r) => r.authorization !== undefined)).toEqual([]);
      } finally {
        conn.close();
      }
    } finally {
      probe.close();
    }
  });
});
