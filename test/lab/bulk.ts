/**
 * Bulk users for benchmarks: `bulk00000`, `bulk00001`, … in OU=Bulk,OU=Sync, each with a password
 * derived from its index (so a benchmark can verify any of them without a list). Idempotent:
 * existing users are skipped. Several LDAPS connections work in parallel (Samba has 4 LDAP workers).
 */
import { createHash } from 'node:crypto';
import type { Client } from 'ldapts';
import { ADMIN_PASSWORD, DNS_DOMAIN } from './config.ts';
import { BULK_OU, ouName } from './fixtures.ts';
import type { FixtureUser } from './fixtures.ts';
import { bindAs, dnExists } from './ldap.ts';
import type { LdapsTarget } from './ldap.ts';
import { addUser } from './seed.ts';

export const BULK_MAX = 100_000;

export function bulkSamAccountName(index: number): string {
  return `bulk${String(index).padStart(5, '0')}`;
}

/** Deterministic per index, different for every user, printable ASCII. */
export function bulkPassword(index: number): string {
  const digest = createHash('sha256').update(`phs-lab-bulk-${index}`).digest('base64url').slice(0, 12);
  return `Bulk-${index}-${digest}`;
}

export function bulkUser(index: number): FixtureUser {
  const name = bulkSamAccountName(index);
  return { sAMAccountName: name, cn: name, ou: BULK_OU, password: bulkPassword(index), flags: [] };
}

async function existingBulkNames(client: Client): Promise<Set<string>> {
  const { searchEntries } = await client.search(BULK_OU, {
    scope: 'one',
    filter: '(objectClass=user)',
    attributes: ['sAMAccountName'],
    paged: { pageSize: 1000 },
  });
  return new Set(searchEntries.map((entry) => String(entry['sAMAccountName']).toLowerCase()));
}

export interface BulkResult {
  readonly created: number;
  readonly existing: number;
  readonly seconds: number;
}

export async function seedBulk(
  target: LdapsTarget,
  count: number,
  connections: number,
  log: (line: string) => void,
): Promise<BulkResult> {
  const started = Date.now();
  const admin = `Administrator@${DNS_DOMAIN}`;
  const first = await bindAs(target, admin, ADMIN_PASSWORD);
  let todo: number[];
  try {
    if (!(await dnExists(first, BULK_OU)))
      await first.add(BULK_OU, { objectClass: ['top', 'organizationalUnit'], ou: ouName(BULK_OU) });
    const existing = await existingBulkNames(first);
    todo = Array.from({ length: count }, (_, index) => index).filter(
      (index) => !existing.has(bulkSamAccountName(index)),
    );
  } finally {
    await first.unbind();
  }
  const existing = count - todo.length;
  log(
    `bulk: ${existing} of ${count} already exist, creating ${todo.length} over ${connections} connection(s)…`,
  );
  let next = 0;
  let created = 0;
  const worker = async (): Promise<void> => {
    const client = await bindAs(target, admin, ADMIN_PASSWORD);
    try {
      for (let index = todo[next++]; index !== undefined; index = todo[next++]) {
        await addUser(client, bulkUser(index));
        created++;
        if (created % 1000 === 0) log(`bulk: ${created}/${todo.length} created`);
      }
    } finally {
      await client.unbind();
    }
  };
  await Promise.all(Array.from({ length: Math.min(connections, Math.max(1, todo.length)) }, () => worker()));
  return { created, existing, seconds: (Date.now() - started) / 1000 };
}
