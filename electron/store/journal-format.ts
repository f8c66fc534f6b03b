/**
 * The journal store's files and how they are read back: a snapshot (header, operations, end
 * record with the count) and a journal (header naming the snapshot generation it follows, then
 * one framed transaction per line). A torn last transaction is dropped; anything else damaged
 * is refused as StateCorrupt, with a remediation.
 */
import { join } from 'node:path';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { readIfExists } from './files.ts';
import { scanLines } from './frame.ts';

/** How a state is built from operations: the store knows nothing else about it. */
export interface StoreModel<S, Op> {
  readonly name: string;
  /** Bumped when the meaning of operations changes; a file of another version is refused. */
  readonly version: number;
  empty(): S;
  /** Applies one operation in place. Must accept every operation it ever produced. */
  apply(state: S, op: Op): void;
  /** Operations that rebuild `state` from empty (what a snapshot holds). */
  snapshot(state: S): Iterable<Op>;
}

export interface StoreStats {
  readonly generation: number;
  readonly journalBytes: number;
  readonly snapshotBytes: number;
  /** Bytes of a torn last write dropped at load (0 normally). */
  readonly droppedTailBytes: number;
}

export interface Header {
  readonly kind: 'snapshot' | 'journal' | 'end';
  readonly model: string;
  readonly version: number;
  readonly generation: number;
  readonly count?: number;
}

export function stateCorrupt(file: string, what: string): AppError {
  return new AppError(
    ErrorCode.StateCorrupt,
    `The state file ${file} is damaged: ${what}.`,
    'Move the state folder aside and start again: the engine then runs a full password sync, which is safe.',
  );
}

export interface Loaded<S> {
  readonly state: S;
  readonly stats: StoreStats;
  /** Where appending resumes; null when the journal must be (re)started empty. */
  readonly journalValidBytes: number | null;
}

function header(
  value: unknown,
  model: StoreModel<unknown, unknown>,
  kind: Header['kind'],
  file: string,
): Header {
  const h = value as Partial<Header> | undefined;
  if (h?.kind !== kind || h.model !== model.name || typeof h.generation !== 'number')
    throw stateCorrupt(file, `no valid ${kind} header`);
  if (h.version !== model.version) {
    throw new AppError(
      ErrorCode.StateCorrupt,
      `The state file ${file} was written by another version (format ${String(h.version)}, expected ${model.version}).`,
      'Use the version of the app that wrote it, or move the state folder aside to start over with a full sync.',
    );
  }
  return h as Header;
}

export async function load<S, Op>(dir: string, model: StoreModel<S, Op>): Promise<Loaded<S>> {
  const state = model.empty();
  const snapName = `${model.name}.snapshot`;
  const snapshot = await readIfExists(join(dir, snapName));
  let generation = 0;
  if (snapshot) {
    const scan = scanLines(snapshot);
    if (scan.damagedTail) throw stateCorrupt(snapName, 'a record fails its checksum');
    const [head, ...rest] = scan.records;
    generation = header(head, model, 'snapshot', snapName).generation;
    const end = header(rest.pop(), model, 'end', snapName);
    if (end.generation !== generation || end.count !== rest.length)
      throw stateCorrupt(snapName, 'it is incomplete');
    for (const op of rest) model.apply(state, op as Op);
  }
  const journalName = `${model.name}.journal`;
  const journal = await readIfExists(join(dir, journalName));
  const base = { generation, snapshotBytes: snapshot?.length ?? 0, droppedTailBytes: 0 };
  if (!journal) {
    if (generation > 0) throw stateCorrupt(journalName, 'it is missing');
    return { state, stats: { ...base, journalBytes: 0 }, journalValidBytes: null };
  }
  const scan = scanLines(journal);
  if (scan.damagedMiddle) throw stateCorrupt(journalName, 'a damaged record is followed by valid ones');
  const [head, ...txs] = scan.records;
  const journalGeneration = header(head, model, 'journal', journalName).generation;
  // A journal older than the snapshot: a compaction stopped after the snapshot; its content is in it.
  if (journalGeneration < generation)
    return { state, stats: { ...base, journalBytes: 0 }, journalValidBytes: null };
  if (journalGeneration > generation)
    throw stateCorrupt(journalName, 'it follows a snapshot that is missing');
  for (const tx of txs) {
    const ops = (tx as { tx?: unknown }).tx;
    if (!Array.isArray(ops)) throw stateCorrupt(journalName, 'a transaction has no operations');
    for (const op of ops) model.apply(state, op as Op);
  }
  return {
    state,
    stats: { ...base, journalBytes: scan.validBytes, droppedTailBytes: journal.length - scan.validBytes },
    journalValidBytes: scan.validBytes,
  };
}
