/**
 * Live: full replication and single-object reads against the lab DC return, for every seeded
 * user, the NT hash of its known password; paging, resuming and concurrent reads behave.
 * Hashes are compared, never printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrsrClient } from '../../../../electron/directory/drsr/client.ts';
import type { ReplicationCursor } from '../../../../electron/directory/drsr/drsuapi/cursor.ts';
import type { ReplicationPage } from '../../../../electron/directory/drsr/drsuapi/replication.ts';
import type { ReplicatedUser } from '../../../../electron/directory/drsr/drsuapi/user-record.ts';
import { ntHash } from '../../../../electron/crypto/md4.ts';
import { bulkPassword, bulkSamAccountName } from '../../../lab/bulk.ts';
import { BULK_NEEDED } from '../../../lab/global-setup.ts';
import { labInfo } from '../../lab.ts';
import { connectAdmin } from './lab-admin.ts';

const lab = labInfo();
const expectedUsers = lab.users.length + (lab.bulk?.count ?? 0) + 4;
/** Below the user count, so the sync takes several pages whatever the lab holds. */
const PAGE_SIZE = Math.max(5, Math.min(1000, Math.floor(expectedUsers / 8)));
/** The integration setup seeds at least this many bulk users (test/lab/global-setup.ts). */
const BULK_SAMPLE = BULK_NEEDED;

function hashMatches(user: ReplicatedUser, password: string | null): boolean {
  return password === null ? user.ntHash === null : user.ntHash?.equals(ntHash(password)) === true;
}

function isNonDecreasing(values: readonly bigint[]): boolean {
  return values.every((v, i) => i === 0 || v >= values[i - 1]!);
}

async function collect(
  pages: AsyncIterable<ReplicationPage>,
  stopAfter = Infinity,
): Promise<ReplicationPage[]> {
  const out: ReplicationPage[] = [];
  for await (const page of pages) {
    out.push(page);
    if (out.length >= stopAfter) break;
  }
  return out;
}

let client: DrsrClient;
let full: ReplicationPage[];
let byName: Map<string, ReplicatedUser>;

beforeAll(async () => {
  client = await connectAdmin();
  full = await collect(client.fullSync({ pageSize: PAGE_SIZE }));
  byName = new Map(full.flatMap((p) => p.users).map((u) => [u.sAMAccountName ?? '', u]));
});

afterAll(async () => {
  await client?.close();
});

