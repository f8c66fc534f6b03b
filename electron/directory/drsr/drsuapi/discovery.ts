/**
 * What a client learns right after binding: its own account's DN and domain (DRSCrackNames),
 * the domain's DN and NetBIOS name, and the DC's NTDS Settings GUID (DRSDomainControllerInfo).
 */
import type { RpcDeadline } from '../rpc/connection.ts';
import { NameFormat } from './constants.ts';
import { CrackStatus } from './crack-names.ts';
import type { DomainControllerInfo } from './dc-info.ts';
import { drsrUnexpected } from './errors.ts';
import type { DrsSession } from './session.ts';

export interface DomainInfo {
  /** DNS name, e.g. "lab.example.test". */
  readonly dnsName: string;
  /** NetBIOS name, e.g. "LAB"; null when the DC would not say. */
  readonly netbiosName: string | null;
  /** The domain naming context, e.g. "DC=lab,DC=example,DC=test". */
  readonly dn: string;
}

export interface Discovery {
  readonly domain: DomainInfo;
  readonly accountDn: string | null;
  readonly dc: DomainControllerInfo;
}

export async function discover(
  session: DrsSession,
  host: string,
  username: string,
  domain: string,
  deadline: RpcDeadline,
): Promise<Discovery> {
  const upn = username.includes('@') ? username : null;
  const [offered, name] =
    upn !== null ? [NameFormat.UserPrincipal, upn] : [NameFormat.Nt4Account, `${domain}\\${username}`];
  const own = (await session.crackNames(offered, NameFormat.Fqdn1779, [name], deadline))[0];
  const found = own?.status === CrackStatus.Ok;
  const accountDn = found ? (own.name ?? null) : null;
  const dnsName =
    (found ? own.domain : null) ?? (domain.includes('.') ? domain : (upn?.split('@')[1] ?? domain));
  const dn =
    (await crackOne(session, NameFormat.Canonical, NameFormat.Fqdn1779, `${dnsName}/`, deadline)) ??
    dcComponents(accountDn);
  if (dn === null) throw drsrUnexpected(`the domain controller could not name the domain "${dnsName}"`);
  const nt4 = await crackOne(session, NameFormat.Fqdn1779, NameFormat.Nt4Account, dn, deadline);
  const controllers = await session.dcInfo(dnsName, deadline);
  const dc = controllers.find((c) => c.dnsHostName?.toLowerCase() === host.toLowerCase()) ?? controllers[0];
  if (dc === undefined)
    throw drsrUnexpected(`the domain controller lists no domain controllers for ${dnsName}`);
  return {
    domain: { dnsName, netbiosName: nt4 === null ? null : nt4.replace(/\\$/, ''), dn },
    accountDn,
    dc,
  };
}

async function crackOne(
  session: DrsSession,
  offered: NameFormat,
  desired: NameFormat,
  name: string,
  deadline: RpcDeadline,
): Promise<string | null> {
  const item = (await session.crackNames(offered, desired, [name], deadline))[0];
  return item?.status === CrackStatus.Ok ? item.name : null;
}

/** "CN=x,OU=y,DC=lab,DC=test" → "DC=lab,DC=test". */
function dcComponents(dn: string | null): string | null {
  if (dn === null) return null;
  const at = dn.search(/(^|,)DC=/i);
  return at < 0 ? null : dn.slice(at === 0 ? 0 : at + 1);
}
