/**
 * One replication pass, pipelined: while page N is being delivered, page N+1 is hashed and
 * page N+2 read — at most `pagesInFlight` pages at once, so memory stays bounded. Pages are
 * committed strictly in order, each with its cursor, and only once its own work and all earlier
 * pages' are done: a committed cursor is never ahead of an unacknowledged credential.
 * A failing page aborts the pages after it (they will be read again from the last cursor).
 * When the source fails, pages already in flight are finished and committed first.
 */
import { CancelledError } from '../../shared/errors.ts';
import { ZERO_COUNTS, type RunCounts, type SyncOp } from './records.ts';
import { processPage, type PageContext, type PageOutcome } from './page.ts';
import type { ReplicationPage } from './ports.ts';
import type { ProgressTracker } from './progress.ts';

export interface PassOptions {
  readonly page: PageContext;
  readonly progress: ProgressTracker;
  /** Operations committed with a page after its own: at least the one that records "resume after this page". */
  readonly pageOps: (page: ReplicationPage, outcome: PageOutcome) => SyncOp[];
  /** The source failed (for the event log); the error is rethrown after in-flight pages are committed. */
  readonly onSourceError: (error: unknown) => void;
}

export interface PassResult {
  readonly counts: RunCounts;
  /** The cursor of the last committed page (null when there was none). */
  readonly lastCursor: string | null;
  readonly pages: number;
}

type Next =
  | { readonly kind: 'page'; readonly result: IteratorResult<ReplicationPage> }
  | { readonly kind: 'sourceError'; readonly error: unknown };

interface InFlight {
  readonly page: ReplicationPage;
  readonly work: Promise<PageOutcome>;
}

export function addCounts(a: RunCounts, b: RunCounts): RunCounts {
  const out = { ...a };
  for (const key of Object.keys(b) as (keyof RunCounts)[]) out[key] += b[key];
  return out;
}

export async function runPass(
  open: (signal: AbortSignal) => AsyncIterable<ReplicationPage>,
  options: PassOptions,
  signal: AbortSignal,
): Promise<PassResult> {
  const inner = new AbortController();
  const onAbort = (): void => inner.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  const inFlight: InFlight[] = [];
  const limit = Math.max(1, options.page.settings.pagesInFlight);
  let total: RunCounts = ZERO_COUNTS;
  let lastCursor: string | null = null;
  let committed = 0;
  const iterator = open(inner.signal)[Symbol.asyncIterator]();
  let iteratorDone = false;

  const commitHead = async (): Promise<void> => {
    const { page, work } = inFlight.shift()!;
    const outcome = await work;
    await options.page.recorder.commit([...outcome.ops, ...options.pageOps(page, outcome)]);
    total = addCounts(total, outcome.counts);
    lastCursor = page.cursor;
    committed++;
    options.progress.completed(page.users.length);
  };

  /** The source's next page (or its failure), committing pages that finish meanwhile: a slow source does not hold back commits. */
  const nextPage = async (): Promise<Next> => {
    const next = iterator.next().then(
      (result): Next => ({ kind: 'page', result }),
      (error: unknown): Next => ({ kind: 'sourceError', error }),
    );
    while (inFlight.length > 0) {
      const head = inFlight[0]!.work.then(
        () => null,
        () => null,
      );
      const first = await Promise.race([next, head]);
      if (first !== null) return first;
      await commitHead();
    }
    return next;
  };

  try {
    let sourceError: unknown;
    for (;;) {
      if (signal.aborted) throw new CancelledError();
      const next = await nextPage();
      if (next.kind === 'sourceError') {
        iteratorDone = true;
        if (signal.aborted) throw next.error;
        sourceError = next.error;
        options.onSourceError(next.error);
        break;
      }
      if (next.result.done) {
        iteratorDone = true;
        break;
      }
      const page = next.result.value;
      options.progress.pageRead(page.users.length, page.estimatedTotal);
      const work = processPage(page.users, options.page, inner.signal);
      work.catch(() => undefined); // observed by commitHead; never an unhandled rejection
      inFlight.push({ page, work });
      while (inFlight.length >= limit) await commitHead();
    }
    options.progress.finishing();
    while (inFlight.length > 0) await commitHead();
    if (sourceError !== undefined) throw sourceError;
    return { counts: total, lastCursor, pages: committed };
  } catch (error) {
    inner.abort();
    await Promise.allSettled(inFlight.map((f) => f.work));
    if (!iteratorDone) await iterator.return?.().catch(() => undefined);
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
