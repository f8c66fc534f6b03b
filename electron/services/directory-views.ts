/**
 * From what the LDAP service reports to what the wizard shows: the certificate, the domain and
 * the rights check with the commands that grant a missing right (dsacls and samba-tool). Only
 * the fields the contract names; nothing read from the wire goes to the renderer unshaped.
 */
import type { CertificateView, DiscoveryView, RightsView } from '../../shared/directory-schemas.ts';
import {
  grantCommands,
  REPLICATION_RIGHTS,
  type CertificateInfo,
  type Discovery,
  type RightsReport,
} from '../directory/ldap/index.ts';

export function toCertificateView(c: CertificateInfo): CertificateView {
  return {
    subject: c.subject,
    issuer: c.issuer,
    subjectAltNames: [...c.subjectAltNames],
    validFrom: c.validFrom,
    validTo: c.validTo,
    sha256: c.sha256,
    selfSigned: c.selfSigned,
  };
}

export function toDiscoveryView(d: Discovery): DiscoveryView {
  return {
    domainDnsName: d.domain.dnsName,
    netbiosName: d.domain.netbiosName,
    domainDn: d.domain.defaultNamingContext,
    forestDnsName: d.forest.dnsName,
    dcHostName: d.dc.dnsHostName,
    domainFunctionalLevel: `Windows Server ${d.domain.functionalLevel.name}`,
    forestFunctionalLevel: `Windows Server ${d.forest.functionalLevel.name}`,
    isGlobalCatalog: d.dc.isGlobalCatalog,
    upnSuffixes: [...d.upnSuffixes],
  };
}

export function toRightsView(report: RightsReport): RightsView {
  const rights = REPLICATION_RIGHTS.map((right) => {
    const decision = report[right.key];
    return { right, granted: decision.granted, denied: !decision.granted && decision.reason === 'denied' };
  });
  const missing = rights.filter((r) => !r.granted);
  const denied = rights.filter((r) => r.denied);
  return {
    account: report.account.downLevelName,
    accountSid: report.account.sid,
    rights: rights.map((r) => ({ name: r.right.name, granted: r.granted, denied: r.denied })),
    canSync: report.canSync,
    grants: missing.map((r) => ({ right: r.right.name, ...grantCommands(report, r.right) })),
    denyNote:
      denied.length === 0
        ? null
        : `A deny entry for ${denied.map((r) => `"${r.right.name}"`).join(' and ')} on ${report.domainDn} wins over any grant: remove it first, for example with dsacls "${report.domainDn}" /R "${report.account.downLevelName}" (this removes all of the account's entries there).`,
  };
}
