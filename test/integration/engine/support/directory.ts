/**
 * The directory side of the engine's lab runs, on the real Samba DC: a test's own OU of fresh
 * users (created over LDAPS, deleted after), password changes the way an admin makes them
 * (`samba-tool user setpassword`), and a DC restart that keeps the lab's ownership as it was.
 */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from 'ldapts';
import { labPaths } from '../../../lab/config.ts';
import { labDown, labUp } from '../../../lab/control.ts';
import { SYNC_OU, userDn, userPrincipalName, type FixtureUser } from '../../../lab/fixtures.ts';
import type { LabInfo } from '../../../lab/lab-info.ts';
import { bindAs, labTarget } from '../../../lab/ldap.ts';
import { readOwner } from '../../../lab/lock.ts';
import { addUser } from '../../../lab/seed.ts';

export interface OwnUser {
  readonly sam: string;
  readonly upn: string;
  readonly dn: string;
  password: string;
}

/** Runs `work` on an LDAPS connection bound as the lab's Administrator. */
export async function asAdmin<T>(lab: LabInfo, work: (client: Client) => Promise<T>): Promise<T> {
  const client = await bindAs(labTarget(lab.caFile), lab.admin.username, lab.admin.password);
  try {
    return await work(client);
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

/** A fresh OU (under OU=Sync, the fixture scope, by default) holding `users`; returns their DNs and UPNs. */
export async function createOwnOu(
  lab: LabInfo,
  name: string,
  users: readonly { readonly sam: string; readonly password: string }[],
  parent: string = SYNC_OU,
): Promise<{ readonly ou: string; readonly users: OwnUser[] }> {
  const ou = `OU=${name},${parent}`;
  const made: OwnUser[] = [];
  await asAdmin(lab, async (client) => {
    await client.add(ou, { objectClass: ['top', 'organizationalUnit'], ou: name });
    for (const u of users) {
      const fixture: FixtureUser = { sAMAccountName: u.sam, cn: u.sam, ou, password: u.password, flags: [] };
      await addUser(client, fixture);
      made.push({ sam: u.sam, upn: userPrincipalName(u.sam), dn: userDn(fixture), password: u.password });
    }
  });
  return { ou, users: made };
}

/** Deletes an OU and everything under it (children first). Missing: nothing to do. */
export async function deleteOu(lab: LabInfo, ou: string): Promise<void> {
  await asAdmin(lab, async (client) => {
    let entries: { dn: string }[];
    try {
      ({ searchEntries: entries } = await client.search(ou, {
        scope: 'sub',
        attributes: ['distinguishedName'],
      }));
    } catch {
      return;
    }
    // Deepest first: a parent can only go once its children are gone.
    const depth = (dn: string): number => dn.split(/(?<!\\),/).length;
    for (const e of [...entries].sort((a, b) => depth(b.dn) - depth(a.dn))) await client.del(e.dn);
  });
}

/** `samba-tool user setpassword`, as an administrator would change a password. */
export function sambaToolSetPassword(lab: LabInfo, sam: string, password: string): Promise<void> {
  const args = [
    'user',
    'setpassword',
    sam,
    `--newpassword=${password}`,
    '-H',
    `ldap://${lab.host}`,
    '-U',
    `${lab.admin.netbiosName}%${lab.admin.password}`,
  ];
  return new Promise((resolve, reject) => {
    // Asynchronous: an emulator in this process keeps answering the engine meanwhile.
    const child = spawn('samba-tool', args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) =>
      status === 0
        ? resolve()
        : reject(new Error(`samba-tool user setpassword ${sam} exited ${status}: ${out}`)),
    );
  });
}

/**
 * Stops the lab DC, waits `downMs`, starts it again and waits until LDAPS answers. Whoever owned
 * the running DC (a developer, a test run) still owns it afterwards.
 */
export async function restartDc(downMs: number, log: (line: string) => void): Promise<void> {
  const paths = labPaths();
  const owner = readOwner(paths);
  await labDown(log, paths);
  try {
    await sleep(downMs);
  } finally {
    await labUp({ owner, log }, paths);
  }
}
