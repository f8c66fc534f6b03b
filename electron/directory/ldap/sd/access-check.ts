/**
 * Does a token hold one control-access right (an "extended right") on an object? The DACL is
 * walked in order, as Windows does (MS-DTYP 2.5.3.2): the first ACE of the token that covers the
 * right decides, so a deny placed before an allow wins, and an allow placed before a deny wins.
 * Inherit-only ACEs do not apply to the object itself. Callback (conditional) ACEs are skipped.
 */
import { AceFlag, AceType, type Ace } from './ace.ts';
import type { SecurityDescriptor } from './security-descriptor.ts';

export const AccessMask = {
  ControlAccess: 0x0000_0100,
  GenericAll: 0x1000_0000,
  /** What GenericAll becomes once AD maps it: every DS right plus the standard rights. */
  DsFullControl: 0x000f_01ff,
} as const;

/** How a right was granted: an ACE naming it, an ACE for all extended rights, or full control. */
export type GrantedVia = 'explicit' | 'allExtendedRights' | 'genericAll' | 'nullDacl';

export type RightDecision =
  | { readonly granted: true; readonly via: GrantedVia; readonly aceIndex: number | null }
  | { readonly granted: false; readonly reason: 'denied'; readonly aceIndex: number }
  | { readonly granted: false; readonly reason: 'notGranted' };

type KnownAce = Exclude<Ace, { kind: 'unknown' }>;

const ALLOW: ReadonlySet<number> = new Set([AceType.AccessAllowed, AceType.AccessAllowedObject]);
const DENY: ReadonlySet<number> = new Set([AceType.AccessDenied, AceType.AccessDeniedObject]);

export function checkControlAccess(
  sd: SecurityDescriptor,
  token: ReadonlySet<string>,
  rightGuid: string,
): RightDecision {
  if (sd.dacl === null) return { granted: true, via: 'nullDacl', aceIndex: null };
  const right = rightGuid.toLowerCase();
  for (const [index, ace] of sd.dacl.aces.entries()) {
    if (ace.kind === 'unknown' || !appliesTo(ace, token, right)) continue;
    if (DENY.has(ace.type)) return { granted: false, reason: 'denied', aceIndex: index };
    return { granted: true, via: grantedVia(ace, right), aceIndex: index };
  }
  return { granted: false, reason: 'notGranted' };
}

function appliesTo(ace: KnownAce, token: ReadonlySet<string>, right: string): boolean {
  if (!ALLOW.has(ace.type) && !DENY.has(ace.type)) return false;
  if (ace.flags & AceFlag.InheritOnly) return false;
  if (!token.has(ace.sid)) return false;
  if (!(ace.mask & (AccessMask.ControlAccess | AccessMask.GenericAll))) return false;
  return ace.kind === 'standard' || ace.objectType === null || ace.objectType === right;
}

function grantedVia(ace: KnownAce, right: string): GrantedVia {
  const fullControl = (ace.mask & AccessMask.DsFullControl) === AccessMask.DsFullControl;
  if (ace.mask & AccessMask.GenericAll || fullControl) return 'genericAll';
  return ace.kind === 'object' && ace.objectType === right ? 'explicit' : 'allExtendedRights';
}
