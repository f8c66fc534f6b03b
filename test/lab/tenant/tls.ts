/**
 * The emulator's own certificate authority and server certificate, made with the openssl CLI
 * (P-256 keys, 30 days, subjectAltName IP:127.0.0.1 and DNS:localhost). Files that are already
 * in the folder and still valid for a day are reused, so a persisted emulator keeps its CA.
 */
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EmulatorTls {
  readonly caFile: string;
  readonly caPem: string;
  readonly certPem: string;
  readonly keyPem: string;
  /** base64 SHA-256 of the server key's SPKI: what Chromium's --ignore-certificate-errors-spki-list pins. */
  readonly spkiSha256: string;
}

const OPENSSL = '/usr/bin/openssl';
const DAY_MS = 86_400_000;

function openssl(args: readonly string[], cwd: string): void {
  execFileSync(OPENSSL, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
}

function validForADay(certFile: string): boolean {
  if (!existsSync(certFile)) return false;
  try {
    const cert = new X509Certificate(readFileSync(certFile));
    return Date.parse(cert.validTo) - Date.now() > DAY_MS && cert.checkIP('127.0.0.1') === '127.0.0.1';
  } catch {
    return false;
  }
}

function generate(dir: string): void {
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    [
      'req',
      '-x509',
      ...ecKey,
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '30',
      '-subj',
      '/CN=PHS Sync tenant emulator CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  openssl(['req', ...ecKey, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost'], dir);
  writeFileSync(
    join(dir, 'server.ext'),
    [
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=serverAuth',
    ].join('\n'),
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'server.pem',
      '-days',
      '30',
      '-sha256',
      '-extfile',
      'server.ext',
    ],
    dir,
  );
}

/** Creates (or reuses) the CA and server certificate in `dir`. */
export function ensureEmulatorTls(dir: string): EmulatorTls {
  const certFile = join(dir, 'server.pem');
  if (!validForADay(certFile) || !existsSync(join(dir, 'ca.pem'))) generate(dir);
  const certPem = readFileSync(certFile, 'utf8');
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return {
    caFile: join(dir, 'ca.pem'),
    caPem: readFileSync(join(dir, 'ca.pem'), 'utf8'),
    certPem,
    keyPem: readFileSync(join(dir, 'server.key'), 'utf8'),
    spkiSha256: createHash('sha256').update(spki).digest('base64'),
  };
}
