/**
 * The OU tree, scoping with nested and excluded OUs, the preview count and the user stream,
 * on a sandbox tree of fresh OUs and users (plus a computer and an inetOrgPerson, which must
 * never count as users), and the preview of the lab's own sync scope against ldbsearch.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectorySession } from '../../../../electron/directory/ldap/service.ts';
import { guidFromBytes } from '../../../../electron/directory/ldap/sd/guid.ts';
import { sidFromBytes } from '../../../../electron/directory/ldap/sd/sid.ts';
import { isEnabled } from '../../../../electron/directory/ldap/users.ts';
import { AppError } from '../../../../shared/errors.ts';
import { labInfo } from '../../lab.ts';
import {
  Sandbox,
  labSettings,
  ldbsearch,
  readerCredentials,
  runPhsWith,
  service,
  type SandboxUser,
} from './helpers.ts';

let sandbox: Sandbox;
let session: DirectorySession;
const ou: Record<'a' | 'nested' | 'excluded' | 'backIn' | 'out', string> = {
  a: '',
  nested: '',
  excluded: '',
  backIn: '',
  out: '',
};
const users: Record<string, SandboxUser> = {};
const CONSISTENCY = Buffer.from('00112233445566778899aabbccddeeff', 'hex');

beforeAll(async () => {
  sandbox = await Sandbox.create('scope');
  ou.a = await sandbox.addOu('A');
  ou.out = await sandbox.addOu('Out');
  ou.nested = await sandbox.addOu('Nested', ou.a);
  ou.excluded = await sandbox.addOu('Excluded', ou.a);
  ou.backIn = await sandbox.addOu('Back In', ou.excluded);
  users['root'] = await sandbox.addUser('root');
  users['a1'] = await sandbox.addUser('a1', ou.a);
  users['a2'] = await sandbox.addUser('a2', ou.a, ['disabled']);
  users['n1'] = await sandbox.addUser('n1', ou.nested);
  users['e1'] = await sandbox.addUser('e1', ou.excluded);
  users['b1'] = await sandbox.addUser('b1', ou.backIn);
  users['o1'] = await sandbox.addUser('o1', ou.out);
  await sandbox.replace(users['a1'].dn, 'mS-DS-ConsistencyGuid', [CONSISTENCY]);
  const computer = `t${sandbox.tag}-pc`;
  await sandbox.admin.add(`CN=${computer},${ou.a}`, {
    objectClass: ['top', 'person', 'organizationalPerson', 'user', 'computer'],
    sAMAccountName: `${computer}$`,
    userAccountControl: '4096',
  });
  await sandbox.admin.add(`CN=t${sandbox.tag}-inet,${ou.a}`, {
    objectClass: ['top', 'person', 'organizationalPerson', 'user', 'inetOrgPerson'],
    sAMAccountName: `t${sandbox.tag}-inet`,
  });
  session = await service.connect(labSettings(), readerCredentials());
});

afterAll(async () => {
  await session?.close();
  await sandbox?.destroy();
});

const names = async (included: string[], excluded: string[]): Promise<string[]> => {
  const found: string[] = [];
  for await (const user of session.streamUsers({ includedOus: included, excludedOus: excluded }))
    found.push(user.sAMAccountName);
  return found.sort();
};
const sams = (...keys: string[]): string[] => keys.map((k) => users[k]!.sAMAccountName).sort();

describe('the OU tree, one level at a time', () => {
  it('lists the children of a node with their user counts and whether they have children', async () => {
    expect(await session.listOus(sandbox.root)).toEqual([
      { dn: ou.a, name: 'A', kind: 'organizationalUnit', hasChildren: true, userCount: 5 },
      { dn: ou.out, name: 'Out', kind: 'organizationalUnit', hasChildren: false, userCount: 1 },
    ]);
    expect(await session.listOus(ou.a)).toEqual([
      { dn: ou.excluded, name: 'Excluded', kind: 'organizationalUnit', hasChildren: true, userCount: 2 },
      { dn: ou.nested, name: 'Nested', kind: 'organizationalUnit', hasChildren: false, userCount: 1 },
    ]);
  });

  it('starts at the domain head, showing ordinary containers such as CN=Users but not system ones', async () => {
    const top = await session.listOus();
    const dns = top.map((node) => node.dn.toLowerCase());
    expect(dns).toContain(sandbox.root.toLowerCase());
    expect(dns).toContain(`cn=users,${labInfo().baseDn}`.toLowerCase());
    expect(dns).not.toContain(`cn=system,${labInfo().baseDn}`.toLowerCase());
    expect(top.find((n) => n.dn.toLowerCase() === `cn=users,${labInfo().baseDn}`.toLowerCase())?.kind).toBe(
      'container',
    );
  });
});

describe('scope: included OUs with excluded sub-OUs', () => {
  it('includes nested OUs, drops excluded ones, and never counts computers or inetOrgPersons', async () => {
    expect(await names([ou.a], [])).toEqual(sams('a1', 'a2', 'n1', 'e1', 'b1'));
    expect(await names([ou.a], [ou.excluded])).toEqual(sams('a1', 'a2', 'n1'));
    expect(await names([ou.a, ou.backIn], [ou.excluded])).toEqual(sams('a1', 'a2', 'n1', 'b1'));
    expect(await names([ou.nested, ou.out], [])).toEqual(sams('n1', 'o1'));
  });

  it('previews the same numbers it streams', async () => {
    expect(await session.countUsers({ includedOus: [ou.a], excludedOus: [ou.excluded] })).toBe(3);
    expect(await session.countUsers({ includedOus: [ou.a, ou.backIn], excludedOus: [ou.excluded] })).toBe(4);
    expect(await session.countUsers({ includedOus: [sandbox.root], excludedOus: [] })).toBe(7);
  });

  it("streams every attribute the engine needs, binary ones as Buffers equal to ldbsearch's", async () => {
    const streamed = [];
    for await (const user of session.streamUsers({
      includedOus: [ou.a],
      excludedOus: [ou.nested, ou.excluded],
    }))
      streamed.push(user);
    expect(streamed.map((u) => u.sAMAccountName).sort()).toEqual(sams('a1', 'a2'));
    for (const user of streamed) {
      const [ldb] = ldbsearch(user.dn, 'base', '(objectClass=*)', [
        'objectGUID',
        'objectSid',
        'userPrincipalName',
        'userAccountControl',
        'pwdLastSet',
        'accountExpires',
        'displayName',
      ]);
      expect(Buffer.isBuffer(user.objectGuid) && Buffer.isBuffer(user.objectSid)).toBe(true);
      expect(guidFromBytes(user.objectGuid)).toBe(ldb?.['objectguid']?.[0]);
      expect(sidFromBytes(user.objectSid)).toBe(ldb?.['objectsid']?.[0]);
      expect(user.userPrincipalName).toBe(ldb?.['userprincipalname']?.[0]);
      expect(user.displayName).toBe(ldb?.['displayname']?.[0]);
      expect(String(user.userAccountControl)).toBe(ldb?.['useraccountcontrol']?.[0]);
      expect(String(user.pwdLastSet)).toBe(ldb?.['pwdlastset']?.[0]);
      expect(String(user.accountExpires)).toBe(ldb?.['accountexpires']?.[0]);
    }
    const a1 = streamed.find((u) => u.sAMAccountName === users['a1']!.sAMAccountName)!;
    const a2 = streamed.find((u) => u.sAMAccountName === users['a2']!.sAMAccountName)!;
    expect(a1.consistencyGuid).toEqual(CONSISTENCY);
    expect(a2.consistencyGuid).toBeNull();
    expect([isEnabled(a1), isEnabled(a2)]).toEqual([true, false]);
  });

  it('names an included OU that does not exist', async () => {
    const error = await session
      .countUsers({ includedOus: [`OU=Missing,${sandbox.root}`], excludedOus: [] })
      .catch((e: unknown) => e);
    expect(error instanceof AppError && error.code).toBe('LDAP_NO_SUCH_OBJECT');
  });

  it("previews the lab's own sync scope exactly as ldbsearch counts it (paged past one page with the bulk users)", async () => {
    const { includedOus, excludedOus } = labInfo().scope;
    const filter = '(&(sAMAccountType=805306368)(!(objectClass=inetOrgPerson)))';
    const all = includedOus.flatMap((base) =>
      ldbsearch(base, 'sub', filter, ['dn']).map((r) => String(r['dn']?.[0] ?? '').toLowerCase()),
    );
    const expected = all.filter((dn) => !excludedOus.some((ex) => dn.endsWith(`,${ex.toLowerCase()}`)));
    expect(await session.countUsers(labInfo().scope)).toBe(expected.length);
  });
});

describe('phs ad users', () => {
  it('prints the in-scope users as the JSON array the issue specifies, and no secret', () => {
    const dir = fs.mkdtempSync('/tmp/phs-users-');
    try {
      const file = path.join(dir, 'directory.json');
      fs.writeFileSync(
        file,
        JSON.stringify({
          url: labInfo().ldapsUrl,
          caFile: labInfo().caFile,
          serverName: labInfo().serverName,
          username: labInfo().nonAdmin.username,
        }),
      );
      const result = runPhsWith(
        ['ad', 'users', '--directory', file, '--ou', ou.a, '--exclude', ou.excluded, '--json'],
        { PHS_AD_PASSWORD: labInfo().nonAdmin.password },
      );
      expect(result.status, result.stderr).toBe(0);
      const listed = JSON.parse(result.stdout) as Record<string, unknown>[];
      expect(listed.map((u) => u['sAMAccountName']).sort()).toEqual(sams('a1', 'a2', 'n1'));
      for (const entry of listed)
        expect(Object.keys(entry).sort()).toEqual([
          'distinguishedName',
          'enabled',
          'objectGuid',
          'sAMAccountName',
          'userPrincipalName',
        ]);
      expect(listed.find((u) => u['sAMAccountName'] === users['a2']!.sAMAccountName)?.['enabled']).toBe(
        false,
      );
      expect(result.stdout + result.stderr).not.toContain(labInfo().nonAdmin.password);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
