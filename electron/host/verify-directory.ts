/**
 * The on-premises end of `phs verify` (electron/verify/ports.ts) over LDAP: each user under the
 * search bases is judged by the engine's own rules (electron/engine/rules.ts: classes, OU scope,
 * system accounts, no password, must change) — reused, not copied — and carries the source
 * anchors the engine and Entra Connect use. Nothing secret is read: no hash crosses LDAP.
 */
import { assertNever } from '../../shared/assert-never.ts';
import type { LdapSession } from '../directory/ldap/connection/session.ts';
import {
  readDcTime,
  streamPasswordChanges,
  type PasswordChangeEntry,
} from '../directory/ldap/password-changes.ts';
import type { Scope as SearchScope } from '../directory/ldap/scope.ts';
import { guidFromBytes } from '../directory/ldap/sd/guid.ts';
import type { SourceUser } from '../engine/ports.ts';
import { filetimeToIso, isDisabled, judge, type RuleContext } from '../engine/rules.ts';
import type { OnPremUser, OnPremRule } from '../verify/model.ts';
import type { OnPremisesEnd } from '../verify/ports.ts';
import { sourceAnchorOf } from './drsr-source.ts';

const UF_PASSWD_NOTREQD = 0x20;
/** judge() asks "is there a password?" by ntHash !== null; LDAP never returns the hash, so this stand-in says yes. */
const PASSWORD_NOT_READ = Buffer.alloc(0);

/**
 * Whether the account has a password, as far as LDAP can tell: pwdLastSet absent → no; 0 with
 * PASSWD_NOTREQD → no (an account created without a password: AD requires that flag for it to be
 * enabled, and pwdLastSet was never set); anything else → yes (0 alone: must change at next logon).
 */
export function hasPassword(entry: Pick<PasswordChangeEntry, 'pwdLastSet' | 'userAccountControl'>): boolean {
  if (entry.pwdLastSet === null) return false;
  return !(entry.pwdLastSet === 0n && (entry.userAccountControl & UF_PASSWD_NOTREQD) !== 0);
}

/** The anchors the user may have in the cloud: mS-DS-ConsistencyGuid first (Entra Connect's choice when set), then objectGUID. */
export function sourceAnchorsOf(
  entry: Pick<PasswordChangeEntry, 'objectGuid' | 'consistencyGuid'>,
): string[] {
  const byGuid = sourceAnchorOf(guidFromBytes(entry.objectGuid));
  const consistency = entry.consistencyGuid?.length === 16 ? entry.consistencyGuid.toString('base64') : null;
  return consistency === null || consistency === byGuid ? [byGuid] : [consistency, byGuid];
}

/** The verify record of one directory user, or null when it is not an in-scope user account. */
export function onPremUserOf(entry: PasswordChangeEntry, rules: RuleContext): OnPremUser | null {
  const anchors = sourceAnchorsOf(entry);
  const source: SourceUser = {
    objectGuid: guidFromBytes(entry.objectGuid),
    sourceAnchor: anchors[anchors.length - 1]!,
    dn: entry.dn,
    samAccountName: entry.sAMAccountName,
    userPrincipalName: entry.userPrincipalName,
    objectClasses: entry.objectClasses,
    userAccountControl: entry.userAccountControl,
    pwdLastSet: entry.pwdLastSet,
    isCriticalSystemObject: entry.isCriticalSystemObject,
    ntHash: hasPassword(entry) ? PASSWORD_NOT_READ : null,
  };
  const verdict = judge(source, rules);
  let rule: OnPremRule;
  switch (verdict.kind) {
    case 'ignore':
    case 'gone':
    case 'outOfScope':
      return null;
    case 'filtered':
      rule = 'filtered';
      break;
    case 'noPassword':
      rule = 'noPassword';
      break;
    case 'sync':
      rule = 'sync';
      break;
    default:
      return assertNever(verdict);
  }
  return {
    sAMAccountName: entry.sAMAccountName,
    userPrincipalName: entry.userPrincipalName,
    sourceAnchors: anchors,
    passwordChangedAt: filetimeToIso(entry.pwdLastSet),
    enabled: !isDisabled(source),
    rule,
  };
}

/** `search` names the subtrees to read; `rules` (the engine's scope and tenant feature) decide who is in scope. */
export function directoryEnd(session: LdapSession, search: SearchScope, rules: RuleContext): OnPremisesEnd {
  return {
    dcTime: () => readDcTime(session),
    async *users() {
      for await (const entry of streamPasswordChanges(session, search)) {
        const user = onPremUserOf(entry, rules);
        if (user !== null) yield user;
      }
    },
  };
}
