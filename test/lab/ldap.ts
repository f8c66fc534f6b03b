/**
 * LDAPS plumbing shared by seeding and the readiness check: a verified TLS client (the DC's
 * certificate names DC1.lab.example.test, which does not resolve, so we connect to 127.0.0.1 and
 * name the server explicitly), AD's password encoding, and an "does this DN exist" probe.
 */
import fs from 'node:fs';
import { Client, NoSuchObjectError } from 'ldapts';
import { HOST, LDAPS_PORT, SERVER_NAME } from './config.ts';

export interface LdapsTarget {
  readonly url: string;
  readonly caPem: string;
  readonly serverName: string;
}

export function labTarget(caFile: string): LdapsTarget {
  return {
    url: `ldaps://${HOST}:${LDAPS_PORT}`,
    caPem: fs.readFileSync(caFile, 'utf8'),
    serverName: SERVER_NAME,
  };
}

export function ldapsClient(target: LdapsTarget, timeoutMs = 30_000): Client {
  return new Client({
    url: target.url,
    timeout: timeoutMs,
    connectTimeout: 5_000,
    tlsOptions: { ca: [target.caPem], servername: target.serverName, minVersion: 'TLSv1.2' },
  });
}

/** Opens a client and binds it; the caller unbinds. */
export async function bindAs(target: LdapsTarget, user: string, password: string): Promise<Client> {
  const client = ldapsClient(target);
  try {
    await client.bind(user, password);
    return client;
  } catch (error) {
    await client.unbind().catch(() => undefined);
    throw error;
  }
}

/** AD's `unicodePwd` value: the password in double quotes, encoded as UTF-16LE. */
export function unicodePwd(password: string): Buffer {
  return Buffer.from(`"${password}"`, 'utf16le');
}

export async function dnExists(client: Client, dn: string): Promise<boolean> {
  try {
    const { searchEntries } = await client.search(dn, { scope: 'base', attributes: ['distinguishedName'] });
    return searchEntries.length === 1;
  } catch (error) {
    if (error instanceof NoSuchObjectError) return false;
    throw error;
  }
}
