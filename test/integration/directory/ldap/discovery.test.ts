/** Discovery, read as the least-privileged account, against what Samba's own tools report. */
import { execFileSync } from 'node:child_process';
import { Attribute, Change } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Discovery } from '../../../../electron/directory/ldap/discovery.ts';
import { labInfo, withBoundClient } from '../../lab.ts';
import { labSettings, ldbsearch, readerCredentials, sambaTool, service, uniqueSuffix } from './helpers.ts';

const suffix = `phs-upn-${uniqueSuffix()}.example.test`;
let partitionsDn = '';
let usnBefore = 0;
let usnAfter = 0;
let discovery: Discovery;

const one = (values: readonly string[] | undefined): string => {
  expect(values?.length, 'exactly one value').toBe(1);
  return values![0]!;
};
const rootDse = () =>
  ldbsearch('', 'base', '(objectClass=*)', [
    '*',
    'highestCommittedUSN',
    'supportedControl',
    'domainControllerFunctionality',
  ])[0]!;
const editSuffix = (operation: 'add' | 'delete') =>
  withBoundClient(labInfo().admin.username, labInfo().admin.password, (client) =>
    client.modify(
      partitionsDn,
      new Change({ operation, modification: new Attribute({ type: 'uPNSuffixes', values: [suffix] }) }),
    ),
  );

beforeAll(async () => {
  partitionsDn = `CN=Partitions,${one(rootDse()['configurationnamingcontext'])}`;
  await editSuffix('add');
  usnBefore = Number(one(rootDse()['highestcommittedusn']));
  const session = await service.connect(labSettings(), readerCredentials());
  try {
    discovery = await session.discover();
  } finally {
    await session.close();
  }
  usnAfter = Number(one(rootDse()['highestcommittedusn']));
});

afterAll(async () => {
  if (partitionsDn !== '') await editSuffix('delete').catch(() => undefined);
});

describe('discovery equals what samba-tool and ldbsearch report', () => {
  it('forest, domain, NetBIOS and DC names (samba-tool domain info)', () => {
    const info = Object.fromEntries(
      execFileSync('samba-tool', ['domain', 'info', labInfo().host], { encoding: 'utf8', timeout: 60_000 })
        .split('\n')
        .map((line) => line.split(/\s+:\s+/).map((s) => s.trim()) as [string, string])
        .filter(([key, value]) => key && value),
    );
    expect(discovery.forest.dnsName).toBe(info['Forest']);
    expect(discovery.domain.dnsName).toBe(info['Domain']);
    expect(discovery.domain.netbiosName).toBe(info['Netbios domain']);
    expect(discovery.dc.dnsHostName).toBe(info['DC name']);
  });

  it('functional levels (samba-tool domain level show, msDS-Behavior-Version, rootDSE)', () => {
    const levels = sambaTool('domain', 'level', 'show');
    expect(levels).toContain(`Forest function level: (Windows) ${discovery.forest.functionalLevel.name}\n`);
    expect(levels).toContain(`Domain function level: (Windows) ${discovery.domain.functionalLevel.name}\n`);
    const forest = ldbsearch(partitionsDn, 'base', '(objectClass=*)', ['msDS-Behavior-Version'])[0]!;
    const domain = ldbsearch(discovery.domain.defaultNamingContext, 'base', '(objectClass=*)', [
      'msDS-Behavior-Version',
    ])[0]!;
    expect(discovery.forest.functionalLevel.level).toBe(Number(one(forest['msds-behavior-version'])));
    expect(discovery.domain.functionalLevel.level).toBe(Number(one(domain['msds-behavior-version'])));
    expect(discovery.dc.functionalLevel.level).toBe(Number(one(rootDse()['domaincontrollerfunctionality'])));
  });

  it('naming contexts, DC objects, supported controls and the USN (rootDSE)', () => {
    const root = rootDse();
    expect(discovery.domain.defaultNamingContext).toBe(one(root['defaultnamingcontext']));
    expect(discovery.forest.rootDomainNamingContext).toBe(one(root['rootdomainnamingcontext']));
    expect(discovery.configurationNamingContext).toBe(one(root['configurationnamingcontext']));
    expect(discovery.schemaNamingContext).toBe(one(root['schemanamingcontext']));
    expect(discovery.dc.ntdsSettingsDn).toBe(one(root['dsservicename']));
    expect(discovery.dc.serverDn).toBe(one(root['servername']));
    expect([...discovery.supportedControls].sort()).toEqual([...new Set(root['supportedcontrol'])].sort());
    expect(discovery.supportedControls).toEqual(
      expect.arrayContaining(['1.2.840.113556.1.4.841', '1.2.840.113556.1.4.319', '1.2.840.113556.1.4.801']),
    );
    expect(discovery.dc.highestCommittedUsn).toBeGreaterThanOrEqual(usnBefore);
    expect(discovery.dc.highestCommittedUsn).toBeLessThanOrEqual(usnAfter);
  });

  it("the DC's invocation id and NTDS Settings GUID, and the domain SID", () => {
    const ntds = ldbsearch(discovery.dc.ntdsSettingsDn, 'base', '(objectClass=*)', [
      'invocationId',
      'objectGUID',
    ])[0]!;
    expect(discovery.dc.invocationId).toBe(one(ntds['invocationid']));
    expect(discovery.dc.ntdsSettingsGuid).toBe(one(ntds['objectguid']));
    const head = ldbsearch(discovery.domain.defaultNamingContext, 'base', '(objectClass=*)', [
      'objectSid',
    ])[0]!;
    expect(discovery.domain.sid).toBe(one(head['objectsid']));
  });

  it("UPN suffixes: the domain DNS name, then the forest's uPNSuffixes (one added for this test)", () => {
    const partitions = ldbsearch(partitionsDn, 'base', '(objectClass=*)', ['uPNSuffixes'])[0]!;
    expect(partitions['upnsuffixes']).toContain(suffix);
    expect(discovery.upnSuffixes).toEqual([labInfo().dnsDomain, ...(partitions['upnsuffixes'] ?? [])]);
  });
});
