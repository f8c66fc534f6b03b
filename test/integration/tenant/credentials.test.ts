import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/errors.ts';
import { ntHash } from '../../../electron/crypto/md4.ts';
import { newSalt, wireFromNtHash } from '../../../electron/phs/orgid.ts';
import type { TenantConnection } from '../../../electron/tenant/connection.ts';
import { deliverCredentials } from '../../../electron/tenant/credential-delivery.ts';
import type { CredentialItem, CredentialSink } from '../../../electron/engine/ports.ts';
import type { TenantEmulator } from '../../lab/tenant/server.ts';
import { connectTo, FAST_RETRY, removeTempDirs, startEmulator } from './helpers.ts';

let emu: TenantEmulator;
let conn: TenantConnection;
let sink: CredentialSink;

const USERS = 40;
const anchor = (i: number): string => Buffer.from(`anchor-${i}`).toString('base64');
const item = (i: number, password: string, changeDate = '2026-01-01T00:00:00Z'): CredentialItem => ({
  sourceAnchor: anchor(i), credentialData: wireFromNtHash(ntHash(password), newSalt()), forceChangePasswordOnLogon: false, changeDate,
});
const batches = (): { sourceAnchor: string; result: string }[][] =>
  emu.admin.events('credentials').map((e) => e.detail['batch'] as { sourceAnchor: string; result: string }[] | undefined).filter((b) => b !== undefined);

beforeAll(async () => {
  emu = await startEmulator();
  conn = connectTo(emu.info).conn;
  await conn.auth.signInWithPassword(emu.info.admin.username, emu.info.admin.password);
  sink = conn.credentials!;
  await expect(sink.deliver([item(0, 'x')])).rejects.toMatchObject({ code: ErrorCode.CredentialRejected }); // sync is off
  await conn.directory.setOnPremisesSyncEnabled(true);
  await conn.directory.setSyncFeatures({ passwordSyncEnabled: true });
  for (let i = 0; i < USERS; i++) {
    await conn.directory.upsertSyncedUser({ sourceAnchor: anchor(i), userPrincipalName: `cred${i}@lab.example.test`, displayName: `Cred ${i}`, accountEnabled: true });
  }
});

afterAll(async () => {
  conn?.close();
  await emu?.close();
  removeTempDirs();
});

describe('credential delivery to the emulator', () => {
  it('answers a mixed batch item by item and resends only the retryable item', async () => {
    await sink.deliver([item(3, 'newer', '2026-03-01T00:00:00Z')]);
    emu.admin.clearEvents();
    emu.admin.addItemFault({ sourceAnchor: anchor(2), result: 'throttled', count: 2, retryAfterSeconds: 0 });
    const items = [
      item(1, 'fine'),
      item(2, 'throttled twice'),
      { ...item(9, 'x'), sourceAnchor: 'bm8tc3VjaC11c2Vy' },
      { ...item(4, 'x'), credentialData: item(4, 'x').credentialData.toUpperCase() },
      item(3, 'older', '2026-02-01T00:00:00Z'),
    ];
    const report = await deliverCredentials(sink, items, { retry: FAST_RETRY });
    expect(report.results.map((r) => r.outcome)).toEqual(['success', 'success', 'unknownUser', 'rejectedFormat', 'staleIgnored']);
    expect(report.results.map((r) => r.code)).toEqual([0, 0, 1, 2, 0]);
    expect(report).toMatchObject({ delivered: 3, failed: 2, requests: 3 });
    expect(batches().map((b) => b.map((r) => r.sourceAnchor))).toEqual([items.map((i) => i.sourceAnchor), [anchor(2)], [anchor(2)]]);
    expect(emu.admin.user('cred3@lab.example.test')?.credential?.changeDate).toBe('2026-03-01T00:00:00.000Z');
  });

  it('loses no item through 429 and 503 storms, a dropped connection and a rate limit', async () => {
    emu.admin.clearEvents();
    emu.admin.addFault({ kind: 'status', status: 503, count: 3, path: '/provisioning/' });
    emu.admin.addFault({ kind: 'status', status: 429, retryAfterSeconds: 1, count: 1, path: '/provisioning/' });
    emu.admin.addFault({ kind: 'drop', count: 1, path: '/provisioning/' });
    emu.admin.addFault({ kind: 'status', status: 503, probability: 0.3, path: '/provisioning/' });
    emu.admin.setCredentialRateLimit({ items: 25, windowSeconds: 1 });
    const items = Array.from({ length: USERS }, (_, i) => item(i, `storm-${i}`, '2026-04-01T00:00:00Z'));
    const report = await deliverCredentials(sink, items, { batchSize: 10, retry: { ...FAST_RETRY, maxAttempts: 30 } });
    emu.admin.clearFaults();
    emu.admin.setCredentialRateLimit({ items: 7000, windowSeconds: 300 });
    expect(report.results.map((r) => r.outcome)).toEqual(Array<string>(USERS).fill('success'));
    expect(report.delivered).toBe(USERS);
    expect(batches().flat().filter((r) => r.result === 'throttled').length).toBeGreaterThan(0); // the rate limit did bite
    for (let i = 0; i < USERS; i++) expect(emu.admin.user(`cred${i}@lab.example.test`)?.credential?.changeDate).toBe('2026-04-01T00:00:00.000Z');
  });

  it('is idempotent: sending the same change again is accepted and changes nothing', async () => {
    const once = item(5, 'same', '2026-05-01T00:00:00Z');
    await deliverCredentials(sink, [once], { retry: FAST_RETRY });
    const stored = emu.admin.user('cred5@lab.example.test')?.credential;
    const again = await deliverCredentials(sink, [once, once], { retry: FAST_RETRY });
    expect(again.results.map((r) => r.outcome)).toEqual(['success', 'success']);
    expect(emu.admin.user('cred5@lab.example.test')?.credential).toEqual(stored);
  });

  it('refuses a non-administrator with TenantNotAdmin', async () => {
    const other = connectTo(emu.info).conn;
    try {
      await other.auth.signInWithPassword(emu.info.nonAdmin.username, emu.info.nonAdmin.password);
      await expect(deliverCredentials(other.credentials!, [item(6, 'x')], { retry: FAST_RETRY })).rejects.toMatchObject({ code: ErrorCode.TenantNotAdmin });
    } finally {
      other.close();
    }
  });
});
