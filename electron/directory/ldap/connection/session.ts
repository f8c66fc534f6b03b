/**
 * One bound LDAP session over a verified TLS socket: typed searches (single-shot or paged)
 * whose failures come back as our named errors. The socket is handed to ldapts exactly once;
 * if it drops, requests fail (LdapConnectionLost) instead of silently reconnecting unverified.
 */
import net from 'node:net';
import type tls from 'node:tls';
import { Client, type Control, type Entry } from 'ldapts';
import type { Logger } from '../../../../shared/logger.ts';
import {
  DEFAULT_TIMEOUT_MS,
  validateCredentials,
  validateSettings,
  type ConnectionSettings,
  type Credentials,
} from '../settings.ts';
import type { CertificateInfo } from './certificate.ts';
import { bindFailure } from './bind-failures.ts';
import { operationFailure } from './failures.ts';
import { openSecureSocket } from './socket.ts';

export interface SearchSpec {
  readonly base: string;
  readonly scope: 'base' | 'one' | 'sub';
  readonly filter?: string;
  readonly attributes: readonly string[];
  /** Attributes to keep as bytes, spelled as the server spells them (e.g. objectGUID). */
  readonly binary?: readonly string[];
  readonly controls?: readonly Control[];
  readonly sizeLimit?: number;
}

export const DEFAULT_PAGE_SIZE = 500;

export class LdapSession {
  readonly settings: ConnectionSettings;
  readonly certificate: CertificateInfo;
  readonly username: string;
  readonly #client: Client;
  readonly #log: Logger;

  private constructor(
    settings: ConnectionSettings,
    certificate: CertificateInfo,
    username: string,
    client: Client,
    log: Logger,
  ) {
    this.settings = settings;
    this.certificate = certificate;
    this.username = username;
    this.#client = client;
    this.#log = log;
  }

  static async open(
    settings: ConnectionSettings,
    credentials: Credentials,
    log: Logger,
  ): Promise<LdapSession> {
    validateSettings(settings);
    validateCredentials(credentials);
    const { socket, certificate } = await openSecureSocket(settings, 'verify');
    const timeout = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let handedOver = false;
    const take = (): tls.TLSSocket => {
      if (handedOver) throw new Error('Connection closed: the verified TLS connection cannot be reopened');
      handedOver = true;
      return socket;
    };
    const host = net.isIPv6(settings.host) ? `[${settings.host}]` : settings.host;
    const client = new Client({
      url: `ldaps://${host}:${settings.port}`,
      timeout,
      connectTimeout: timeout,
      // ldapts asks for a TLS socket; we give it the one we opened and verified ourselves.
      createSecureConnection: take as unknown as typeof tls.connect,
    });
    try {
      await client.bind(credentials.username, credentials.password);
    } catch (error) {
      await client.unbind().catch(() => undefined);
      socket.destroy();
      log.warn('LDAP bind failed', {
        host: settings.host,
        port: settings.port,
        username: credentials.username,
      });
      throw bindFailure(error, credentials.username, settings);
    }
    log.info('LDAP session open', {
      host: settings.host,
      port: settings.port,
      transport: settings.transport,
      username: credentials.username,
    });
    return new LdapSession(settings, certificate, credentials.username, client, log);
  }

  async search(spec: SearchSpec, what: string): Promise<Entry[]> {
    this.#log.debug('LDAP search', { what, base: spec.base, scope: spec.scope, filter: spec.filter });
    try {
      const { searchEntries } = await this.#client.search(
        spec.base,
        options(spec),
        spec.controls ? [...spec.controls] : undefined,
      );
      return searchEntries;
    } catch (error) {
      throw operationFailure(error, what, this.settings);
    }
  }

  /** Paged results: one array per page, so memory holds one page at a time. */
  async *pages(spec: SearchSpec, what: string, pageSize = DEFAULT_PAGE_SIZE): AsyncGenerator<Entry[]> {
    this.#log.debug('LDAP paged search', {
      what,
      base: spec.base,
      scope: spec.scope,
      filter: spec.filter,
      pageSize,
    });
    const paged = this.#client.searchPaginated(
      spec.base,
      { ...options(spec), paged: { pageSize } },
      spec.controls ? [...spec.controls] : undefined,
    );
    try {
      for (;;) {
        let next: IteratorResult<{ searchEntries: Entry[] }>;
        try {
          next = await paged.next();
        } catch (error) {
          throw operationFailure(error, what, this.settings);
        }
        if (next.done) return;
        yield next.value.searchEntries;
      }
    } finally {
      // A consumer that stops early leaves no suspended request behind.
      await paged.return(undefined).catch(() => undefined);
    }
  }

  /** An extended operation's response value, or null when the server does not support it. */
  async exop(oid: string): Promise<string | null> {
    try {
      return (await this.#client.exop(oid)).value ?? null;
    } catch {
      return null;
    }
  }

  async close(): Promise<void> {
    await this.#client.unbind().catch(() => undefined);
  }
}

function options(spec: SearchSpec) {
  return {
    scope: spec.scope,
    filter: spec.filter ?? '(objectClass=*)',
    attributes: [...spec.attributes],
    explicitBufferAttributes: [...(spec.binary ?? [])],
    ...(spec.sizeLimit === undefined ? {} : { sizeLimit: spec.sizeLimit }),
  };
}
