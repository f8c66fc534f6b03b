import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/errors.ts';
import { createLogger, memorySink } from '../../../shared/logger.ts';
import type { TenantConnection } from '../../../electron/tenant/connection.ts';
import type { TenantEmulator } from '../../lab/tenant/server.ts';
import { connectTo, removeTempDirs, startEmulator } from './helpers.ts';

let emu: TenantEmulator;
let conn: TenantConnection;

beforeAll(async () => {
  emu = await startEmulator({ graphPageSize: 2, faultSeed: 7 });
  conn = connectTo(emu.info).conn;
  await conn.auth.signInWithPassword(emu.info.admin.username, emu.info.admin.password);
});

afterAll(async () => {
  conn?.close();
  await emu?.close();
  removeTempDirs();
});

const graphGets = (path: string): number =>
  emu.admin.events('graph').filter((e) => e.detail['method'] === 'GET' && e.detail['path'] === `/graph/v1.0${path}`).length;

describe('Graph against the emulator', () => {
  it('reads the tenant, its verified domains, the signed-in user and the admin roles', async () => {
    const org = await conn.directory.organization();
    expect(org).toMatchObject({ id: emu.info.tenantId, displayName: 'PHS Emulator Tenant', onPremisesSyncEnabled: false });
    expect(org.verifiedDomains.map((d) => d.name)).toEqual(['phsemulator.onmicrosoft.com', 'lab.example.test']);
    expect((await conn.directory.verifiedDomains()).map((d) => d.id)).toEqual(['phsemulator.onmicrosoft.com', 'lab.example.test']);
    expect(await conn.directory.me()).toMatchObject({ userPrincipalName: emu.info.admin.username });
    expect(await conn.directory.requireAdmin()).toEqual({ globalAdministrator: true, hybridIdentityAdministrator: false, isAdmin: true });
  });

  it('sets onPremisesSyncEnabled and the password-sync features, and reads them back', async () => {
    await conn.directory.setOnPremisesSyncEnabled(true);
    expect((await conn.directory.organization()).onPremisesSyncEnabled).toBe(true);
    const before = (await conn.directory.syncSettings()).features;
    expect(before).toEqual({ passwordSyncEnabled: false, cloudPasswordPolicyForPasswordSyncedUsersEnabled: false, userForcePasswordChangeOnLogonEnabled: false });
    await conn.directory.setSyncFeatures({ passwordSyncEnabled: true, userForcePasswordChangeOnLogonEnabled: true });
    expect((await conn.directory.syncSettings()).features).toEqual({ passwordSyncEnabled: true, cloudPasswordPolicyForPasswordSyncedUsersEnabled: false, userForcePasswordChangeOnLogonEnabled: true });
    await conn.directory.setSyncFeatures({ userForcePasswordChangeOnLogonEnabled: false, cloudPasswordPolicyForPasswordSyncedUsersEnabled: true });
    expect((await conn.directory.syncSettings()).features).toEqual({ passwordSyncEnabled: true, cloudPasswordPolicyForPasswordSyncedUsersEnabled: true, userForcePasswordChangeOnLogonEnabled: false });
    expect(emu.admin.state().features.cloudPasswordPolicyForPasswordSyncedUsersEnabled).toBe(true);
  });

  it('upserts synced users by source anchor and lists every user across @odata.nextLink pages', async () => {
    for (let i = 0; i < 4; i++) {
      const outcome = await conn.directory.upsertSyncedUser({ sourceAnchor: `YW5jaG9y${i}+/=`, userPrincipalName: `sync${i}@lab.example.test`, displayName: `Sync ${i}`, accountEnabled: true });
      expect(outcome).toBe('created');
    }
    expect(await conn.directory.upsertSyncedUser({ sourceAnchor: 'YW5jaG9y0+/=', userPrincipalName: 'sync0@lab.example.test', displayName: 'Renamed', accountEnabled: false })).toBe('updated');
    await expect(conn.directory.upsertSyncedUser({ sourceAnchor: 'bad', userPrincipalName: 'x@unverified.example.test', displayName: 'X', accountEnabled: true })).rejects.toMatchObject({ code: ErrorCode.TenantRequestFailed });
    const users = await conn.directory.users();
    expect(users).toHaveLength(7);
    expect(users.find((u) => u.onPremisesImmutableId === 'YW5jaG9y0+/=')).toMatchObject({ displayName: 'Renamed', accountEnabled: false });
    expect(graphGets('/users')).toBe(4); // 7 users, 2 a page
  });

  it('logs each call with its request id and client-request-id, and never a token', async () => {
    const sink = memorySink();
    const logged = connectTo(emu.info, { logger: createLogger({ process: 'test', sinks: [sink], level: 'debug' }) }).conn;
    try {
      await logged.auth.signInWithPassword(emu.info.admin.username, emu.info.admin.password);
      const token = await logged.auth.accessToken();
      await logged.directory.me();
      const calls = sink.lines.map((l) => JSON.parse(l) as { message: string; fields?: Record<string, unknown> }).filter((l) => l.message === 'tenant call');
      expect(calls.at(-1)?.fields).toMatchObject({ method: 'GET', path: '/graph/v1.0/me', status: 200, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), clientRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      const all = sink.lines.join('\n');
      expect(all).not.toContain(token);
      expect(all).not.toContain('eyJ');
      expect(all).not.toContain(emu.info.admin.password);
    } finally {
      logged.close();
    }
  });

  it('rides out a 429 storm (Retry-After), 503s, a slow reply and a dropped connection', async () => {
    emu.admin.addFault({ kind: 'status', status: 429, retryAfterSeconds: 1, count: 2, path: '/graph/v1.0/organization' });
    emu.admin.addFault({ kind: 'status', status: 503, count: 2, path: '/graph/v1.0/organization' });
    emu.admin.addFault({ kind: 'drop', count: 1, path: '/graph/v1.0/organization' });
    emu.admin.addFault({ kind: 'slow', delayMs: 300, count: 1, path: '/graph/v1.0/organization' });
    const before = graphGets('/organization');
    const started = Date.now();
    expect((await conn.directory.organization()).id).toBe(emu.info.tenantId);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000); // two Retry-After: 1 waits
    expect(graphGets('/organization') - before).toBe(1); // faults answer before the route: only the last attempt reached Graph
    expect(emu.admin.events('fault').filter((e) => e.detail['path'] === '/graph/v1.0/organization')).toHaveLength(6);
  });

  it('rides out a random 503 storm (seeded), and gives up with a named error when the storm outlasts the bound', async () => {
    emu.admin.clearFaults();
    emu.admin.addFault({ kind: 'status', status: 503, probability: 0.5, path: '/graph/v1.0/domains' });
    for (let i = 0; i < 5; i++) expect(await conn.directory.verifiedDomains()).toHaveLength(2);
    emu.admin.clearFaults();
    emu.admin.addFault({ kind: 'status', status: 429, retryAfterSeconds: 0, count: 100, path: '/graph/v1.0/me' });
    const limited = connectTo(emu.info, { retry: { maxAttempts: 3, maxTotalMs: 10_000, baseDelayMs: 10, maxDelayMs: 50 } }).conn;
    try {
      await limited.auth.signInWithPassword(emu.info.admin.username, emu.info.admin.password);
      emu.admin.clearEvents();
      await expect(limited.directory.me()).rejects.toMatchObject({ code: ErrorCode.TenantThrottled });
      expect(emu.admin.events('fault')).toHaveLength(3);
    } finally {
      emu.admin.clearFaults();
      limited.close();
    }
  });
});
