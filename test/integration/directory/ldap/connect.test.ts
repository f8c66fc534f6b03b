import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import { Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindFailure } from '../../../../electron/directory/ldap/connection/bind-failures.ts';
import { parseDirectoryUrl } from '../../../../electron/directory/ldap/settings.ts';
import { AppError } from '../../../../shared/errors.ts';
import { labInfo } from '../../lab.ts';
import {
  adminCredentials,
  failureOf,
  labCertFile,
  labSettings,
  readerCredentials,
  service,
} from './helpers.ts';

const codeOf = (error: unknown): string | undefined =>
  error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
let fingerprint = '';
let certificatePem = '';

beforeAll(() => {
  certificatePem = fs.readFileSync(labCertFile(), 'utf8');
  fingerprint = new X509Certificate(certificatePem).fingerprint256;
});

describe('connecting to the lab DC', () => {
  it('binds over LDAPS with the lab CA and reports the certificate it verified', async () => {
    const session = await service.connect(labSettings(), adminCredentials());
    try {
      expect(session.certificate.sha256).toBe(fingerprint);
      expect(session.certificate.trusted).toBe(true);
      expect((await session.discover()).dc.dnsHostName.toLowerCase()).toBe(
        labInfo().serverName.toLowerCase(),
      );
    } finally {
      await session.close();
    }
  });

  it('binds over StartTLS on the LDAP port and works the same', async () => {
    const session = await service.connect(
      labSettings({ transport: 'starttls', port: labInfo().ldapPort }),
      adminCredentials(),
    );
    try {
      expect(session.certificate.sha256).toBe(fingerprint);
      expect((await session.discover()).domain.netbiosName).toBe(labInfo().netbiosDomain);
    } finally {
      await session.close();
    }
  });

  it('binds with user@domain, DOMAIN\\user and a DN, and finds the same account behind each', async () => {
    const lab = labInfo();
    const sids = new Set<string>();
    for (const username of [lab.nonAdmin.username, lab.nonAdmin.netbiosName, lab.nonAdmin.dn]) {
      const session = await service.connect(labSettings(), { username, password: lab.nonAdmin.password });
      try {
        const rights = await session.checkRights();
        expect(rights.account.dn.toLowerCase()).toBe(lab.nonAdmin.dn.toLowerCase());
        sids.add(rights.account.sid);
      } finally {
        await session.close();
      }
    }
    expect(sids.size).toBe(1);
  });
});

describe('trust modes', () => {
  it('system store: the lab CA is not in it, so the DC is refused as untrusted', async () => {
    expect(
      codeOf(
        await failureOf(service.connect(labSettings({ trust: { kind: 'system' } }), readerCredentials())),
      ),
    ).toBe('LDAP_TLS_UNTRUSTED');
  });

  it('fetches the certificate to show it (issuer, subject, validity, SHA-256) without trusting it', async () => {
    const info = await service.fetchCertificate(labSettings({ trust: { kind: 'system' } }));
    const x509 = new X509Certificate(certificatePem);
    expect(info.sha256).toBe(fingerprint);
    expect(info.subject).toContain(`CN=${labInfo().serverName}`);
    expect(info.issuer).toContain('CA certificate');
    expect(new Date(info.validFrom).getTime()).toBe(new Date(x509.validFrom).getTime());
    expect(new Date(info.validTo).getTime()).toBe(new Date(x509.validTo).getTime());
    expect(info.trusted).toBe(false);
    expect(info.trustError).toMatch(/UNABLE_TO_VERIFY|SELF_SIGNED|UNABLE_TO_GET_ISSUER/);
    const overStartTls = await service.fetchCertificate(
      labSettings({ transport: 'starttls', port: labInfo().ldapPort }),
    );
    expect(overStartTls).toMatchObject({ sha256: fingerprint, trusted: true });
  });

  it('pinned fingerprint: the shown fingerprint is accepted over LDAPS and StartTLS, without any CA', async () => {
    for (const transport of ['ldaps', 'starttls'] as const) {
      const port = transport === 'ldaps' ? labInfo().ldapsPort : labInfo().ldapPort;
      const session = await service.connect(
        labSettings({ transport, port, trust: { kind: 'pinned', sha256: fingerprint.toLowerCase() } }),
        readerCredentials(),
      );
      expect(session.certificate.sha256).toBe(fingerprint);
      await session.close();
    }
  });

  it('pinned fingerprint: a wrong one is refused before any bind', async () => {
    const wrong = `00${fingerprint.slice(2)}`;
    const error = await failureOf(
      service.connect(labSettings({ trust: { kind: 'pinned', sha256: wrong } }), readerCredentials()),
    );
    expect(codeOf(error)).toBe('LDAP_TLS_PIN_MISMATCH');
    expect((error as Error).message).toContain(fingerprint);
  });

  it('refuses a certificate that does not carry the expected name (or the IP address)', async () => {
    expect(
      codeOf(
        await failureOf(
          service.connect(labSettings({ serverName: 'dc2.lab.example.test' }), readerCredentials()),
        ),
      ),
    ).toBe('LDAP_TLS_NAME_MISMATCH');
    const { serverName: _dropped, ...byIp } = labSettings();
    void _dropped;
    expect(codeOf(await failureOf(service.connect(byIp, readerCredentials())))).toBe(
      'LDAP_TLS_NAME_MISMATCH',
    );
  });
});

