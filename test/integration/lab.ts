/**
 * How integration tests reach the lab DC: the validated lab.json that the global setup
 * provided, and LDAPS clients that verify the DC's certificate against the lab's CA.
 */
import fs from 'node:fs';
import { Client } from 'ldapts';
import { inject } from 'vitest';
import { readLabInfo } from '../lab/lab-info.ts';
import type { LabInfo } from '../lab/lab-info.ts';

let cached: LabInfo | undefined;

export function labInfo(): LabInfo {
  cached ??= readLabInfo(inject('labInfoPath'));
  return cached;
}

/** An unbound LDAPS client; the caller binds and unbinds. */
export function ldapsClient(lab: LabInfo = labInfo()): Client {
  return new Client({
    url: lab.ldapsUrl,
    timeout: 20_000,
    connectTimeout: 5_000,
    tlsOptions: { ca: [fs.readFileSync(lab.caFile, 'utf8')], servername: lab.serverName },
  });
}

/** Binds as `username` (UPN or DN), runs `work`, always unbinds. */
export async function withBoundClient<T>(
  username: string,
  password: string,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const client = ldapsClient();
  try {
    await client.bind(username, password);
    return await work(client);
  } finally {
    await client.unbind().catch(() => undefined);
  }
}
