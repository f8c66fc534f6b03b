/**
 * Builds the content of lab.json from the lab's constants and fixtures (see lab-info.ts).
 */
import * as cfg from './config.ts';
import type { LabPaths } from './config.ts';
import { FIXTURE_USERS, READER, SCOPE, USERS_CONTAINER, userDn, userPrincipalName } from './fixtures.ts';
import type { LabAccount, LabInfo } from './lab-info.ts';

function account(sam: string, dn: string, password: string): LabAccount {
  return { username: userPrincipalName(sam), netbiosName: `${cfg.NETBIOS_DOMAIN}\\${sam}`, dn, password };
}

export function describeLab(paths: LabPaths, pid: number, bulk: LabInfo['bulk']): LabInfo {
  return {
    version: 1,
    ldapsUrl: `ldaps://${cfg.HOST}:${cfg.LDAPS_PORT}`,
    host: cfg.HOST,
    ldapsPort: cfg.LDAPS_PORT,
    ldapPort: cfg.LDAP_PORT,
    rpcPort: cfg.RPC_PORT,
    drsuapiPort: cfg.DRSUAPI_PORT,
    caFile: paths.caFile,
    serverName: cfg.SERVER_NAME,
    realm: cfg.REALM,
    netbiosDomain: cfg.NETBIOS_DOMAIN,
    dnsDomain: cfg.DNS_DOMAIN,
    baseDn: cfg.BASE_DN,
    admin: account('Administrator', `CN=Administrator,${USERS_CONTAINER}`, cfg.ADMIN_PASSWORD),
    nonAdmin: account(READER.sAMAccountName, userDn(READER), cfg.READER_PASSWORD),
    users: FIXTURE_USERS.map((user) => ({
      sAMAccountName: user.sAMAccountName,
      userPrincipalName: userPrincipalName(user.sAMAccountName),
      dn: userDn(user),
      ou: user.ou,
      password: user.password,
      flags: [...user.flags],
    })),
    scope: { includedOus: [...SCOPE.includedOus], excludedOus: [...SCOPE.excludedOus] },
    bulk,
    smbConf: paths.smbConf,
    logFile: paths.logFile,
    pid,
  };
}
