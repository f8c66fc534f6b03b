/**
 * The directory as the engine and the wizard see it: fetch a DC's certificate to show it,
 * connect (TLS + bind), then discover, check rights, browse OUs, count and stream users, and
 * follow changes. Electron-free; one session is one LDAP connection.
 */
import { silentLogger, type Logger } from '../../../shared/logger.ts';
import { changesSince, currentWatermarkState, type ChangeResult } from './change-feed.ts';
import type { CertificateInfo } from './connection/certificate.ts';
import { LdapSession } from './connection/session.ts';
import { openSecureSocket } from './connection/socket.ts';
import { discover, type Discovery } from './discovery.ts';
import { listChildOus, type OuNode } from './ou-tree.ts';
import { checkReplicationRights, type RightsReport } from './rights.ts';
import { validateScope, type Scope } from './scope.ts';
import { validateSettings, type ConnectionSettings, type Credentials } from './settings.ts';
import { countUsers, streamUsers, type DirectoryUser } from './users.ts';
import { encodeWatermark, type Watermark } from './watermark.ts';

export interface DirectorySession {
  /** The DC certificate this session verified. */
  readonly certificate: CertificateInfo;
  discover(): Promise<Discovery>;
  checkRights(): Promise<RightsReport>;
  /** Children of `parentDn` (default: the domain head). */
  listOus(parentDn?: string): Promise<readonly OuNode[]>;
  countUsers(scope: Scope): Promise<number>;
  streamUsers(scope: Scope): AsyncIterable<DirectoryUser>;
  /** "Now", to commit after a full sync that starts right after this call. */
  currentWatermark(scope: Scope): Promise<Watermark>;
  changesSince(watermark: Watermark | null, scope: Scope): Promise<ChangeResult>;
  close(): Promise<void>;
}

export interface DirectoryService {
  /** Connects without trusting anything and returns the certificate for the user to judge. */
  fetchCertificate(settings: ConnectionSettings): Promise<CertificateInfo>;
  connect(settings: ConnectionSettings, credentials: Credentials): Promise<DirectorySession>;
}

export function createDirectoryService(options: { readonly log?: Logger } = {}): DirectoryService {
  const log = (options.log ?? silentLogger).child('ldap');
  return {
    async fetchCertificate(settings) {
      validateSettings(settings);
      const { socket, certificate } = await openSecureSocket(settings, 'inspect');
      socket.destroy();
      log.info('fetched the DC certificate', {
        host: settings.host,
        port: settings.port,
        sha256: certificate.sha256,
      });
      return certificate;
    },
    async connect(settings, credentials) {
      return ldapDirectorySession(await LdapSession.open(settings, credentials, log));
    },
  };
}

function ldapDirectorySession(session: LdapSession): DirectorySession {
  let discovery: Promise<Discovery> | undefined;
  const discovered = (): Promise<Discovery> => (discovery ??= discover(session));
  return {
    certificate: session.certificate,
    discover: discovered,
    async checkRights() {
      const { domain } = await discovered();
      return checkReplicationRights(session, domain.defaultNamingContext, domain.netbiosName);
    },
    async listOus(parentDn) {
      return listChildOus(session, parentDn ?? (await discovered()).domain.defaultNamingContext);
    },
    countUsers: (scope) => countUsers(session, scope),
    streamUsers: (scope) => streamUsers(session, validateScope(scope)),
    async currentWatermark(scope) {
      return encodeWatermark(await currentWatermarkState(session, validateScope(scope)));
    },
    changesSince: (watermark, scope) => changesSince(session, scope, watermark),
    close: () => session.close(),
  };
}
