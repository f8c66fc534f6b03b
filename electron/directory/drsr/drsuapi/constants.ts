/**
 * drsuapi numbers (MS-DRSR, drsr-notes §3): opnums, bind extension bits, replication options,
 * extended operations, name formats and the well-known ATTRTYPs of the base schema.
 */

export const DrsOpnum = {
  Bind: 0,
  Unbind: 1,
  GetNCChanges: 3,
  CrackNames: 12,
  DomainControllerInfo: 16,
} as const;

/** NTDSAPI's client DSA GUID, sent in DRSBind by Windows tools, impacket and Samba. */
export const NTDSAPI_CLIENT_GUID = 'e24d201a-4fd6-11d1-a3da-0000f875ae0d';

/** DRS_EXTENSIONS_INT.dwFlags (MS-DRSR 5.39). */
export const DrsExt = {
  Base: 0x1,
  StrongEncryption: 0x8000,
  GetChgReqV6: 0x400000,
  NonDomainNcs: 0x800000,
  GetChgReqV8: 0x1000000,
  GetChgReplyV6: 0x4000000,
} as const;

/**
 * What we advertise: V6/V8 requests and V6 replies, with strong encryption (without it Windows
 * withholds secrets). No compression and no V9 reply bit, so the reply is always V6.
 */
export const CLIENT_EXTENSIONS =
  DrsExt.Base |
  DrsExt.StrongEncryption |
  DrsExt.GetChgReqV6 |
  DrsExt.GetChgReqV8 |
  DrsExt.GetChgReplyV6 |
  DrsExt.NonDomainNcs;

/** DRS_OPTIONS (MS-DRSR 5.41). SPECIAL_SECRET_PROCESSING (0x400000) is never set: it blanks secrets. */
export const DrsOption = {
  WritRep: 0x10,
  InitSync: 0x20,
  PerSync: 0x40,
  GetAnc: 0x800,
  FullSyncPacket: 0x20000,
  NeverSynced: 0x200000,
} as const;

export const FULL_SYNC_FLAGS = DrsOption.InitSync | DrsOption.WritRep | DrsOption.NeverSynced;
export const INCREMENTAL_FLAGS = DrsOption.WritRep;
export const REPL_OBJ_FLAGS = DrsOption.InitSync | DrsOption.WritRep;

export const ExtendedOp = { None: 0, ReplObj: 6, ReplSecret: 7 } as const;
/** EXOP_ERR codes of ulExtendedRet. */
export const EXOP_ERR_SUCCESS = 1;

/** DS_NAME_FORMAT. */
export const NameFormat = {
  Unknown: 0,
  Fqdn1779: 1,
  Nt4Account: 2,
  UniqueId: 6,
  Canonical: 7,
  UserPrincipal: 8,
} as const;
export type NameFormat = (typeof NameFormat)[keyof typeof NameFormat];

/** Well-known ATTRTYPs through the default prefix table (drsr-notes §3.7). */
export const Attr = {
  objectClass: 0x00000000,
  isDeleted: 0x00020030,
  objectGUID: 0x00090002,
  userAccountControl: 0x00090008,
  unicodePwd: 0x0009005a,
  ntPwdHistory: 0x0009005e,
  pwdLastSet: 0x00090060,
  objectSid: 0x00090092,
  sAMAccountName: 0x000900dd,
  sAMAccountType: 0x0009012e,
  userPrincipalName: 0x00090290,
} as const;

/** The OIDs behind those ATTRTYPs: replies are decoded by OID, through the server's table. */
export const AttrOid = {
  objectClass: '2.5.4.0',
  isDeleted: '1.2.840.113556.1.2.48',
  objectGUID: '1.2.840.113556.1.4.2',
  userAccountControl: '1.2.840.113556.1.4.8',
  unicodePwd: '1.2.840.113556.1.4.90',
  ntPwdHistory: '1.2.840.113556.1.4.94',
  pwdLastSet: '1.2.840.113556.1.4.96',
  objectSid: '1.2.840.113556.1.4.146',
  sAMAccountName: '1.2.840.113556.1.4.221',
  sAMAccountType: '1.2.840.113556.1.4.302',
  userPrincipalName: '1.2.840.113556.1.4.656',
} as const;

/** objectClass values (class governsIDs) that tell users from other security principals. */
export const ClassOid = {
  user: '1.2.840.113556.1.5.9',
  computer: '1.2.840.113556.1.3.30',
  inetOrgPerson: '2.16.840.1.113730.3.2.2',
} as const;

/** The partial attribute set of every read, sorted ascending: Samba binary-searches it. */
export const USER_ATTRIBUTES: readonly number[] = [
  Attr.objectClass,
  Attr.isDeleted,
  Attr.objectGUID,
  Attr.userAccountControl,
  Attr.unicodePwd,
  Attr.pwdLastSet,
  Attr.objectSid,
  Attr.sAMAccountName,
  Attr.sAMAccountType,
  Attr.userPrincipalName,
].sort((a, b) => a - b);

/** A PAS of one non-secret attribute: needs only Get-Changes (the rights probe). */
export const PROBE_ATTRIBUTES: readonly number[] = [Attr.objectGUID];

/** userAccountControl bits that mark machine and trust accounts. */
export const Uac = {
  AccountDisable: 0x2,
  InterdomainTrust: 0x800,
  WorkstationTrust: 0x1000,
  ServerTrust: 0x2000,
} as const;
