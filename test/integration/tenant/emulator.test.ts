/** The emulator itself: its entry point and persistence, PKCE and code rules, Graph's gate, the admin API. */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpsClient, type HttpsClient } from '../../../electron/tenant/https-client.ts';
import type { TenantEmulatorInfo } from '../../lab/tenant/info.ts';
import type { TenantEmulator } from '../../lab/tenant/server.ts';
import { removeTempDirs, startEmulator, tempDir } from './helpers.ts';

const MAIN = fileURLToPath(new URL('../../lab/tenant/main.ts', import.meta.url));

let emu: TenantEmulator;
let http: HttpsClient;

beforeAll(async () => {
  emu = await startEmulator();
  http = createHttpsClient({ caFile: emu.info.caFile, timeoutMs: 5000 });
});

afterAll(async () => {
  http?.close();
  await emu?.close();
  removeTempDirs();
});

const form = (fields: Record<string, string>) => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
const json = (b: Buffer): Record<string, unknown> => JSON.parse(b.toString('utf8')) as Record<string, unknown>;

/** Runs the entry point until it prints the info path; returns the info and a stop function. */
function runMain(args: string[]): Promise<{ info: TenantEmulatorInfo; stop: () => Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const exited = new Promise<number | null>((r) => child.on('close', (code) => (clearTimeout(timer), r(code))));
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) {
        resolve({ info: JSON.parse(readFileSync(line, 'utf8')) as TenantEmulatorInfo, stop: () => (child.kill('SIGTERM'), exited) });
      }
    });
    child.on('error', reject);
    void exited.then((code) => reject(new Error(`emulator exited early (${code})`)));
  });
}

async function authCode(verifier: string): Promise<string> {
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const q = new URLSearchParams({
    client_id: emu.info.clientId, redirect_uri: 'http://localhost:5555', response_type: 'code', scope: 'openid offline_access User.Read',
    code_challenge: challenge, code_challenge_method: 'S256', response_mode: 'form_post', state: 's1',
  });
  const page = (await http.send({ method: 'GET', url: `${emu.info.authority}/oauth2/v2.0/authorize?${q}` })).body.toString();
  const request = /name="request" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const reply = (await http.send({ method: 'POST', url: `${emu.url}/${emu.info.tenantId}/login`, ...form({ request, username: emu.info.admin.username, password: emu.info.admin.password }) })).body.toString();
  expect(reply).toContain('action="http://localhost:5555"');
  return /name="code" value="([^"]+)"/.exec(reply)?.[1] ?? '';
}

describe('the tenant emulator', () => {
  it('runs from its entry point, prints the info path, keeps its tenant in the state file, and stops on SIGTERM', async () => {
    const dir = tempDir();
    const args = ['--dir', dir, '--state', join(dir, 'state.json'), '--out', join(dir, 'info.json')];
    const first = await runMain(args);
    expect(first.info.authority).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/[0-9a-f-]{36}$/);
    const client = createHttpsClient({ caFile: first.info.caFile });
    const discovery = json((await client.send({ method: 'GET', url: `${first.info.authority}/v2.0/.well-known/openid-configuration` })).body);
    expect(discovery['issuer']).toBe(`${first.info.authority}/v2.0`);
    client.close();
    expect(await first.stop()).toBe(0);
    const config = join(dir, 'options.json');
    writeFileSync(config, JSON.stringify({ faults: [{ kind: 'status', status: 503, count: 1, path: '/graph/' }] }));
    const second = await runMain([...args, '--config', config]);
    expect(second.info).toMatchObject({ tenantId: first.info.tenantId, clientId: first.info.clientId, admin: first.info.admin, caFile: first.info.caFile });
    const again = createHttpsClient({ caFile: second.info.caFile });
    expect((await again.send({ method: 'GET', url: `${second.info.graphBaseUrl}/v1.0/me` })).status).toBe(503);
    expect((await again.send({ method: 'GET', url: `${second.info.graphBaseUrl}/v1.0/me` })).status).toBe(401);
    again.close();
    expect(await second.stop()).toBe(0);
  });

  it('checks PKCE and redeems a code once', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const tokenUrl = `${emu.info.authority}/oauth2/v2.0/token`;
    const redeem = (code: string, v: string) => http.send({ method: 'POST', url: tokenUrl, ...form({ client_id: emu.info.clientId, grant_type: 'authorization_code', code, code_verifier: v, redirect_uri: 'http://localhost:5555', client_info: '1' }) });
    const wrong = await redeem(await authCode(verifier), randomBytes(32).toString('base64url'));
    expect(json(wrong.body)).toMatchObject({ error: 'invalid_grant', error_codes: [50148] });
    const code = await authCode(verifier);
    const ok = json((await redeem(code, verifier)).body);
    expect(ok).toMatchObject({ token_type: 'Bearer' });
    expect(JSON.parse(Buffer.from(String(ok['client_info']), 'base64url').toString())).toEqual({ uid: expect.any(String), utid: emu.info.tenantId });
    expect(json((await redeem(code, verifier)).body)).toMatchObject({ error_codes: [54005] });
  });

  it('refuses Graph calls without a valid bearer token (401) and without the needed permission (403)', async () => {
    const me = `${emu.info.graphBaseUrl}/v1.0/me`;
    expect((await http.send({ method: 'GET', url: me })).status).toBe(401);
    expect((await http.send({ method: 'GET', url: me, headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' } })).status).toBe(401);
    const pwd = json((await http.send({ method: 'POST', url: `${emu.info.authority}/oauth2/v2.0/token`, ...form({ client_id: emu.info.clientId, grant_type: 'password', username: emu.info.admin.username, password: emu.info.admin.password, scope: 'User.Read' }) })).body);
    const token = String(pwd['access_token']);
    const ok = await http.send({ method: 'GET', url: me, headers: { authorization: `Bearer ${token}`, 'client-request-id': 'test-123' } });
    expect(ok.status).toBe(200);
    expect(ok.headers['client-request-id']).toBe('test-123');
    const denied = await http.send({ method: 'GET', url: `${emu.info.graphBaseUrl}/v1.0/users`, headers: { authorization: `Bearer ${token}` } });
    expect(denied.status).toBe(403);
    expect(json(denied.body)).toMatchObject({ error: { code: 'Authorization_RequestDenied' } });
  });

  it('serves the admin API only with the admin key', async () => {
    const admin = emu.info.adminUrl;
    expect((await http.send({ method: 'GET', url: `${admin}/state` })).status).toBe(401);
    expect((await http.send({ method: 'GET', url: `${admin}/state`, headers: { 'x-emulator-admin-key': 'wrong' } })).status).toBe(401);
    const key = { 'x-emulator-admin-key': emu.info.adminKey, 'content-type': 'application/json' };
    const add = await http.send({ method: 'POST', url: `${admin}/faults`, headers: key, body: JSON.stringify({ kind: 'status', status: 503, count: 1, path: '/graph/' }) });
    expect(add.status).toBe(204);
    expect((await http.send({ method: 'GET', url: `${emu.info.graphBaseUrl}/v1.0/me` })).status).toBe(503);
    expect((await http.send({ method: 'POST', url: `${admin}/faults`, headers: key, body: JSON.stringify({ kind: 'explode' }) })).status).toBe(400);
    const events = json((await http.send({ method: 'GET', url: `${admin}/events?kind=fault`, headers: key })).body);
    expect(events['events']).toEqual([expect.objectContaining({ kind: 'fault', detail: { kind: 'status', path: '/graph/v1.0/me', status: 503 } })]);
  });
});
