/**
 * What the LDAP integration tests share: settings and accounts for the lab DC, the lab's own
 * tools (samba-tool, ldbsearch, Samba's Python bindings) run against its sam.ldb, and a sandbox
 * OU per test file with freshly created users, deleted (whole subtree) afterwards.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Attribute, Change, Control, type Client } from 'ldapts';
import { createDirectoryService } from '../../../../electron/directory/ldap/index.ts';
import type { ConnectionSettings, Credentials } from '../../../../electron/directory/ldap/settings.ts';
import { addUser } from '../../../lab/seed.ts';
import { CLI_ENTRY } from '../../../unit/cli/run-cli.ts';
import { labInfo, ldapsClient } from '../../lab.ts';

export const service = createDirectoryService();

export function labSettings(overrides: Partial<ConnectionSettings> = {}): ConnectionSettings {
  const lab = labInfo();
  return {
    host: lab.host,
    port: lab.ldapsPort,
    transport: 'ldaps',
    trust: { kind: 'pem', pem: fs.readFileSync(lab.caFile, 'utf8') },
    serverName: lab.serverName,
    timeoutMs: 15_000,
    ...overrides,
  };
}

export const adminCredentials = (): Credentials => ({
  username: labInfo().admin.username,
  password: labInfo().admin.password,
});
export const readerCredentials = (): Credentials => ({
  username: labInfo().nonAdmin.netbiosName,
  password: labInfo().nonAdmin.password,
});

/** The DC's certificate file, next to its CA in the provisioned folder. */
export const labCertFile = (): string => path.join(path.dirname(labInfo().caFile), 'cert.pem');
export const samLdb = (): string =>
  path.join(path.dirname(path.dirname(labInfo().smbConf)), 'private', 'sam.ldb');

const TOOL_TIMEOUT_MS = 60_000;

export function sambaTool(...args: string[]): string {
  return execFileSync('samba-tool', [...args, '-H', samLdb(), '-s', labInfo().smbConf], {
    encoding: 'utf8',
    timeout: TOOL_TIMEOUT_MS,
  });
}

/** Runs a Python snippet with Samba's bindings; argv[1..] are `args`. */
export function sambaPython(script: string, ...args: string[]): string {
  return execFileSync('/usr/bin/python3', ['-c', script, ...args], {
    encoding: 'utf8',
    timeout: TOOL_TIMEOUT_MS,
  });
}

export type LdifRecord = Readonly<Record<string, readonly string[]>>;

/** `ldbsearch` straight on sam.ldb; values of `::` (base64) attributes come back as hex. */
export function ldbsearch(
  base: string,
  scope: 'base' | 'one' | 'sub',
  filter: string,
  attributes: readonly string[],
): LdifRecord[] {
  const out = execFileSync('ldbsearch', ['-H', samLdb(), '-b', base, '-s', scope, filter, ...attributes], {
    encoding: 'utf8',
    timeout: TOOL_TIMEOUT_MS,
  });
  const records: Record<string, string[]>[] = [];
  let current: Record<string, string[]> | null = null;
  for (const line of out.replace(/\n /g, '').split('\n')) {
    if (line.startsWith('# record')) records.push((current = {}));
    const match = /^([\w-]+)(::?) ?(.*)$/.exec(line);
    if (!current || !match) continue;
    const value = match[2] === '::' ? Buffer.from(match[3]!, 'base64').toString('hex') : match[3]!;
    (current[match[1]!.toLowerCase()] ??= []).push(value);
  }
  return records;
}

export const uniqueSuffix = (): string => randomBytes(3).toString('hex');

const TREE_DELETE = new Control('1.2.840.113556.1.4.805', { critical: true });

export interface SandboxUser {
  readonly sAMAccountName: string;
  readonly userPrincipalName: string;
  readonly dn: string;
  readonly password: string;
}

/** An OU at the domain root holding only what one test file creates. */
export class Sandbox {
  readonly root: string;
  readonly tag: string;
  readonly #admin: Client;

  private constructor(root: string, tag: string, admin: Client) {
    this.root = root;
    this.tag = tag;
    this.#admin = admin;
  }

  static async create(label: string): Promise<Sandbox> {
    const tag = uniqueSuffix();
    const admin = ldapsClient();
    await admin.bind(labInfo().admin.username, labInfo().admin.password);
    const root = `OU=phs-${label}-${tag},${labInfo().baseDn}`;
    await admin.add(root, { objectClass: ['top', 'organizationalUnit'], ou: `phs-${label}-${tag}` });
    return new Sandbox(root, tag, admin);
  }

  get admin(): Client {
    return this.#admin;
  }

  async addOu(name: string, parent: string = this.root): Promise<string> {
    const dn = `OU=${name},${parent}`;
    await this.#admin.add(dn, { objectClass: ['top', 'organizationalUnit'], ou: name });
    return dn;
  }

  /** `short` keeps sAMAccountName within 20 characters: `t<tag>-<short>`. */
  async addUser(
    short: string,
    ou: string = this.root,
    flags: readonly ('disabled' | 'mustChange')[] = [],
  ): Promise<SandboxUser> {
    const sAMAccountName = `t${this.tag}-${short}`.slice(0, 20);
    const password = `Pw-${short}-${uniqueSuffix()}!`;
    await addUser(this.#admin, { sAMAccountName, cn: sAMAccountName, ou, password, flags });
    return {
      sAMAccountName,
      userPrincipalName: `${sAMAccountName}@${labInfo().dnsDomain}`,
      dn: `CN=${sAMAccountName},${ou}`,
      password,
    };
  }

  async replace(dn: string, type: string, values: (string | Buffer)[]): Promise<void> {
    const buffers = values.map((v) => (Buffer.isBuffer(v) ? v : Buffer.from(v, 'utf8')));
    await this.#admin.modify(
      dn,
      new Change({ operation: 'replace', modification: new Attribute({ type, values: buffers }) }),
    );
  }

  async destroy(): Promise<void> {
    try {
      await this.#admin.del(this.root, TREE_DELETE);
    } finally {
      await this.#admin.unbind().catch(() => undefined);
    }
  }
}

/** The error `promise` rejects with, or null when it resolves. */
export async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

/** Runs the `phs` CLI from source as a child process with extra environment variables. */
export function runPhsWith(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI_ENTRY, ...args], {
    env: { ...process.env, ...env },
    timeout: 60_000,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
