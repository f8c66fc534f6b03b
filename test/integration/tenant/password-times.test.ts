/**
 * The emulator as monitor mode reads it: lastPasswordChangeDateTime only on $select (and null
 * until a credential lands), paging with the selection kept, the organisation's heartbeat, and
 * deliveries by "another sync client" through the admin API — beside our own credential endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/errors.ts';
import { ntHash } from '../../../electron/crypto/md4.ts';
import { newSalt, wireFromNtHash } from '../../../electron/phs/orgid.ts';
import type { TenantConnection } from '../../../electron/tenant/connection.ts';
import { createHttpsClient } from '../../../electron/tenant/https-client.ts';
import { syncHeartbeat, userPasswordTimes } from '../../../electron/tenant/password-times.ts';
import type { TenantEmulator } from '../../lab/tenant/server.ts';
import { signIn } from '../engine/support/tenant.ts';
import { connectTo, removeTempDirs, startEmulator } from './helpers.ts';

let emu: TenantEmulator;
let conn: TenantConnection;
const wire = (password: string): string => wireFromNtHash(ntHash(password), newSalt());
const usersGets = (): number =>
  emu.admin.events('graph').filter((e) => e.detail['method'] === 'GET' && e.detail['path'] === '/graph/v1.0/users').length;

beforeAll(async () => {
  emu = await startEmulator({ graphMaxPageSize: 2 });
  conn = connectTo(emu.info).conn;
  await conn.auth.signInWithPassword(emu.info.admin.username, emu.info.admin.password);
});

afterAll(async () => {
  conn?.close();
  await emu?.close();
  removeTempDirs();
});

describe('password times in the emulator', () => {
  it("another client's object sync creates users without a password time; its credential sets it and the heartbeat", async () => {
    expect(await syncHeartbeat(conn.directory)).toEqual({ onPremisesLastSyncDateTime: null, onPremisesLastPasswordSyncDateTime: null });
    emu.admin.syncUserAsOtherClient({ sourceAnchor: 'T1RIRVIx', userPrincipalName: 'other1@lab.example.test' });
    emu.admin.syncUserAsOtherClient({ sourceAnchor: 'T1RIRVIy', userPrincipalName: 'other2@lab.example.test', accountEnabled: false });
    expect(emu.admin.state()).toMatchObject({ onPremisesSyncEnabled: true, features: { passwordSyncEnabled: false } });
    const changeDate = '2026-11-30T08:00:00.000Z';
    expect(emu.admin.deliverCredentialAsOtherClient({ sourceAnchor: 'T1RIRVIx', credentialData: wire('Other-Pass-1'), changeDate })).toBe('success');
    expect(emu.admin.state().features.passwordSyncEnabled).toBe(true);
    expect(await signIn(emu.info, 'other1@lab.example.test', 'Other-Pass-1')).toEqual({ ok: true });
    // An older change is ignored, as ProvisionCredentials does.
    expect(emu.admin.deliverCredentialAsOtherClient({ sourceAnchor: 'T1RIRVIx', credentialData: wire('Older'), changeDate: '2026-11-01T00:00:00Z' })).toBe('staleIgnored');
    expect(() => emu.admin.deliverCredentialAsOtherClient({ sourceAnchor: 'bm9uZQ==', credentialData: wire('x') })).toThrow(/no synced user/);

    const before = usersGets();
    const rows = await userPasswordTimes(conn.graph);
    expect(usersGets() - before).toBe(3); // 5 users, at most 2 a page whatever $top asks
    const byUpn = new Map(rows.map((r) => [r.userPrincipalName, r]));
    expect(byUpn.get('other1@lab.example.test')).toMatchObject({
      onPremisesImmutableId: 'T1RIRVIx', onPremisesSyncEnabled: true, accountEnabled: true, lastPasswordChangeDateTime: changeDate,
    });
    expect(byUpn.get('other2@lab.example.test')).toMatchObject({ accountEnabled: false, lastPasswordChangeDateTime: null });
    // Cloud-only users have one from their creation; $select survives @odata.nextLink (the last page is the third).
    expect(byUpn.get(emu.info.admin.username)).toMatchObject({ onPremisesImmutableId: null, onPremisesSyncEnabled: null });
    expect(byUpn.get(emu.info.admin.username)?.lastPasswordChangeDateTime).toMatch(/^\d{4}-\d\d-\d\dT/);
    const heartbeat = await syncHeartbeat(conn.directory);
    expect(heartbeat?.onPremisesLastPasswordSyncDateTime).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(heartbeat?.onPremisesLastSyncDateTime).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('returns lastPasswordChangeDateTime only on $select, and refuses unknown properties as Graph does', async () => {
    const plain = (await conn.graph.get('/v1.0/users')) as { value: Record<string, unknown>[] };
    expect(plain.value.length).toBeGreaterThan(0);
    for (const u of plain.value) expect(Object.keys(u)).not.toContain('lastPasswordChangeDateTime');
    const some = (await conn.graph.get('/v1.0/users?$select=id,lastPasswordChangeDateTime')) as { value: Record<string, unknown>[] };
    expect(Object.keys(some.value[0]!).sort()).toEqual(['id', 'lastPasswordChangeDateTime']);
    await expect(conn.graph.get('/v1.0/users?$select=id,passwordHash')).rejects.toMatchObject({
      code: ErrorCode.TenantRequestFailed,
      message: expect.stringContaining("Could not find a property named 'passwordHash'"),
    });
  });

  it('our credential endpoint stamps the change date it accepted; the admin API offers the other client over HTTPS', async () => {
    await conn.credentials!.deliver([{ sourceAnchor: 'T1RIRVIy', credentialData: wire('Ours-1'), forceChangePasswordOnLogon: false, changeDate: '2026-12-01T09:30:00Z' }]);
    expect(emu.admin.state().users.find((u) => u.onPremisesImmutableId === 'T1RIRVIy')?.lastPasswordChangeDateTime).toBe('2026-12-01T09:30:00.000Z');

    const http = createHttpsClient({ caFile: emu.info.caFile, timeoutMs: 5000 });
    try {
      const headers = { 'x-emulator-admin-key': emu.info.adminKey, 'content-type': 'application/json' };
      const post = (path: string, body: unknown, h: Record<string, string> = headers) =>
        http.send({ method: 'POST', url: `${emu.info.adminUrl}/other-client/${path}`, headers: h, body: JSON.stringify(body) });
      expect((await post('users', { sourceAnchor: 'T1RIRVIz', userPrincipalName: 'other3@lab.example.test' }, { 'content-type': 'application/json' })).status).toBe(401);
      expect((await post('users', { sourceAnchor: 'T1RIRVIz', userPrincipalName: 'other3@lab.example.test' })).status).toBe(204);
      const delivered = await post('credentials', { sourceAnchor: 'T1RIRVIz', credentialData: wire('Third-1') });
      expect(delivered.status).toBe(200);
      expect(JSON.parse(delivered.body.toString('utf8'))).toEqual({ result: 'success' });
      expect((await post('users', { sourceAnchor: 'T1RIRVI0', userPrincipalName: 'x@unverified.example.test' })).status).toBe(400);
    } finally {
      http.close();
    }
    expect(await signIn(emu.info, 'other3@lab.example.test', 'Third-1')).toEqual({ ok: true });
  });
});
