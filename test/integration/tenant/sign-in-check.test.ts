/**
 * The emulator's sign-in check is Entra's: a wire string made by the real `phs hash` CLI for
 * password P, delivered for a synced user, lets that user sign in with P — and not with P', and
 * not when the credential was made over the lowercase hex of the NT hash.
 */
import { spawn } from 'node:child_process';
import { pbkdf2Sync } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/errors.ts';
import { ntHash } from '../../../electron/crypto/md4.ts';
import { formatWire } from '../../../electron/phs/orgid.ts';
import type { TenantConnection } from '../../../electron/tenant/connection.ts';
import { deliverCredentials } from '../../../electron/tenant/credential-delivery.ts';
import type { TenantEmulator } from '../../lab/tenant/server.ts';
import { connectTo, FAST_RETRY, removeTempDirs, startEmulator } from './helpers.ts';

const CLI = fileURLToPath(new URL('../../../electron/cli/main.ts', import.meta.url));
const P = 'Sommer2026!ÄÖü😀';
const SALT = '317ee9d1dec6508fa510';
const UPN = 'synced.user@lab.example.test';
const ANCHOR = 'c3luY2VkLXVzZXI=';

function phsHash(password: string, salt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'hash', '--salt', salt], { stdio: ['pipe', 'pipe', 'pipe'], timeout: 30_000 });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve(out.trim()) : reject(new Error(`phs hash exited ${status}`))));
    child.stdin.end(password, 'utf8');
  });
}

let emu: TenantEmulator;
let admin: TenantConnection;

beforeAll(async () => {
  emu = await startEmulator();
  admin = connectTo(emu.info).conn;
  await admin.auth.signInWithPassword(emu.info.admin.username, emu.info.admin.password);
  await admin.directory.setOnPremisesSyncEnabled(true);
  await admin.directory.setSyncFeatures({ passwordSyncEnabled: true });
  await admin.directory.upsertSyncedUser({ sourceAnchor: ANCHOR, userPrincipalName: UPN, displayName: 'Synced User', accountEnabled: true });
});

afterAll(async () => {
  admin?.close();
  await emu?.close();
  removeTempDirs();
});

async function deliver(credentialData: string, changeDate: string, forceChangePasswordOnLogon = false): Promise<void> {
  const report = await deliverCredentials(admin.credentials!, [{ sourceAnchor: ANCHOR, credentialData, forceChangePasswordOnLogon, changeDate }], { retry: FAST_RETRY });
  expect(report.results[0]?.outcome).toBe('success');
}

async function signInAs(password: string): Promise<string> {
  const { conn } = connectTo(emu.info);
  try {
    return (await conn.auth.signInWithPassword(UPN, password)).username;
  } finally {
    conn.close();
  }
}

describe('a synced user signs in with the on-premises password', () => {
  it('accepts P and refuses P′ after the wire string from `phs hash` is delivered', async () => {
    await expect(signInAs(P)).rejects.toMatchObject({ code: ErrorCode.TenantSignInFailed }); // no credential yet
    const wire = await phsHash(P, SALT);
    expect(wire).toMatch(/^v1;PPH1_MD4,317ee9d1dec6508fa510,1000,[0-9a-f]{64};$/);
    await deliver(wire, '2026-06-01T10:00:00Z');
    expect(await signInAs(P)).toBe(UPN);
    for (const wrong of [`${P} `, P.toLowerCase(), 'Sommer2026!ÄÖü', '']) {
      await expect(signInAs(wrong), JSON.stringify(wrong)).rejects.toMatchObject({ code: ErrorCode.TenantSignInFailed, message: expect.stringContaining('AADSTS50126') });
    }
  });

  it('refuses P when the credential was made over the lowercase hex of the NT hash', async () => {
    const salt = Buffer.from(SALT, 'hex');
    const lowerInput = Buffer.from(ntHash(P).toString('hex').toLowerCase(), 'utf16le');
    const lowercaseWire = formatWire(salt, 1000, pbkdf2Sync(lowerInput, salt, 1000, 32, 'sha256'));
    expect(lowercaseWire).not.toBe(await phsHash(P, SALT));
    await deliver(lowercaseWire, '2026-06-02T10:00:00Z');
    await expect(signInAs(P)).rejects.toMatchObject({ code: ErrorCode.TenantSignInFailed });
    await deliver(await phsHash(P, SALT), '2026-06-03T10:00:00Z');
    expect(await signInAs(P)).toBe(UPN);
  });

  it('asks for a password change when the credential says so and the tenant feature is on', async () => {
    await deliver(await phsHash(P, 'aabbccddeeff00112233'), '2026-06-04T10:00:00Z', true);
    expect(await signInAs(P)).toBe(UPN); // feature off: the flag is ignored
    await admin.directory.setSyncFeatures({ userForcePasswordChangeOnLogonEnabled: true });
    await expect(signInAs(P)).rejects.toMatchObject({ code: ErrorCode.TenantInteractionRequired, message: expect.stringContaining('AADSTS50055') });
    await admin.directory.setSyncFeatures({ userForcePasswordChangeOnLogonEnabled: false });
  });
});
