/**
 * The sessions behind one DrsrClient. Samba 4.17 keeps a replication cycle's state on the bind
 * handle and resets it when an extended operation shares the handle (drsr-notes §6.4), so:
 * one session for paged syncs (a concurrent second sync gets a session of its own, closed when
 * it ends), and a separate connection for single-object reads and name lookups. Dead
 * connections are replaced on next use.
 */
import { AppError, ErrorCode } from '../../../../shared/errors.ts';
import type { RpcDeadline } from '../rpc/connection.ts';
import { epmLookupDrsuapiPort } from '../rpc/epm.ts';
import type { DrsSession } from './session.ts';

export type OpenSession = (deadline: RpcDeadline) => Promise<DrsSession>;

export interface Lease {
  readonly session: DrsSession;
  readonly release: () => Promise<void>;
}

export class SessionPool {
  readonly #open: OpenSession;
  readonly #all = new Set<DrsSession>();
  #sync: DrsSession | null;
  #syncBusy = false;
  #lookup: Promise<DrsSession> | null = null;
  #closed = false;

  constructor(open: OpenSession, first: DrsSession) {
    this.#open = open;
    this.#sync = first;
    this.#all.add(first);
  }

  /** The sync session when free (reopened if its connection died), else a session of its own. */
  async acquireSync(deadline: RpcDeadline): Promise<Lease> {
    this.#assertOpen();
    if (this.#syncBusy) {
      const extra = await this.#opened(deadline);
      return { session: extra, release: () => this.#retire(extra) };
    }
    this.#syncBusy = true;
    try {
      if (this.#sync === null || !this.#sync.isOpen) this.#sync = await this.#opened(deadline);
    } catch (error) {
      this.#syncBusy = false;
      throw error;
    }
    return { session: this.#sync, release: async () => void (this.#syncBusy = false) };
  }

  /** The lookup session (another connection than any sync), opened on first use. */
  async lookup(deadline: RpcDeadline): Promise<DrsSession> {
    this.#assertOpen();
    const current = this.#lookup === null ? null : await this.#lookup.catch(() => null);
    if (current !== null && current.isOpen) return current;
    const opening = this.#opened(deadline);
    this.#lookup = opening;
    return opening.catch((error: unknown) => {
      if (this.#lookup === opening) this.#lookup = null;
      throw error;
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    const sessions = [...this.#all];
    this.#all.clear();
    await Promise.all(sessions.map((s) => s.close()));
  }

  async #opened(deadline: RpcDeadline): Promise<DrsSession> {
    const session = await this.#open(deadline);
    if (this.#closed) {
      await session.close();
      this.#assertOpen();
    }
    this.#all.add(session);
    return session;
  }

  async #retire(session: DrsSession): Promise<void> {
    this.#all.delete(session);
    await session.close();
  }

  #assertOpen(): void {
    if (this.#closed) {
      throw new AppError(
        ErrorCode.Internal,
        'The replication client is closed.',
        'This is a bug: report it with the log file.',
      );
    }
  }
}

/** The drsuapi port from the endpoint mapper, with an error that names the endpoint mapper. */
export async function lookupPort(host: string, deadline: RpcDeadline): Promise<number> {
  try {
    return await epmLookupDrsuapiPort(host, deadline);
  } catch (error) {
    if (error instanceof AppError && error.code === ErrorCode.RpcUnreachable) {
      throw new AppError(
        ErrorCode.RpcUnreachable,
        `The RPC endpoint mapper of ${host} (TCP 135) could not be reached: ${error.message}`,
        error.remediation,
        { cause: error },
      );
    }
    throw error;
  }
}
