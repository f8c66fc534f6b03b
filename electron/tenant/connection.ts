/**
 * The tenant as the rest of the product sees it: sign-in, Graph reads/writes and the credential
 * port, built over one HTTPS client from one TenantConfig. The app passes a safeStorage-backed
 * cache; the CLI a key-file-backed one. `status()` gathers what a status screen shows.
 */
import type { ICachePlugin } from '@azure/msal-node';
import { silentLogger, type Logger } from '../../shared/logger.ts';
import type { TenantConfig } from './config.ts';
import type { CredentialSink } from '../engine/ports.ts';
import { HttpsCredentialSink } from './credential-transport.ts';
import { GraphClient } from './graph-client.ts';
import { createHttpsClient, type HttpsClient } from './https-client.ts';
import type { Clock } from '../engine/ports.ts';
import type { RetryPolicy } from './retry.ts';
import { TenantAuth, type SignedInAccount } from './tenant-auth.ts';
import {
  TenantDirectory,
  type AdminRoles,
  type Domain,
  type Organization,
  type SyncFeatures,
} from './tenant-directory.ts';

export interface TenantConnectionOptions {
  readonly config: TenantConfig;
  readonly cache?: ICachePlugin;
  readonly logger?: Logger;
  readonly retry?: RetryPolicy;
  readonly clock?: Clock;
  readonly requestTimeoutMs?: number;
}

export interface TenantStatus {
  readonly account: SignedInAccount;
  readonly organization: Organization;
  readonly domains: readonly Domain[];
  readonly roles: AdminRoles;
  /** Undefined when the account may not read them (not an admin). */
  readonly features: SyncFeatures | undefined;
}

export class TenantConnection {
  readonly auth: TenantAuth;
  readonly graph: GraphClient;
  readonly directory: TenantDirectory;
  /** Undefined when the tenant file names no credential endpoint. */
  readonly credentials: CredentialSink | undefined;
  readonly #http: HttpsClient;

  constructor(o: TenantConnectionOptions) {
    const logger = o.logger ?? silentLogger;
    this.#http = createHttpsClient({
      caFile: o.config.caFile,
      ...(o.requestTimeoutMs === undefined ? {} : { timeoutMs: o.requestTimeoutMs }),
    });
    this.auth = new TenantAuth({
      config: o.config,
      http: this.#http,
      logger,
      ...(o.cache === undefined ? {} : { cache: o.cache }),
    });
    this.graph = new GraphClient({
      graphBaseUrl: o.config.graphBaseUrl,
      tokens: this.auth,
      http: this.#http,
      logger,
      ...(o.retry === undefined ? {} : { retry: o.retry }),
      ...(o.clock === undefined ? {} : { clock: o.clock }),
    });
    this.directory = new TenantDirectory(this.graph);
    this.credentials =
      o.config.credentialsUrl === undefined
        ? undefined
        : new HttpsCredentialSink({
            credentialsUrl: o.config.credentialsUrl,
            tokens: this.auth,
            http: this.#http,
            logger,
          });
  }

  /** Who is signed in, the tenant, the admin roles and (for admins) the sync features. */
  async status(account: SignedInAccount): Promise<TenantStatus> {
    const [organization, domains, roles] = await Promise.all([
      this.directory.organization(),
      this.directory.verifiedDomains(),
      this.directory.adminRoles(),
    ]);
    const features = roles.isAdmin ? (await this.directory.syncSettings()).features : undefined;
    return { account, organization, domains, roles, features };
  }

  close(): void {
    this.auth.close();
    this.#http.close();
  }
}
