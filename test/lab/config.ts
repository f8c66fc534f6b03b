/**
 * Fixed facts about the lab domain and where its files live. Everything else in test/lab reads
 * these constants, so a newcomer can see the whole lab's shape in one place.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REALM = 'LAB.EXAMPLE.TEST';
export const DNS_DOMAIN = 'lab.example.test';
export const NETBIOS_DOMAIN = 'LAB';
export const HOST_NAME = 'dc1';
export const SERVER_NAME = 'DC1.lab.example.test';
export const BASE_DN = 'DC=lab,DC=example,DC=test';
export const HOST = '127.0.0.1';

export const LDAP_PORT = 389;
export const LDAPS_PORT = 636;
export const RPC_PORT = 135;
/**
 * drsuapi is pinned to this port (`rpc server port:drsuapi`) so packet captures and logs are
 * predictable. Clients must still ask the endpoint mapper on 135, as they would on Windows.
 */
export const DRSUAPI_PORT = 49153;

/** TCP ports Samba binds on the loopback; anything else holding one of them blocks the start. */
export const SAMBA_TCP_PORTS = [
  53,
  88,
  RPC_PORT,
  139,
  LDAP_PORT,
  445,
  464,
  LDAPS_PORT,
  3268,
  3269,
  DRSUAPI_PORT,
] as const;

/**
 * The Administrator password, fixed so that every machine's lab is the same. It only ever
 * guards a DC that listens on the loopback of a test machine.
 */
export const ADMIN_PASSWORD = 'PhsLab-Admin-2025!';
export const READER_PASSWORD = 'PhsLab-Reader-2025!';

/** Bounds for the waits in `up` and `down`. */
export const READY_TIMEOUT_MS = 90_000;
export const STOP_TIMEOUT_MS = 20_000;

export interface LabPaths {
  /** The lab folder: `<repo>/.lab`, or `$PHS_LAB_DIR`. */
  readonly labDir: string;
  /** Samba's provisioned folder (`--targetdir`); also the working directory of our samba. */
  readonly dcDir: string;
  readonly smbConf: string;
  readonly samLdb: string;
  readonly caFile: string;
  /** Written only after provisioning fully succeeded; its absence means "provision again". */
  readonly provisionedMarker: string;
  readonly pidFile: string;
  readonly logFile: string;
  readonly infoFile: string;
  readonly lockFile: string;
  readonly leasesDir: string;
  readonly ownerFile: string;
}

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export function labPaths(env: NodeJS.ProcessEnv = process.env): LabPaths {
  const fromEnv = env['PHS_LAB_DIR'];
  const labDir = path.resolve(
    fromEnv !== undefined && fromEnv !== '' ? fromEnv : path.join(repoRoot, '.lab'),
  );
  const dcDir = path.join(labDir, 'dc');
  return {
    labDir,
    dcDir,
    smbConf: path.join(dcDir, 'etc', 'smb.conf'),
    samLdb: path.join(dcDir, 'private', 'sam.ldb'),
    caFile: path.join(dcDir, 'private', 'tls', 'ca.pem'),
    provisionedMarker: path.join(dcDir, 'provisioned.json'),
    pidFile: path.join(labDir, 'samba.pid'),
    logFile: path.join(labDir, 'samba.log'),
    infoFile: path.join(labDir, 'lab.json'),
    lockFile: path.join(labDir, 'lab.lock'),
    leasesDir: path.join(labDir, 'leases'),
    ownerFile: path.join(labDir, 'owner'),
  };
}
