/** `phs ad test`: connect and bind, print what the directory is and whether the account can sync. */
import { parseArgs } from 'node:util';
import {
  missingRightsError,
  type Discovery,
  type RightDecision,
  type RightsReport,
} from '../directory/ldap/index.ts';
import type { CertificateInfo } from '../directory/ldap/index.ts';
import { directoryService } from '../host/composition-root.ts';
import { PASSWORD_ENV } from './ad-config.ts';
import { cliLogger, directoryOf, withSession } from './ad-session.ts';
import { ExitCode, printError, type CliIo } from './io.ts';

export const AD_TEST_HELP = `Usage: phs ad test --directory <file.json> [--json] [--verbose]

Connects to the domain controller (LDAPS, or StartTLS), binds, and prints what it found: forest
and domain names, NetBIOS name, functional levels, the DC, its invocation id, UPN suffixes; then
whether the account holds "Replicating Directory Changes" and "Replicating Directory Changes
All" on the domain, which password hash sync needs. When a right is missing it prints the
commands an administrator runs to grant it.

<file.json>: {"url": "ldaps://dc1.example.com", "caFile"?: "ca.pem", "serverName"?: "…",
              "fingerprint"?: "AB:CD:…", "startTls"?: false, "username": "EXAMPLE\\\\svc", "password"?: "…"}
The password may come from ${PASSWORD_ENV} instead.

Options:
  --directory <file>  the directory file (required)
  --json              print one JSON object
  --verbose           log the LDAP requests to standard error
  -h, --help          show this help

Exit codes: 0 the account can sync, 3 it lacks a replication right, 2 bad input or connection failure.`;

export async function adTestCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      directory: { type: 'string' },
      json: { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  const config = directoryOf(values, io, AD_TEST_HELP);
  if (config === null) return ExitCode.Ok;
  const service = directoryService(cliLogger(io, values.verbose === true));
  const { discovery, rights, certificate } = await withSession(service, config, async (session) => ({
    discovery: await session.discover(),
    rights: await session.checkRights(),
    certificate: session.certificate,
  }));
  const missing = missingRightsError(rights);
  if (values.json) {
    io.stdout.write(
      `${JSON.stringify(jsonReport(discovery, rights, certificate, missing?.remediation ?? null), null, 2)}\n`,
    );
  } else {
    io.stdout.write(textReport(discovery, rights, certificate));
  }
  if (missing) {
    if (!values.json) printError(io, missing.message, missing.remediation);
    return ExitCode.MissingRights;
  }
  return ExitCode.Ok;
}

function jsonReport(d: Discovery, r: RightsReport, certificate: CertificateInfo, remediation: string | null) {
  return {
    domain: {
      dnsName: d.domain.dnsName,
      netbiosName: d.domain.netbiosName,
      defaultNamingContext: d.domain.defaultNamingContext,
      sid: d.domain.sid,
      functionalLevel: d.domain.functionalLevel,
    },
    forest: d.forest,
    dc: { ...d.dc, certificateSha256: certificate.sha256 },
    upnSuffixes: d.upnSuffixes,
    supportedControls: d.supportedControls,
    account: r.account,
    rights: {
      replicatingDirectoryChanges: r.replicatingDirectoryChanges.granted,
      replicatingDirectoryChangesAll: r.replicatingDirectoryChangesAll.granted,
    },
    rightsDetail: {
      replicatingDirectoryChanges: r.replicatingDirectoryChanges,
      replicatingDirectoryChangesAll: r.replicatingDirectoryChangesAll,
    },
    canSync: r.canSync,
    remediation,
  };
}

function describe(decision: RightDecision): string {
  if (decision.granted)
    return `granted (${decision.via === 'explicit' ? 'explicitly' : decision.via === 'allExtendedRights' ? 'through all extended rights' : decision.via === 'genericAll' ? 'through full control' : 'no DACL'})`;
  return decision.reason === 'denied' ? 'MISSING (denied by an explicit deny entry)' : 'MISSING';
}

function textReport(d: Discovery, r: RightsReport, certificate: CertificateInfo): string {
  const rows: [string, string][] = [
    ['Forest', `${d.forest.dnsName} (functional level ${d.forest.functionalLevel.name})`],
    [
      'Domain',
      `${d.domain.dnsName} (NetBIOS ${d.domain.netbiosName}, functional level ${d.domain.functionalLevel.name})`,
    ],
    ['Naming context', d.domain.defaultNamingContext],
    ['Domain controller', `${d.dc.dnsHostName}${d.dc.isGlobalCatalog ? ' (global catalog)' : ''}`],
    ['Certificate SHA-256', certificate.sha256],
    ['Invocation id', d.dc.invocationId],
    ['NTDS Settings GUID', d.dc.ntdsSettingsGuid],
    ['Highest USN', String(d.dc.highestCommittedUsn)],
    ['UPN suffixes', d.upnSuffixes.join(', ')],
    ['Account', `${r.account.downLevelName} (${r.account.sid})`],
    ['Replicating Directory Changes', describe(r.replicatingDirectoryChanges)],
    ['Replicating Directory Changes All', describe(r.replicatingDirectoryChangesAll)],
    ['Password hash sync', r.canSync ? 'possible' : 'NOT possible with this account'],
  ];
  return `${rows.map(([k, v]) => `${k.padEnd(34)} ${v}`).join('\n')}\n`;
}
