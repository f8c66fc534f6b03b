/**
 * The engine's load fixture: exactly 1,000 users `load0000`… in `OU=Engine Load,OU=PHS Lab` —
 * outside OU=Sync, so no other test's scope sees them, and a fixed count on every machine
 * (unlike the benchmarks' bulk users). Each password derives from the index. Created once,
 * idempotently (existing users are kept), over several LDAPS connections; the tests only read them.
 */
import { createHash } from 'node:crypto';
import type { Client } from 'ldapts';
import { LAB_OU, userDn, userPrincipalName, type FixtureUser } from '../../../lab/fixtures.ts';
import type { LabInfo } from '../../../lab/lab-info.ts';
import { dnExists } from '../../../lab/ldap.ts';
import { addUser } from '../../../lab/seed.ts';
import { asAdmin } from './directory.ts';

export const LOAD_OU = `OU=Engine Load,${LAB_OU}`;
export const LOAD_COUNT = 1000;
const CONNECTIONS = 4;

export interface LoadUser {
  readonly index: number;
  readonly sam: string;
  readonly upn: string;
  readonly password: string;
}

export function loadUser(index: number): LoadUser {
  const sam = `load${String(index).padStart(4, '0')}`;
  const digest = createHash('sha256').update(`phs-engine-load-${index}`).digest('base64url').slice(0, 12);
  return { index, sam, upn: userPrincipalName(sam), password: `Load-${index}-${digest}` };
}

export const LOAD_USERS: readonly LoadUser[] = Array.from({ length: LOAD_COUNT }, (_, i) => loadUser(i));

function fixture(u: LoadUser): FixtureUser {
  return { sAMAccountName: u.sam, cn: u.sam, ou: LOAD_OU, password: u.password, flags: [] };
}

async function existingNames(client: Client): Promise<Set<string>> {
  if (!(await dnExists(client, LOAD_OU))) {
    await client.add(LOAD_OU, { objectClass: ['top', 'organizationalUnit'], ou: 'Engine Load' });
    return new Set();
  }
  const { searchEntries } = await client.search(LOAD_OU, {
    scope: 'one',
    filter: '(objectClass=user)',
    attributes: ['sAMAccountName'],
    paged: { pageSize: 1000 },
  });
  return new Set(searchEntries.map((e) => String(e['sAMAccountName']).toLowerCase()));
}

/** Creates the load users that are missing; returns how many it created. */
export async function ensureLoadUsers(
  lab: LabInfo,
  log: (line: string) => void = () => undefined,
): Promise<number> {
  const existing = await asAdmin(lab, existingNames);
  const todo = LOAD_USERS.filter((u) => !existing.has(u.sam));
  if (todo.length === 0) return 0;
  log(`creating ${todo.length} load users in ${LOAD_OU} (once; ~10 ms a user)…`);
  let next = 0;
  const worker = (): Promise<void> =>
    asAdmin(lab, async (client) => {
      for (let u = todo[next++]; u !== undefined; u = todo[next++]) await addUser(client, fixture(u));
    });
  await Promise.all(Array.from({ length: Math.min(CONNECTIONS, todo.length) }, worker));
  return todo.length;
}

export function loadUserDn(u: LoadUser): string {
  return userDn(fixture(u));
}
