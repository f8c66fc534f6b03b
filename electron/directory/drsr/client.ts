/**
 * DrsrClient: password hashes from a domain controller by directory replication (MS-DRSR).
 *
 *   const client = await DrsrClient.connect({ host, username, domain, password });
 *   for await (const page of client.fullSync({ pageSize: 1000 })) { use(page.users); save(page.cursor); }
 *   for await (const page of client.incremental(saved)) { … }
 *   const user = await client.readUser((await client.findUser('jdoe')).dn);
 *   await client.close();
 *
 * Streams run on a bind handle of their own and single-object reads on another connection,
 * because Samba 4.17 resets a paged sync when an extended operation shares its handle (§6.4).
 */
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import type { RpcDeadline } from './rpc/connection.ts';
import type { ReplicationCursor } from './drsuapi/cursor.ts';
import { discover, type Discovery } from './drsuapi/discovery.ts';
import { drsrUserNotFound } from './drsuapi/errors.ts';
import { findUser, type FoundUser } from './drsuapi/find-user.ts';
import { replicate, type ReplicationPage } from './drsuapi/replication.ts';
import { explainDenial, type RightsContext } from './drsuapi/rights.ts';
import { lookupPort, SessionPool } from './drsuapi/session-pool.ts';
import { DrsSession, type StubCapture } from './drsuapi/session.ts';
import { readObject } from './drsuapi/single-object.ts';
import type { ReplicatedUser } from './drsuapi/user-record.ts';
import { silentLogger, type Logger } from '../../../shared/logger.ts';

export interface DrsrConnectOptions {
  readonly host: string;
  /** The drsuapi TCP port; by default asked from the endpoint mapper on TCP 135. */
  readonly port?: number;
  /** sAMAccountName (with `domain`) or a UPN (with `domain` empty). */
  readonly username: string;
  /** NetBIOS (or DNS) domain name of the account; "" with a UPN. */
  readonly domain: string;
  readonly password: string;
  /** Bound on each network step: connect, bind, every call (default 60 s). */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Debug hook, off by default: sees every call's plaintext stubs (fixture capture). */
  readonly capture?: StubCapture;
  /** Progress at debug level: endpoints, DNs, counts and USNs; never a hash or a key. */
  readonly log?: Logger;
}

export interface SyncOptions {
  /** Naming context to replicate; the account's domain by default. */
  readonly ncDn?: string;
  /** Objects per page (cMaxObjects); default 1000, Samba's cap. */
  readonly pageSize?: number;
  /** Resume from this cursor (a full sync interrupted mid-cycle, or a completed cycle). */
  readonly cursor?: ReplicationCursor | null;
  readonly signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_PAGE_SIZE = 1000;
const MAX_BYTES_PER_PAGE = 16 * 1024 * 1024;
const MAX_PAGES = 1_000_000;

export class DrsrClient {
  readonly domain: Discovery['domain'];
  readonly dc: Discovery['dc'];
  readonly account: { readonly name: string; readonly dn: string | null };
  readonly #timeoutMs: number;
  readonly #pool: SessionPool;
  readonly #log: Logger;

  private constructor(
    options: DrsrConnectOptions & { readonly port: number },
    first: DrsSession,
    found: Discovery,
  ) {
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#log = options.log ?? silentLogger;
    const { host, port, username, domain, password, capture } = options;
    const account = { host, port, username, domain, password, ...(capture === undefined ? {} : { capture }) };
    // Later sessions get each call's deadline, never connect()'s signal.
    this.#pool = new SessionPool((deadline) => DrsSession.open({ ...account, ...deadline }), first);
    this.domain = found.domain;
    this.dc = found.dc;
    this.account = { name: first.account, dn: found.accountDn };
  }

  static async connect(options: DrsrConnectOptions): Promise<DrsrClient> {
    const deadline = deadlineOf(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, options.signal);
    const port = options.port ?? (await lookupPort(options.host, deadline));
    const session = await DrsSession.open({ ...options, port, ...deadline });
    try {
      const found = await discover(session, options.host, options.username, options.domain, deadline);
      options.log?.debug('drsr: connected', {
        endpoint: session.endpoint,
        account: session.account,
        domain: found.domain.dn,
        dc: found.dc.dnsHostName,
        ntdsDsa: found.dc.ntdsDsaObjectGuid,
      });
      return new DrsrClient({ ...options, port }, session, found);
    } catch (error) {
      await session.close();
      throw error;
    }
  }

