/**
 * What the DRSR integration tests share: a client for the lab DC, and a sandbox OU of freshly
 * created users whose passwords and replication rights a test may change. Rights are granted
 * with the very samba-tool command our missing-rights error suggests, and revoked again through
 * Samba's Python bindings (samba-tool 4.17 has no "dsacl delete"); the OU goes with a tree delete.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Control, type Client } from 'ldapts';
import { DrsrClient, type DrsrConnectOptions } from '../../../../electron/directory/drsr/client.ts';
import { sidFromBytes } from '../../../../electron/directory/drsr/drsuapi/dsname.ts';
import type { ReplicationRight } from '../../../../electron/directory/drsr/drsuapi/errors.ts';
import { addUser } from '../../../lab/seed.ts';
import { labInfo, ldapsClient } from '../../lab.ts';

const TOOL_TIMEOUT_MS = 60_000;

export const samLdb = (): string =>
  path.join(path.dirname(path.dirname(labInfo().smbConf)), 'private', 'sam.ldb');

export function sambaTool(...args: string[]): string {
  return execFileSync('samba-tool', [...args, '-H', samLdb(), '-s', labInfo().smbConf], {
    encoding: 'utf8',
    timeout: TOOL_TIMEOUT_MS,
  });
}

export function adminAccount(): Pick<DrsrConnectOptions, 'host' | 'username' | 'domain' | 'password'> {
  const lab = labInfo();
  return {
    host: lab.host,
    username: 'Administrator',
    domain: lab.netbiosDomain,
    password: lab.admin.password,
  };
}

export function connectAdmin(extra: Partial<DrsrConnectOptions> = {}): Promise<DrsrClient> {
  return DrsrClient.connect({ ...adminAccount(), timeoutMs: 30_000, ...extra });
}

export interface SandboxUser {
  readonly sAMAccountName: string;
  readonly dn: string;
  readonly sid: string;
  readonly password: string | null;
}

/** Removes every DACL entry of one SID from an object (argv: smb.conf, sam.ldb, DN, SID). */
const REVOKE = `
import sys, ldb
from samba.samdb import SamDB
from samba.auth import system_session
from samba.param import LoadParm
from samba.ndr import ndr_pack, ndr_unpack
from samba.dcerpc import security
lp = LoadParm(); lp.load(sys.argv[1])
db = SamDB(url=sys.argv[2], session_info=system_session(), lp=lp)
res = db.search(base=sys.argv[3], scope=ldb.SCOPE_BASE, attrs=["nTSecurityDescriptor"], controls=["sd_flags:1:4"])
sd = ndr_unpack(security.descriptor, res[0]["nTSecurityDescriptor"][0])
sid = security.dom_sid(sys.argv[4])
for _ in range(64):
    try:
        sd.dacl_del(sid)  # removes one match per call
    except Exception:
        break
m = ldb.Message(); m.dn = ldb.Dn(db, sys.argv[3])
m["nTSecurityDescriptor"] = ldb.MessageElement(ndr_pack(sd), ldb.FLAG_MOD_REPLACE, "nTSecurityDescriptor")
db.modify(m, controls=["sd_flags:1:4"])
`;

export class Sandbox {
  readonly ou: string;
  readonly tag = randomBytes(3).toString('hex');
  readonly #client: Client;
  readonly #grants: string[] = [];
  readonly #granted: [SandboxUser, ReplicationRight][] = [];

  private constructor(client: Client, ou: string) {
    this.#client = client;
    this.ou = ou;
  }

  static async create(name: string): Promise<Sandbox> {
    const lab = labInfo();
    const client = ldapsClient(lab);
    await client.bind(lab.admin.username, lab.admin.password);
    const ou = `OU=drsr-${name}-${randomBytes(3).toString('hex')},${lab.baseDn}`;
    await client.add(ou, { objectClass: ['top', 'organizationalUnit'], ou: ou.slice(3, ou.indexOf(',')) });
    return new Sandbox(client, ou);
  }

  /** A user with a unique sAMAccountName (≤ 20 characters) and the given password. */
  async addUser(prefix: string, password: string | null): Promise<SandboxUser> {
    const sAMAccountName = `${prefix}${randomBytes(4).toString('hex')}`.slice(0, 20);
    await addUser(this.#client, {
      sAMAccountName,
      cn: sAMAccountName,
      ou: this.ou,
      password,
      flags: password === null ? ['noPassword'] : [],
    });
    const dn = `CN=${sAMAccountName},${this.ou}`;
    const { searchEntries } = await this.#client.search(dn, {
      scope: 'base',
      attributes: ['objectSid'],
      explicitBufferAttributes: ['objectSid'],
    });
    const sid = sidFromBytes(searchEntries[0]?.['objectSid'] as Buffer);
    if (sid === null) throw new Error(`no objectSid for ${dn}`);
    return { sAMAccountName, dn, sid, password };
  }

  /** What an administrator would do: `samba-tool user setpassword`. */
  setPassword(user: SandboxUser, password: string): void {
    sambaTool('user', 'setpassword', user.sAMAccountName, `--newpassword=${password}`);
  }

  /** Grants a replication right on the domain root, as DrsrMissingRightsError tells admins to. */
  grant(user: SandboxUser, right: ReplicationRight): void {
    const car = right === 'Get-Changes' ? 'get-changes' : 'get-changes-all';
    sambaTool(
      'dsacl',
      'set',
      `--objectdn=${labInfo().baseDn}`,
      `--trusteedn=${user.dn}`,
      `--car=${car}`,
      '--action=allow',
    );
    if (!this.#grants.includes(user.sid)) this.#grants.push(user.sid);
    if (!this.#granted.some(([u, r]) => u === user && r === right)) this.#granted.push([user, right]);
  }

  /**
   * Grants everything again (samba-tool skips ACEs already there). Other test suites rewrite the
   * domain's security descriptor too (read, edit, write back), which can drop an ACE we added
   * in between: tests that depend on a grant call this right before, and once more on a retry.
   */
  regrant(): void {
    for (const [user, right] of this.#granted) this.grant(user, right);
  }

  /** Revokes every grant, then deletes the OU with everything in it. */
  async dispose(): Promise<void> {
    try {
      for (const sid of this.#grants.splice(0)) {
        execFileSync('/usr/bin/python3', ['-c', REVOKE, labInfo().smbConf, samLdb(), labInfo().baseDn, sid], {
          timeout: TOOL_TIMEOUT_MS,
        });
      }
      await this.#client.del(this.ou, [new Control('1.2.840.113556.1.4.805', { critical: true })]);
    } finally {
      await this.#client.unbind().catch(() => undefined);
    }
  }
}
