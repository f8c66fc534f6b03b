import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/errors.ts';
import { createHttpsClient } from '../../../electron/tenant/https-client.ts';
import { TenantAuth, type DeviceCodePrompt } from '../../../electron/tenant/tenant-auth.ts';
import type { TenantEmulator } from '../../lab/tenant/server.ts';
import { configOf, connectTo, launchChromium, removeTempDirs, startEmulator, waitFor } from './helpers.ts';

let emu: TenantEmulator;
let browser: Browser;

beforeAll(async () => {
  emu = await startEmulator();
  browser = await launchChromium(emu.info.tlsSpkiSha256);
});

afterAll(async () => {
  await browser?.close();
  await emu?.close();
  removeTempDirs();
});

describe('sign-in to the tenant emulator with msal-node', () => {
  it('signs in interactively: Chromium fills the login page, the code comes back to the loopback listener (PKCE)', async () => {
    const { conn } = connectTo(emu.info);
    const page = await browser.newPage();
    try {
      const account = await conn.auth.signInInteractive({
        timeoutMs: 30_000,
        openBrowser: async (url) => {
          expect(url).toContain('code_challenge_method=S256');
          await page.goto(url);
          await page.fill('#username', emu.info.admin.username);
          await page.fill('#password', 'not the password');
          await page.click('#submit');
          await expect.poll(() => page.textContent('#error')).toContain('AADSTS50126');
          await page.fill('#password', emu.info.admin.password);
          await page.click('#submit');
        },
      });
      expect(account).toMatchObject({ username: emu.info.admin.username, tenantId: emu.info.tenantId });
      await page.waitForSelector('#result');
      expect(await page.textContent('#result')).toContain('Signed in');
      expect((await conn.directory.me()).userPrincipalName).toBe(emu.info.admin.username);
      expect(emu.admin.events('token').map((e) => e.detail['grantType'])).toContain('authorization_code');
    } finally {
      await page.close();
      conn.close();
    }
  });

  it('brings an error from the browser leg back as a named error, and stops waiting when cancelled', async () => {
    const { conn } = connectTo(emu.info);
    const page = await browser.newPage();
    emu.admin.setConsentGranted(false);
    try {
      await expect(conn.auth.signInInteractive({
        timeoutMs: 30_000,
        openBrowser: async (url) => {
          await page.goto(url);
          await page.fill('#username', emu.info.admin.username);
          await page.fill('#password', emu.info.admin.password);
          await page.click('#submit');
        },
      })).rejects.toMatchObject({ code: ErrorCode.TenantConsentRequired, message: expect.stringContaining('AADSTS65001') });
      const abort = new AbortController();
      let loopback: URL | undefined;
      const started = Date.now();
      await expect(conn.auth.signInInteractive({
        signal: abort.signal,
        openBrowser: (url) => {
          loopback = new URL(new URL(url).searchParams.get('redirect_uri') ?? '');
          setTimeout(() => abort.abort(), 100);
          return Promise.resolve();
        },
      })).rejects.toMatchObject({ code: ErrorCode.Cancelled });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(loopback?.hostname).toBe('localhost');
      await expect(fetch(`http://127.0.0.1:${loopback?.port}/`)).rejects.toThrow(); // the listener is closed
    } finally {
      emu.admin.setConsentGranted(true);
      await page.close();
      conn.close();
    }
  });

  it('signs in with a device code: the prompt names the verification page, Chromium enters the code and signs in', async () => {
    const { conn } = connectTo(emu.info);
    const page = await browser.newPage();
    let prompt: DeviceCodePrompt | undefined;
    try {
      const signingIn = conn.auth.signInWithDeviceCode({ timeoutSeconds: 60, onPrompt: (p) => (prompt = p) });
      signingIn.catch(() => undefined); // awaited below; a failure must not surface as unhandled meanwhile
      const p = await waitFor(() => prompt, 10_000, 'the device-code prompt');
      expect(p.message).toContain(p.userCode);
      await page.goto(p.verificationUri);
      await page.fill('#otc', p.userCode);
      await page.click('#next');
      await page.fill('#username', emu.info.hybridAdmin.username);
      await page.fill('#password', emu.info.hybridAdmin.password);
      await page.click('#submit');
      expect(await page.textContent('#message')).toContain('You have signed in');
      expect(await signingIn).toMatchObject({ username: emu.info.hybridAdmin.username });
      expect(await conn.directory.adminRoles()).toEqual({ globalAdministrator: false, hybridIdentityAdministrator: true, isAdmin: true });
    } finally {
      await page.close();
      conn.close();
    }
  });

  it('refreshes silently after the access token expired, and the expired token is refused by Graph', async () => {
    emu.admin.setTokenLifetimes({ accessTokenSeconds: 2, refreshTokenSeconds: 3600 });
    const { conn } = connectTo(emu.info);
    const http = createHttpsClient({ caFile: emu.info.caFile });
    try {
      await conn.auth.signInWithPassword(emu.info.admin.username, emu.info.admin.password);
      const first = await conn.auth.accessToken();
      emu.admin.clearEvents();
      await new Promise((r) => setTimeout(r, 2600));
      const stale = await http.send({ method: 'GET', url: `${emu.info.graphBaseUrl}/v1.0/me`, headers: { authorization: `Bearer ${first}` } });
      expect(stale.status).toBe(401);
      const second = await conn.auth.accessToken();
      expect(second).not.toBe(first);
      expect(emu.admin.events('token').map((e) => e.detail['grantType'])).toEqual(['refresh_token']);
      expect((await conn.directory.me()).userPrincipalName).toBe(emu.info.admin.username);
    } finally {
      emu.admin.setTokenLifetimes({ accessTokenSeconds: 3600, refreshTokenSeconds: 3600 });
      http.close();
      conn.close();
    }
  });

  it('names the errors: wrong password, non-admin user, revoked refresh token', async () => {
    const { conn } = connectTo(emu.info);
    try {
      await expect(conn.auth.signInWithPassword(emu.info.admin.username, 'wrong')).rejects.toMatchObject({ code: ErrorCode.TenantSignInFailed, message: expect.stringContaining('AADSTS50126') });
      await expect(conn.auth.signInWithPassword('nobody@lab.example.test', 'x')).rejects.toMatchObject({ code: ErrorCode.TenantSignInFailed });

      await conn.auth.signInWithPassword(emu.info.nonAdmin.username, emu.info.nonAdmin.password);
      await expect(conn.directory.requireAdmin()).rejects.toMatchObject({ code: ErrorCode.TenantNotAdmin });
      await expect(conn.directory.setSyncFeatures({ passwordSyncEnabled: true })).rejects.toMatchObject({ code: ErrorCode.TenantNotAdmin });

      expect(emu.admin.revokeSessions(emu.info.nonAdmin.username)).toBeGreaterThan(0);
      await expect(conn.auth.accessToken({ forceRefresh: true })).rejects.toMatchObject({ code: ErrorCode.TenantInvalidGrant });
    } finally {
      conn.close();
    }
  });

  it('names consent, MFA, wrong tenant, unknown app and untrusted TLS', async () => {
    const { conn } = connectTo(emu.info);
    try {
      emu.admin.setConsentGranted(false);
      await expect(conn.auth.signInWithPassword(emu.info.admin.username, emu.info.admin.password)).rejects.toMatchObject({ code: ErrorCode.TenantConsentRequired });
      emu.admin.setConsentGranted(true);

      emu.admin.setUser(emu.info.admin.username, { mfaRequired: true });
      await expect(conn.auth.signInWithPassword(emu.info.admin.username, emu.info.admin.password)).rejects.toMatchObject({ code: ErrorCode.TenantInteractionRequired });
      emu.admin.setUser(emu.info.admin.username, { mfaRequired: false });
    } finally {
      conn.close();
    }
    const cases = [
      { config: { authority: `${emu.url}/contoso.example` }, code: ErrorCode.TenantWrongTenant },
      { config: { clientId: '00000000-0000-0000-0000-000000000001' }, code: ErrorCode.TenantAppNotFound },
      { config: { tenantId: '00000000-0000-0000-0000-00000000000a', authority: `${emu.url}/organizations` }, code: ErrorCode.TenantWrongTenant },
    ];
    for (const c of cases) {
      const { conn: other } = connectTo(emu.info, { config: c.config });
      try {
        await expect(other.auth.signInWithPassword(emu.info.admin.username, emu.info.admin.password), JSON.stringify(c.config)).rejects.toMatchObject({ code: c.code });
      } finally {
        other.close();
      }
    }
    const config = configOf(emu.info);
    const untrusted = new TenantAuth({ config: { authority: config.authority, clientId: config.clientId, graphBaseUrl: config.graphBaseUrl } });
    try {
      await expect(untrusted.signInWithPassword(emu.info.admin.username, emu.info.admin.password)).rejects.toMatchObject({ code: ErrorCode.TenantTls });
    } finally {
      untrusted.close();
    }
  });
});
