/** A ReplicationSource over a FakeDirectory: pages, opaque JSON cursors, faults and counters. */
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError, CancelledError, ErrorCode } from '../../../../shared/errors.ts';
import type {
  ReplicationPage,
  ReplicationSource,
  SourceUser,
  UserRef,
} from '../../../../electron/engine/ports.ts';
import { anchorOf, ntHashOf, type FakeDirectory, type FakeObject } from './directory.ts';

interface Cursor {
  readonly full?: number;
  readonly upto?: number;
  readonly usn?: number;
}

export interface SourceFaults {
  /** Throws `error()` once, when the page after `pages` pages served would be read. */
  failAfterPages?: { readonly pages: number; readonly error: () => Error };
  pageDelayMs?: number;
  /** Incremental cursors below this usn are refused (CURSOR_INVALID). */
  refuseCursorsBelow?: number;
  /** A full pass cannot resume from a cursor (CURSOR_INVALID), e.g. another DC answers now. */
  refuseFullResume?: boolean;
}

function toFiletime(iso: string): bigint {
  return (BigInt(Date.parse(iso)) + 11_644_473_600_000n) * 10_000n;
}

export function toSourceUser(o: FakeObject, withMetadata: boolean): SourceUser {
  const pwdLastSet = o.mustChange || o.passwordChangedAt === null ? 0n : toFiletime(o.passwordChangedAt);
  return {
    objectGuid: o.objectGuid,
    sourceAnchor: o.anchor ?? anchorOf(o.objectGuid),
    dn: o.dn,
    samAccountName: o.sam,
    userPrincipalName: o.upn,
    objectClasses: o.classes,
    userAccountControl: o.uac,
    pwdLastSet,
    ...(withMetadata && o.passwordChangedAt !== null ? { passwordChangedAt: o.passwordChangedAt } : {}),
    ...(o.critical ? { isCriticalSystemObject: true } : {}),
    ...(o.deleted ? { isDeleted: true } : {}),
    ntHash: o.passwordVersion === null ? null : ntHashOf(o.objectGuid, o.passwordVersion),
  };
}

export class FakeSource implements ReplicationSource {
  readonly id = 'fake:DC=lab,DC=example,DC=test';
  readonly directory: FakeDirectory;
  pageSize = 10;
  withMetadata = true;
  pagesServed = 0;
  readonly fullPasses: (string | null)[] = [];
  readonly incrementals: string[] = [];
  readonly reads: UserRef[] = [];
  faults: SourceFaults = {};

  constructor(directory: FakeDirectory) {
    this.directory = directory;
  }

  async *fullPass(from: string | null, signal: AbortSignal): AsyncIterable<ReplicationPage> {
    this.fullPasses.push(from);
    if (from !== null && this.faults.refuseFullResume)
      throw new AppError(ErrorCode.CursorInvalid, 'Another DC.', 'Run a full sync.');
    const c: Cursor | null = from === null ? null : (JSON.parse(from) as Cursor);
    const objects = this.directory.data.objects;
    if (c !== null && c.full === undefined) {
      yield { users: [], cursor: from!, estimatedTotal: objects.length };
      return;
    }
    const upto = c?.upto ?? this.directory.data.usn;
    let offset = c?.full ?? 0;
    do {
      await this.#beforePage(signal);
      const page = objects.slice(offset, offset + this.pageSize);
      offset += page.length;
      const cursor: Cursor = offset >= objects.length ? { usn: upto } : { full: offset, upto };
      yield {
        users: page.map((o) => toSourceUser(o, this.withMetadata)),
        cursor: JSON.stringify(cursor),
        estimatedTotal: objects.length,
      };
    } while (offset < objects.length);
  }

  async *incremental(from: string, signal: AbortSignal): AsyncIterable<ReplicationPage> {
    this.incrementals.push(from);
    const c = JSON.parse(from) as Cursor;
    if (c.usn === undefined || c.usn < (this.faults.refuseCursorsBelow ?? 0)) {
      throw new AppError(ErrorCode.CursorInvalid, 'The cursor is not usable.', 'Run a full sync.');
    }
    const top = this.directory.data.usn;
    const changed = this.directory.data.objects.filter((o) => o.usn > c.usn!).sort((a, b) => a.usn - b.usn);
    if (changed.length === 0) {
      await this.#beforePage(signal);
      yield { users: [], cursor: JSON.stringify({ usn: top }) };
      return;
    }
    for (let i = 0; i < changed.length; i += this.pageSize) {
      await this.#beforePage(signal);
      const page = changed.slice(i, i + this.pageSize);
      const last = i + this.pageSize >= changed.length;
      yield {
        users: page.map((o) => toSourceUser(o, this.withMetadata)),
        cursor: JSON.stringify({ usn: last ? top : page.at(-1)!.usn }),
      };
    }
  }

  async readUser(ref: UserRef, signal: AbortSignal): Promise<SourceUser | null> {
    if (signal.aborted) throw new CancelledError();
    this.reads.push(ref);
    const o =
      ref.by === 'objectGuid'
        ? this.directory.data.objects.find((x) => x.objectGuid === ref.value)
        : this.directory.byName(ref.value);
    return o && !o.deleted ? toSourceUser(o, this.withMetadata) : null;
  }

  async #beforePage(signal: AbortSignal): Promise<void> {
    if (this.faults.pageDelayMs)
      await sleep(this.faults.pageDelayMs, undefined, { signal }).catch(() => undefined);
    if (signal.aborted) throw new CancelledError();
    const fail = this.faults.failAfterPages;
    if (fail && this.pagesServed >= fail.pages) {
      delete this.faults.failAfterPages;
      throw fail.error();
    }
    this.pagesServed++;
  }
}