describe('DRSR client against the lab DC', () => {
  it('learns the domain, its own account and the DC when it connects', () => {
    expect(client.domain).toEqual({ dnsName: lab.dnsDomain, netbiosName: lab.netbiosDomain, dn: lab.baseDn });
    expect(client.account.dn?.toLowerCase()).toBe(lab.admin.dn.toLowerCase());
    expect(client.dc.dnsHostName?.toLowerCase()).toBe(lab.serverName.toLowerCase());
    expect(client.dc.ntdsDsaObjectGuid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it(`pages a full sync (page size ${PAGE_SIZE}) with one cursor per page, complete only at the end`, () => {
    expect(full.length).toBeGreaterThan(1);
    expect(full.slice(0, -1).every((p) => p.more && !p.cursor.complete && p.cursor.upToDate === null)).toBe(
      true,
    );
    expect(full.at(-1)).toMatchObject({ more: false, cursor: { complete: true } });
    expect(full.at(-1)?.cursor.upToDate?.length).toBeGreaterThan(0);
    // An object changed during the cycle (other suites share this DC) is sent again later in
    // it, so uniqueness is asserted for the seeded users only.
    const seeded = full
      .flatMap((p) => p.users)
      .filter((u) => lab.users.some((l) => l.sAMAccountName === u.sAMAccountName));
    expect(seeded).toHaveLength(lab.users.length);
    expect(isNonDecreasing(full.map((p) => p.cursor.usnVector.highObjUpdate))).toBe(true);
  });

  it.each(lab.users.map((u) => [u.sAMAccountName, u] as const))(
    'full replication gives %s the hash of its known password',
    (name, user) => {
      const replicated = byName.get(name);
      expect(replicated?.dn.toLowerCase()).toBe(user.dn.toLowerCase());
      expect(replicated?.kind).toBe('user');
      expect(hashMatches(replicated!, user.password)).toBe(true);
      // unicodePwd's replication metadata dates every password that was set.
      if (user.password !== null)
        expect(Date.parse(replicated?.passwordChangedAt ?? '')).toBeLessThanOrEqual(Date.now());
    },
  );

  it(`full replication gives bulk users the hashes of their passwords (first ${BULK_SAMPLE})`, () => {
    expect(lab.bulk?.count ?? 0).toBeGreaterThanOrEqual(BULK_SAMPLE);
    for (let i = 0; i < BULK_SAMPLE; i++) {
      const user = byName.get(bulkSamAccountName(i));
      expect(user !== undefined && hashMatches(user, bulkPassword(i)), bulkSamAccountName(i)).toBe(true);
    }
  });

  it('marks the DC machine account as a computer and still counts it as a user object', () => {
    const machines = full.flatMap((p) => p.users).filter((u) => u.kind === 'computer');
    expect(machines.some((u) => u.sAMAccountName?.toUpperCase() === 'DC1$')).toBe(true);
  });

  it.each(lab.users.map((u) => [u.sAMAccountName, u] as const))(
    'a single-object read gives %s the hash of its known password',
    async (_name, user) => {
      const replicated = await client.readUser(user.dn);
      expect(replicated.objectGuid).toBe(byName.get(user.sAMAccountName)?.objectGuid);
      expect(hashMatches(replicated, user.password)).toBe(true);
    },
  );

  it('finds users by sAMAccountName, DOMAIN\\name, UPN, DN and objectGUID', async () => {
    const user = lab.users[0]!;
    for (const name of [
      byName.get(user.sAMAccountName)!.objectGuid,
      user.sAMAccountName,
      `${lab.netbiosDomain}\\${user.sAMAccountName}`,
      user.userPrincipalName,
      user.dn,
    ]) {
      const found = await client.findUser(name);
      expect(found.dn.toLowerCase()).toBe(user.dn.toLowerCase());
      expect(found.guid).toBe(byName.get(user.sAMAccountName)?.objectGuid);
    }
  });

  it('keeps a running full sync intact while single-object reads run beside it', async () => {
    const names: string[] = [];
    const usns: bigint[] = [];
    let pages = 0;
    for await (const page of client.fullSync({ pageSize: PAGE_SIZE })) {
      names.push(...page.users.map((u) => u.sAMAccountName ?? ''));
      usns.push(page.cursor.usnVector.highObjUpdate);
      if (pages++ < 3) {
        const reads = await Promise.all(lab.users.slice(0, 3).map((u) => client.readUser(u.dn)));
        expect(reads.every((u, i) => hashMatches(u, lab.users[i]!.password))).toBe(true);
      }
    }
    // A restarted cycle would fall back to low USNs and send the seeded users again.
    expect(isNonDecreasing(usns)).toBe(true);
    for (const user of lab.users) expect(names.filter((n) => n === user.sAMAccountName)).toHaveLength(1);
    expect(names.length).toBeGreaterThanOrEqual(byName.size - 5);
  });

  it('resumes an interrupted full sync from a mid-cycle cursor on a new connection', async () => {
    const first = await collect(client.fullSync({ pageSize: PAGE_SIZE }), 2);
    const cursor: ReplicationCursor = first.at(-1)!.cursor;
    expect(cursor.complete).toBe(false);
    const other = await connectAdmin();
    try {
      const rest = await collect(other.fullSync({ cursor, pageSize: PAGE_SIZE }));
      const names = new Set([...first, ...rest].flatMap((p) => p.users.map((u) => u.sAMAccountName)));
      for (const user of lab.users) expect(names.has(user.sAMAccountName), user.sAMAccountName).toBe(true);
      expect(rest.at(-1)?.cursor.complete).toBe(true);
    } finally {
      await other.close();
    }
  });
});
