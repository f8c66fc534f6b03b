/** The public face of electron/directory/ldap: the service, its types and a few value helpers. */
export { createDirectoryService, type DirectoryService, type DirectorySession } from './service.ts';
export type { ChangeResult, ChangedUser, ResyncReason } from './change-feed.ts';
export type { CertificateInfo } from './connection/certificate.ts';
export { formatFingerprint, normalizeFingerprint } from './connection/certificate.ts';
export type { Discovery, FunctionalLevel } from './discovery.ts';
export type { OuNode } from './ou-tree.ts';
export { REPLICATION_RIGHTS, type RightsReport } from './rights.ts';
export { grantCommands, missingRightsError, type GrantCommands } from './remediation.ts';
export type { RightDecision, GrantedVia } from './sd/access-check.ts';
export { guidFromBytes } from './sd/guid.ts';
export { sidFromBytes } from './sd/sid.ts';
export { inScope, validateScope, type Scope } from './scope.ts';
export {
  parseDirectoryUrl,
  validateCredentials,
  validateSettings,
  type ConnectionSettings,
  type Credentials,
  type Transport,
  type TrustMode,
} from './settings.ts';
export { UserAccountControl, isEnabled, type DirectoryUser } from './users.ts';
export type { Watermark } from './watermark.ts';
