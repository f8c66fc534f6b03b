/**
 * Which pass a cycle runs, from the saved cursor:
 * - no cursor, or one earned under other scope rules, or a full sync asked for → a fresh full pass;
 * - a full pass left unfinished (crash, stop, failure) → that pass resumes from its last page;
 * - otherwise → an incremental pass from the saved cursor.
 * Staging mode keeps its own cursor, so leaving staging mode never skips a delivery.
 */
import type { CursorRecord } from './records.ts';

export type FullReason = 'requested' | 'firstRun' | 'scopeChanged' | 'cursorInvalid';

export type PassMode =
  | {
      readonly kind: 'full';
      readonly from: string | null;
      readonly passId: string;
      readonly fresh: FullReason | null;
    }
  | { readonly kind: 'delta'; readonly from: string };

export function cursorKey(sourceId: string, staging: boolean): string {
  return staging ? `${sourceId}#staging` : sourceId;
}

export function freshFull(passId: string, reason: FullReason): Extract<PassMode, { kind: 'full' }> {
  return { kind: 'full', from: null, passId, fresh: reason };
}

export function planPass(
  requested: 'full' | 'delta',
  saved: CursorRecord | undefined,
  scopeKey: string,
  newPassId: string,
): PassMode {
  const fresh = (reason: FullReason): PassMode => freshFull(newPassId, reason);
  if (!saved) return fresh(requested === 'full' ? 'requested' : 'firstRun');
  if (saved.scopeKey !== scopeKey) return fresh('scopeChanged');
  if (saved.phase === 'full') return { kind: 'full', from: saved.cursor, passId: saved.passId, fresh: null };
  if (requested === 'full') return fresh('requested');
  if (saved.cursor === null) return fresh('firstRun');
  return { kind: 'delta', from: saved.cursor };
}

export function cursorRecord(
  mode: PassMode,
  cursor: string | null,
  scopeKey: string,
  now: number,
  phase: CursorRecord['phase'] = mode.kind === 'full' ? 'full' : 'incremental',
): CursorRecord {
  return {
    phase,
    cursor,
    scopeKey,
    passId: mode.kind === 'full' ? mode.passId : '',
    updatedAt: new Date(now).toISOString(),
  };
}

export const FULL_REASON_TEXT: Readonly<Record<FullReason, string>> = {
  requested: 'a full sync was asked for',
  firstRun: 'nothing was synchronised yet',
  scopeChanged: 'the scope (OU selection) changed',
  cursorInvalid: 'the saved replication cursor could not be used',
};