describe('connection failures', () => {
  const servers: net.Server[] = [];
  const sockets = new Set<net.Socket>();
  afterAll(async () => {
    const stillOpen = [...sockets].filter((socket) => !socket.destroyed);
    for (const socket of sockets) socket.destroy();
    await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
    // The client must have closed every connection it gave up on.
    expect(stillOpen).toEqual([]);
  });
  /** Servers read (and drop) what they receive, so they see the client's FIN when it closes. */
  const listen = async (server: net.Server): Promise<number> => {
    servers.push(server);
    server.on('connection', (socket: net.Socket) => {
      sockets.add(socket);
      socket.resume();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return (server.address() as net.AddressInfo).port;
  };

  it('names the wrong port: LDAPS against 389, StartTLS against 636', async () => {
    expect(
      codeOf(
        await failureOf(service.connect(labSettings({ port: labInfo().ldapPort }), readerCredentials())),
      ),
    ).toBe('LDAP_WRONG_PORT');
    expect(
      codeOf(await failureOf(service.connect(labSettings({ transport: 'starttls' }), readerCredentials()))),
    ).toBe('LDAP_WRONG_PORT');
  });

  it('names an unreachable host or closed port', async () => {
    const closed = await listen(net.createServer());
    await new Promise((done) => servers.pop()?.close(done));
    expect(codeOf(await failureOf(service.connect(labSettings({ port: closed }), readerCredentials())))).toBe(
      'LDAP_UNREACHABLE',
    );
    expect(
      codeOf(
        await failureOf(
          service.connect(labSettings({ host: 'dc.does-not-exist.invalid' }), readerCredentials()),
        ),
      ),
    ).toBe('LDAP_UNREACHABLE');
  });

  it('times out, within its bound, on a server that accepts and never answers the handshake', async () => {
    const port = await listen(net.createServer());
    const started = Date.now();
    expect(
      codeOf(await failureOf(service.connect(labSettings({ port, timeoutMs: 1500 }), readerCredentials()))),
    ).toBe('LDAP_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("times out a bind that a TLS server (with the DC's certificate) never answers", async () => {
    const key = fs.readFileSync(`${labCertFile().replace(/cert\.pem$/, 'key.pem')}`);
    const port = await listen(tls.createServer({ key, cert: certificatePem }, (socket) => socket.resume()));
    const started = Date.now();
    expect(
      codeOf(await failureOf(service.connect(labSettings({ port, timeoutMs: 1500 }), readerCredentials()))),
    ).toBe('LDAP_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("refuses plain LDAP itself, and maps the DC's own refusal of a plain simple bind the same way", async () => {
    expect(
      codeOf(
        await failureOf(
          Promise.resolve().then(() => parseDirectoryUrl(`ldap://${labInfo().host}:${labInfo().ldapPort}`)),
        ),
      ),
    ).toBe('LDAP_PLAIN_REFUSED');
    const plain = new Client({
      url: `ldap://${labInfo().host}:${labInfo().ldapPort}`,
      timeout: 5_000,
      connectTimeout: 5_000,
    });
    try {
      const refusal = await failureOf(plain.bind(labInfo().nonAdmin.dn, labInfo().nonAdmin.password));
      expect(bindFailure(refusal, labInfo().nonAdmin.dn, labSettings()).code).toBe('LDAP_PLAIN_REFUSED');
    } finally {
      await plain.unbind().catch(() => undefined);
    }
  });
});
