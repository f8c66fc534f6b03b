/**
 * The engine's ReplicationSource over the MS-DRSR client: full and incremental replication with
 * the client's cursor serialised as the engine's opaque string, and single-user reads.
 * A client that failed is closed and replaced on the next call, so a DC restart mid-cycle costs
 * one retried cycle, not a stuck engine.
 */
import {
  DrsrClient,
  parseCursor,
  serializeCursor,
  type DrsrConnectOptions,
  type ReplicatedUser,
  type ReplicationPage as DrsrPage,
} from '../directory/drsr/index.ts';
import { guidToBytes } from '../directory/drsr/ndr/guid.ts';
import type {
  ReplicationPage,
  ReplicationSource,
  SourceCursor,
  SourceUser,
  UserRef,
} from '../engine/ports.ts';
import type { DirectoryCatalog } from './provisioning-sink.ts';

const UF_ACCOUNTDISABLE = 0x2;

export interface DrsrSourceOptions {
  readonly connect: Omit<DrsrConnectOptions, 'signal'>;
  readonly pageSize?: number;
  /** Told about every user replication shows (what a cloud user is created from). */
  readonly catalog?: DirectoryCatalog;
}

export class DrsrReplicationSource implements ReplicationSource {
  readonly id: string;
  readonly #options: DrsrSourceOptions;
  #client: Promise<DrsrClient> | null = null;

  constructor(options: DrsrSourceOptions) {
    this.#options = options;
    this.id = `drsr:${options.connect.host.toLowerCase()}`;
  }

  fullPass(from: SourceCursor | null, signal: AbortSignal): AsyncIterable<ReplicationPage> {
    return this.#pages(signal, (client) =>
      client.fullSync({ cursor: from === null ? null : parseCursor(from), signal, ...this.#pageSize() }),
    );
  }

  incremental(from: SourceCursor, signal: AbortSignal): AsyncIterable<ReplicationPage> {
    const cursor = parseCursor(from);
    return this.#pages(signal, (client) => client.incremental(cursor, { signal, ...this.#pageSize() }));
  }

  async readUser(ref: UserRef, signal: AbortSignal): Promise<SourceUser | null> {
    return this.#guard(async (client) => {
      const name = ref.by === 'objectGuid' ? ref.lastKnownDn : ref.value;
      let dn: string;
      try {
        dn = (await client.findUser(name, { signal })).dn;
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
      const user = await client.readUser(dn, { signal }).catch((error: unknown) => {
        if (isNotFound(error)) return null;
        throw error;
      });
      if (
        user === null ||
        (ref.by === 'objectGuid' && user.objectGuid.toLowerCase() !== ref.value.toLowerCase())
      )
        return null;
      const found = toSourceUser(user);
      user.ntHash?.fill(0);
      this.#remember(found);
      return found;
    });
  }

  async close(): Promise<void> {
    const client = this.#client;
    this.#client = null;
    if (client) await (await client.catch(() => null))?.close();
  }

  #remember(user: SourceUser): void {
    this.#options.catalog?.remember(user.sourceAnchor, {
      dn: user.dn,
      userPrincipalName: user.userPrincipalName,
      samAccountName: user.samAccountName,
      enabled: (user.userAccountControl & UF_ACCOUNTDISABLE) === 0,
    });
  }

  #pageSize(): { pageSize?: number } {
    return this.#options.pageSize === undefined ? {} : { pageSize: this.#options.pageSize };
  }

  async *#pages(
    signal: AbortSignal,
    open: (client: DrsrClient) => AsyncIterable<DrsrPage>,
  ): AsyncGenerator<ReplicationPage> {
    const client = await this.#connected(signal);
    try {
      for await (const page of open(client)) {
        const users = page.users.map(toSourceUser);
        for (const user of users) this.#remember(user);
        yield { users, cursor: serializeCursor(page.cursor) };
        for (const user of page.users) user.ntHash?.fill(0);
      }
    } catch (error) {
      await this.#drop(client);
      throw error;
    }
  }

  async #guard<T>(work: (client: DrsrClient) => Promise<T>): Promise<T> {
    const client = await this.#connected(undefined);
    try {
      return await work(client);
    } catch (error) {
      if (!isNotFound(error)) await this.#drop(client);
      throw error;
    }
  }

  #connected(signal: AbortSignal | undefined): Promise<DrsrClient> {
    if (!this.#client) {
      const pending = DrsrClient.connect({ ...this.#options.connect, ...(signal ? { signal } : {}) });
      pending.catch(() => {
        if (this.#client === pending) this.#client = null;
      });
      this.#client = pending;
    }
    return this.#client;
  }

  async #drop(client: DrsrClient): Promise<void> {
    if (this.#client && (await this.#client.catch(() => null)) === client) this.#client = null;
    await client.close().catch(() => undefined);
  }
}

function isNotFound(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && 'code' in error && error.code === 'DRSR_USER_NOT_FOUND'
  );
}

/** Entra Connect's default source anchor: base64 of the objectGUID's bytes as AD stores them. */
export function sourceAnchorOf(objectGuid: string): string {
  return guidToBytes(objectGuid).toString('base64');
}

export function toSourceUser(user: ReplicatedUser): SourceUser {
  return {
    objectGuid: user.objectGuid,
    sourceAnchor: sourceAnchorOf(user.objectGuid),
    dn: user.dn,
    samAccountName: user.sAMAccountName ?? '',
    userPrincipalName: user.userPrincipalName,
    objectClasses: user.objectClass,
    userAccountControl: user.userAccountControl ?? 0,
    pwdLastSet: user.pwdLastSet,
    ...(user.passwordChangedAt ? { passwordChangedAt: user.passwordChangedAt } : {}),
    // A copy: the page's buffers are wiped once the engine has taken the page.
    ntHash: user.ntHash === null ? null : Buffer.from(user.ntHash),
  };
}
