import fs from 'node:fs';
import { Client, InvalidCredentialsError } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { labInfo, ldapsClient, withBoundClient } from './lab.ts';

const DIRSYNC_OID = '1.2.840.113556.1.4.841';
const PAGED_RESULTS_OID = '1.2.840.113556.1.4.319';

function asArray(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

describe('the lab DC over LDAPS', () => {
  it('serves a rootDSE that describes the lab domain and advertises DirSync and paged results', async () => {
    const lab = labInfo();
    const rootDse = await withBoundClient(lab.admin.username, lab.admin.password, async (client) => {
      const { searchEntries } = await client.search('', {
        scope: 'base',
        attributes: ['defaultNamingContext', 'dnsHostName', 'supportedControl', 'highestCommittedUSN'],
      });
      return searchEntries[0];
    });
    expect(rootDse).toBeDefined();
    expect(rootDse?.['defaultNamingContext']).toBe(lab.baseDn);
    expect(String(rootDse?.['dnsHostName']).toLowerCase()).toBe(lab.serverName.toLowerCase());
    expect(asArray(rootDse?.['supportedControl'])).toEqual(
      expect.arrayContaining([DIRSYNC_OID, PAGED_RESULTS_OID]),
    );
    const usn = Number(rootDse?.['highestCommittedUSN']);
    expect(Number.isSafeInteger(usn) && usn > 0).toBe(true);
  });

  it('rejects a wrong password with invalid credentials carrying AD\'s "data 52e"', async () => {
    const lab = labInfo();
    const client = ldapsClient();
    try {
      const failure = await client.bind(lab.admin.username, `${lab.admin.password}-wrong`).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(InvalidCredentialsError);
      expect((failure as Error).message).toMatch(/\bdata 52e\b/);
    } finally {
      await client.unbind().catch(() => undefined);
    }
  });

  it('verifies the DC certificate: without the lab CA the TLS handshake fails', async () => {
    const lab = labInfo();
    const client = new Client({
      url: lab.ldapsUrl,
      connectTimeout: 5_000,
      timeout: 10_000,
      tlsOptions: { servername: lab.serverName },
    });
    try {
      const failure = await client.bind(lab.admin.username, lab.admin.password).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(Error);
      expect((failure as NodeJS.ErrnoException).code).toMatch(/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/);
    } finally {
      await client.unbind().catch(() => undefined);
    }
  });

  it('verifies the server name: with the CA but another expected name the handshake fails', async () => {
    const lab = labInfo();
    const client = new Client({
      url: lab.ldapsUrl,
      connectTimeout: 5_000,
      timeout: 10_000,
      tlsOptions: { ca: [fs.readFileSync(lab.caFile, 'utf8')], servername: 'dc2.lab.example.test' },
    });
    try {
      const failure = await client.bind(lab.admin.username, lab.admin.password).then(
        () => null,
        (error: unknown) => error,
      );
      expect((failure as NodeJS.ErrnoException | null)?.code).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    } finally {
      await client.unbind().catch(() => undefined);
    }
  });
});
