/**
 * A user named as the CLI and the UI accept it (sAMAccountName, DOMAIN\name, UPN, DN, or its
 * objectGUID, so a moved object is found again) → its DN and objectGUID, through DRSCrackNames
 * (→ FQDN_1779, → UNIQUE_ID). The DN is what Samba 4.17 needs in a single-object read's DSNAME.
 */
import type { RpcDeadline } from '../rpc/connection.ts';
import { NameFormat } from './constants.ts';
import { CrackStatus, crackStatusName } from './crack-names.ts';
import { drsrUserNotFound } from './errors.ts';
import type { DrsSession } from './session.ts';

export interface FoundUser {
  readonly dn: string;
  readonly guid: string;
}

const DN = /^[A-Za-z][A-Za-z0-9-]*=[^,]+(,[A-Za-z][A-Za-z0-9-]*=[^,]+)*$/;
const BRACED_GUID = /^\{([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}$/i;
const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

export function looksLikeDn(name: string): boolean {
  return DN.test(name.replace(/\\,/g, ''));
}

/** The format a name is written in, and the query to send for it. */
function classify(name: string, netbiosDomain: string | null): readonly [NameFormat, string] {
  const guid = GUID.exec(name)?.[1];
  if (guid !== undefined) return [NameFormat.UniqueId, `{${guid}}`];
  if (looksLikeDn(name)) return [NameFormat.Fqdn1779, name];
  if (name.includes('\\')) return [NameFormat.Nt4Account, name];
  if (name.includes('@')) return [NameFormat.UserPrincipal, name];
  if (netbiosDomain !== null) return [NameFormat.Nt4Account, `${netbiosDomain}\\${name}`];
  throw drsrUserNotFound(name, 'the NetBIOS domain is unknown; give DOMAIN\\name, the UPN or the DN');
}

export async function findUser(
  session: Pick<DrsSession, 'crackNames'>,
  name: string,
  netbiosDomain: string | null,
  deadline: RpcDeadline = {},
): Promise<FoundUser> {
  const trimmed = name.trim();
  if (trimmed === '') throw drsrUserNotFound(name, 'the name is empty');
  const [offered, query] = classify(trimmed, netbiosDomain);
  const crack = async (desired: NameFormat): Promise<string> => {
    const item = (await session.crackNames(offered, desired, [query], deadline))[0];
    if (item === undefined || item.status !== CrackStatus.Ok || item.name === null) {
      throw drsrUserNotFound(name, `name lookup: ${crackStatusName(item?.status ?? CrackStatus.NotFound)}`);
    }
    return item.name;
  };
  const dn = offered === NameFormat.Fqdn1779 ? trimmed : await crack(NameFormat.Fqdn1779);
  const guid = BRACED_GUID.exec(await crack(NameFormat.UniqueId))?.[1]?.toLowerCase();
  if (guid === undefined) throw drsrUserNotFound(name, 'the name lookup returned no GUID');
  return { dn, guid };
}
