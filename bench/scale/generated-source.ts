/**
 * A ReplicationSource (electron/engine/ports.ts) over the generated directory (directory-model.ts),
 * standing in for MS-DRSR replication in `npm run bench:scale`: pages of `pageSize` users made on
 * demand (nothing is kept between pages), NT hashes computed with the project's MD4, and every
 * user told to the DirectoryCatalog as host/drsr-source.ts does. Cursors are `scale:<generation>:<next index>`.
 * advance() starts the next generation: 1% of the users get a new password, which the next
 * incremental pass returns.
 */
import { ntHash } from '../../electron/crypto/md4.ts';
import type {
  ReplicationPage,
  ReplicationSource,
  SourceCursor,
  SourceUser,
  UserRef,
} from '../../electron/engine/ports.ts';
import { sourceAnchorOf } from '../../electron/host/drsr-source.ts';
import type { DirectoryCatalog } from '../../electron/host/provisioning-sink.ts';
import { AppError, CancelledError, ErrorCode } from '../../shared/errors.ts';
import {
  changedAtMs,
  changedIn,
  dnOf,
  filetimeOf,
  indexOfGuid,
  indexOfName,
  objectGuidOf,
  passwordOf,
  samOf,
  upnOf,
  userGeneration,
} from './directory-model.ts';

const USER_CLASSES: readonly string[] = ['top', 'person', 'organizationalPerson', 'user'];
const NORMAL_ACCOUNT = 0x200;

export interface GeneratedSourceOptions {
  readonly users: number;
  readonly pageSize: number;
  readonly catalog: DirectoryCatalog;
}

interface Position {
  readonly generation: number;
  readonly next: number;
}

export class GeneratedSource implements ReplicationSource {
  readonly id: string;
  readonly #o: GeneratedSourceOptions;
  #generation = 0;
  /** Pages and users handed out (for the bench's figures). */
  pages = 0;
  usersRead = 0;

  constructor(o: GeneratedSourceOptions) {
    this.#o = o;
    this.id = `generated:scale-${o.users}`;
  }

  get generation(): number {
    return this.#generation;
  }

  /** The next generation: 1% of the users change their password. Returns how many. */
  advance(): number {
    this.#generation++;
    let n = 0;
    for (let i = 0; i < this.#o.users; i++) if (changedIn(i, this.#generation)) n++;
    return n;
  }

  fullPass(from: SourceCursor | null, signal: AbortSignal): AsyncIterable<ReplicationPage> {
    const start = from === null ? 0 : parse(from).next;
    const all = (function* (n: number): Generator<number> {
      for (let i = start; i < n; i++) yield i;
    })(this.#o.users);
    return this.#pages(all, this.#o.users, signal);
  }

  incremental(from: SourceCursor, signal: AbortSignal): AsyncIterable<ReplicationPage> {
    const since = parse(from).generation;
    const now = this.#generation;
    const changed = (function* (n: number): Generator<number> {
      for (let i = 0; i < n; i++) {
        for (let g = since + 1; g <= now; g++) {
          if (changedIn(i, g)) {
            yield i;
            break;
          }
        }
      }
    })(this.#o.users);
    return this.#pages(changed, undefined, signal);
  }

  readUser(ref: UserRef, signal: AbortSignal): Promise<SourceUser | null> {
    if (signal.aborted) return Promise.reject(new CancelledError());
    const index = ref.by === 'objectGuid' ? indexOfGuid(ref.value) : indexOfName(ref.value);
    if (index === null || index < 0 || index >= this.#o.users) return Promise.resolve(null);
    const user = this.#user(index);
    if (ref.by === 'objectGuid' && user.objectGuid !== ref.value.toLowerCase()) return Promise.resolve(null);
    return Promise.resolve(user);
  }

  async *#pages(
    indexes: Iterator<number>,
    total: number | undefined,
    signal: AbortSignal,
  ): AsyncGenerator<ReplicationPage> {
    const size = Math.max(1, this.#o.pageSize);
    const generation = this.#generation;
    let yielded = false;
    for (let guard = 0; guard <= this.#o.users; guard++) {
      if (signal.aborted) throw new CancelledError();
      const users: SourceUser[] = [];
      let last = -1;
      while (users.length < size) {
        const r = indexes.next();
        if (r.done === true) break;
        users.push(this.#user(r.value));
        last = r.value;
      }
      if (users.length === 0 && yielded) return;
      // A pause between pages, as a socket read would give: the engine's pipeline interleaves.
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.pages++;
      this.usersRead += users.length;
      yielded = true;
      const next = users.length === 0 ? this.#o.users : last + 1;
      yield {
        users,
        cursor: `scale:${generation}:${users.length < size ? this.#o.users : next}`,
        ...(total === undefined ? {} : { estimatedTotal: total }),
      };
      if (users.length < size) return;
    }
  }

  #user(index: number): SourceUser {
    const changes = userGeneration(index, this.#generation);
    const objectGuid = objectGuidOf(index);
    const ms = changedAtMs(index, changes);
    const user: SourceUser = {
      objectGuid,
      sourceAnchor: sourceAnchorOf(objectGuid),
      dn: dnOf(index),
      samAccountName: samOf(index),
      userPrincipalName: upnOf(index),
      objectClasses: USER_CLASSES,
      userAccountControl: NORMAL_ACCOUNT,
      pwdLastSet: filetimeOf(ms),
      passwordChangedAt: new Date(ms).toISOString(),
      ntHash: ntHash(passwordOf(index, changes)),
    };
    this.#o.catalog.remember(user.sourceAnchor, {
      dn: user.dn,
      userPrincipalName: user.userPrincipalName,
      samAccountName: user.samAccountName,
      enabled: true,
    });
    return user;
  }
}

function parse(cursor: SourceCursor): Position {
  const m = /^scale:(\d+):(\d+)$/.exec(cursor);
  if (!m)
    throw new AppError(
      ErrorCode.CursorInvalid,
      `Not a cursor of the generated source: ${cursor}.`,
      'Run a full sync.',
    );
  return { generation: Number(m[1]), next: Number(m[2]) };
}