  /** Every user of the NC with its current NT hash, page by page. */
  fullSync(options: SyncOptions = {}): AsyncIterable<ReplicationPage> {
    return this.#stream(options.cursor ?? null, options);
  }

  /** What changed since `cursor`: changed users, whole and with their current hash. */
  incremental(
    cursor: ReplicationCursor,
    options: Omit<SyncOptions, 'cursor' | 'ncDn'> = {},
  ): AsyncIterable<ReplicationPage> {
    return this.#stream(cursor, { ...options, ncDn: cursor.ncDn });
  }

  /** One user's current attributes and NT hash, by DN (EXOP_REPL_OBJ, separate connection). */
  async readUser(dn: string, options: { readonly signal?: AbortSignal } = {}): Promise<ReplicatedUser> {
    this.#log.debug('drsr: single-object read', { dn });
    const user = await this.#withLookup(options.signal, (session, deadline) =>
      readObject(session, this.dc.ntdsDsaObjectGuid, dn, deadline),
    );
    if (user === null) throw drsrUserNotFound(dn, 'the object is not a user');
    return user;
  }

  /** sAMAccountName, DOMAIN\name, UPN or DN → the user's DN and objectGUID (DRSCrackNames). */
  findUser(name: string, options: { readonly signal?: AbortSignal } = {}): Promise<FoundUser> {
    return this.#withLookup(options.signal, (session, deadline) =>
      findUser(session, name, this.domain.netbiosName, deadline),
    );
  }

  /** Unbinds and closes every connection; the client is unusable afterwards. */
  close(): Promise<void> {
    return this.#pool.close();
  }

  async *#stream(
    cursor: ReplicationCursor | null,
    options: SyncOptions,
  ): AsyncGenerator<ReplicationPage, void, undefined> {
    const ncDn = options.ncDn ?? this.domain.dn;
    const deadline = deadlineOf(this.#timeoutMs, options.signal);
    const { session, release } = await this.#pool.acquireSync(deadline);
    try {
      const pages = replicate(session, (dn) => this.#hydrate(dn, options.signal), {
        ncDn,
        destinationDsa: this.dc.ntdsDsaObjectGuid,
        pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
        maxBytes: MAX_BYTES_PER_PAGE,
        cursor,
        maxPages: MAX_PAGES,
        ...deadline,
      });
      this.#log.debug('drsr: replication starts', {
        nc: ncDn,
        mode: cursor === null ? 'full' : 'from cursor',
      });
      for await (const page of pages) {
        this.#log.debug('drsr: page', {
          objects: page.objectCount,
          users: page.users.length,
          usn: String(page.cursor.usnVector.highObjUpdate),
          more: page.more,
        });
        yield page;
      }
    } catch (error) {
      throw session.isOpen ? await explainDenial(session, error, this.#rightsContext(ncDn), deadline) : error;
    } finally {
      await release();
    }
  }

  /** A delta object that does not say what it is, read whole; null when it is gone or no user. */
  #hydrate(dn: string, signal: AbortSignal | undefined): Promise<ReplicatedUser | null> {
    return this.#withLookup(signal, (session, deadline) =>
      readObject(session, this.dc.ntdsDsaObjectGuid, dn, deadline),
    ).catch((error: unknown) => {
      if (error instanceof AppError && error.code === ErrorCode.DrsrUserNotFound) return null;
      throw error;
    });
  }

  async #withLookup<T>(
    signal: AbortSignal | undefined,
    work: (session: DrsSession, deadline: RpcDeadline) => Promise<T>,
  ): Promise<T> {
    const deadline = deadlineOf(this.#timeoutMs, signal);
    const session = await this.#pool.lookup(deadline);
    try {
      return await work(session, deadline);
    } catch (error) {
      throw session.isOpen
        ? await explainDenial(session, error, this.#rightsContext(this.domain.dn), deadline)
        : error;
    }
  }

  #rightsContext(ncDn: string): RightsContext {
    return {
      ncDn,
      destinationDsa: this.dc.ntdsDsaObjectGuid,
      account: this.account.name,
      accountDn: this.account.dn,
    };
  }
}

function deadlineOf(timeoutMs: number, signal: AbortSignal | undefined): RpcDeadline {
  return { timeoutMs, ...(signal === undefined ? {} : { signal }) };
}
