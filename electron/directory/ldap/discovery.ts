/**
 * What the wizard shows about the directory, read from the rootDSE, the configuration NC's
 * crossRef objects (DNS and NetBIOS names, UPN suffixes) and the DC's NTDS Settings object
 * (invocation id: it changes when the DC's database is restored, which the change feed checks).
 */
import type { Entry } from 'ldapts';
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import type { LdapSession } from './connection/session.ts';
import { dnsNameFromDn, sameDn } from './dn.ts';
import { binary, integer, requireText, text, texts } from './entry.ts';
import { guidFromBytes } from './sd/guid.ts';
import { sidFromBytes } from './sd/sid.ts';

export interface FunctionalLevel {
  readonly level: number;
  /** The Windows Server version it corresponds to, e.g. "2008 R2". */
  readonly name: string;
}

export interface Discovery {
  readonly forest: {
    readonly dnsName: string;
    readonly rootDomainNamingContext: string;
    readonly functionalLevel: FunctionalLevel;
  };
  readonly domain: {
    readonly dnsName: string;
    readonly netbiosName: string;
    readonly defaultNamingContext: string;
    readonly sid: string | null;
    readonly functionalLevel: FunctionalLevel;
  };
  readonly dc: {
    readonly dnsHostName: string;
    readonly serverDn: string;
    readonly ntdsSettingsDn: string;
    readonly invocationId: string;
    readonly ntdsSettingsGuid: string;
    readonly functionalLevel: FunctionalLevel;
    readonly isGlobalCatalog: boolean;
    readonly highestCommittedUsn: number;
  };
  readonly configurationNamingContext: string;
  readonly schemaNamingContext: string;
  readonly supportedControls: readonly string[];
  /** The domain's DNS name first, then the forest's extra `uPNSuffixes`. */
  readonly upnSuffixes: readonly string[];
}

const LEVEL_NAMES: Readonly<Record<number, string>> = {
  0: '2000',
  1: '2003 interim',
  2: '2003',
  3: '2008',
  4: '2008 R2',
  5: '2012',
  6: '2012 R2',
  7: '2016',
  10: '2025',
};

export function functionalLevel(level: number): FunctionalLevel {
  return { level, name: LEVEL_NAMES[level] ?? `unknown (${level})` };
}

const ROOT_DSE_ATTRIBUTES = [
  'defaultNamingContext',
  'rootDomainNamingContext',
  'configurationNamingContext',
  'schemaNamingContext',
  'dnsHostName',
  'serverName',
  'dsServiceName',
  'highestCommittedUSN',
  'supportedControl',
  'domainFunctionality',
  'forestFunctionality',
  'domainControllerFunctionality',
  'isGlobalCatalogReady',
];

export async function readRootDse(session: LdapSession): Promise<Entry> {
  const [rootDse] = await session.search(
    { base: '', scope: 'base', attributes: ROOT_DSE_ATTRIBUTES },
    'read of the rootDSE',
  );
  if (!rootDse)
    throw new AppError(
      ErrorCode.LdapOperationFailed,
      'The DC returned no rootDSE.',
      'Check that the server is an Active Directory domain controller.',
    );
  return rootDse;
}

export async function discover(session: LdapSession): Promise<Discovery> {
  const root = await readRootDse(session);
  const defaultNc = requireText(root, 'defaultNamingContext');
  const rootNc = text(root, 'rootDomainNamingContext') ?? defaultNc;
  const configNc = requireText(root, 'configurationNamingContext');
  const ntdsDn = requireText(root, 'dsServiceName');
  const partitionsDn = `CN=Partitions,${configNc}`;
  const [crossRefs, partitions, ntds, head] = await Promise.all([
    session.search(
      {
        base: partitionsDn,
        scope: 'one',
        filter: '(objectClass=crossRef)',
        attributes: ['nCName', 'dnsRoot', 'nETBIOSName'],
      },
      'read of the partitions',
    ),
    session.search(
      { base: partitionsDn, scope: 'base', attributes: ['uPNSuffixes'] },
      'read of the UPN suffixes',
    ),
    session.search(
      {
        base: ntdsDn,
        scope: 'base',
        attributes: ['invocationId', 'objectGUID'],
        binary: ['invocationId', 'objectGUID'],
      },
      "read of the DC's NTDS Settings",
    ),
    session.search(
      { base: defaultNc, scope: 'base', attributes: ['objectSid'], binary: ['objectSid'] },
      'read of the domain head',
    ),
  ]);
  const crossRefFor = (nc: string): Entry | undefined =>
    crossRefs.find((e) => sameDn(text(e, 'nCName') ?? '', nc));
  const domainRef = crossRefFor(defaultNc);
  const domainDns = text(domainRef ?? { dn: '' }, 'dnsRoot') ?? dnsNameFromDn(defaultNc);
  const ntdsEntry = ntds[0];
  const invocation = ntdsEntry ? binary(ntdsEntry, 'invocationId') : null;
  const dsaGuid = ntdsEntry ? binary(ntdsEntry, 'objectGUID') : null;
  if (!invocation || !dsaGuid) {
    throw new AppError(
      ErrorCode.LdapOperationFailed,
      `Cannot read the invocation id of the DC (${ntdsDn}).`,
      'The account needs read access to the configuration partition (every authenticated user has it by default).',
    );
  }
  const domainSid = head[0] ? binary(head[0], 'objectSid') : null;
  const extraSuffixes = partitions[0] ? texts(partitions[0], 'uPNSuffixes') : [];
  return {
    forest: {
      dnsName: text(crossRefFor(rootNc) ?? { dn: '' }, 'dnsRoot') ?? dnsNameFromDn(rootNc),
      rootDomainNamingContext: rootNc,
      functionalLevel: functionalLevel(integer(root, 'forestFunctionality') ?? 0),
    },
    domain: {
      dnsName: domainDns,
      netbiosName: text(domainRef ?? { dn: '' }, 'nETBIOSName') ?? '',
      defaultNamingContext: defaultNc,
      sid: domainSid ? sidFromBytes(domainSid) : null,
      functionalLevel: functionalLevel(integer(root, 'domainFunctionality') ?? 0),
    },
    dc: {
      dnsHostName: requireText(root, 'dnsHostName'),
      serverDn: text(root, 'serverName') ?? '',
      ntdsSettingsDn: ntdsDn,
      invocationId: guidFromBytes(invocation),
      ntdsSettingsGuid: guidFromBytes(dsaGuid),
      functionalLevel: functionalLevel(integer(root, 'domainControllerFunctionality') ?? 0),
      isGlobalCatalog: (text(root, 'isGlobalCatalogReady') ?? '').toUpperCase() === 'TRUE',
      highestCommittedUsn: integer(root, 'highestCommittedUSN') ?? 0,
    },
    configurationNamingContext: configNc,
    schemaNamingContext: text(root, 'schemaNamingContext') ?? `CN=Schema,${configNc}`,
    supportedControls: [...new Set(texts(root, 'supportedControl'))],
    upnSuffixes: dedupe([domainDns, ...extraSuffixes]),
  };
}

function dedupe(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = n.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
