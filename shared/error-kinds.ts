/**
 * What the engine and the tenant client do with each failure, as a property of its ErrorCode —
 * one table, exhaustive over the codes (a new code does not compile until it says what it is):
 * - transient: lost connections, timeouts, an unavailable service, a crashed worker: wait
 *   (honouring any Retry-After) and try again;
 * - throttled: transient, and the service asked us to slow down;
 * - cursorInvalid: the directory cannot continue from the saved position: a fresh full pass;
 * - cancelled: asked for; never reported;
 * - permanent: retrying the same thing cannot help; the user must act (the error says how).
 */
import { AppError, ErrorCode } from './errors.ts';

export type ErrorKind = 'transient' | 'throttled' | 'cursorInvalid' | 'cancelled' | 'permanent';

export const ERROR_KIND: { readonly [C in ErrorCode]: ErrorKind } = {
  [ErrorCode.InvalidArgument]: 'permanent',
  [ErrorCode.UnknownChannel]: 'permanent',
  [ErrorCode.UntrustedSender]: 'permanent',
  [ErrorCode.Cancelled]: 'cancelled',
  [ErrorCode.Timeout]: 'transient',
  [ErrorCode.WorkerCrashed]: 'transient',
  [ErrorCode.PoolClosed]: 'permanent',
  [ErrorCode.CryptoSelfTestFailed]: 'permanent',
  [ErrorCode.UrlNotAllowed]: 'permanent',
  [ErrorCode.WireFormat]: 'permanent',
  [ErrorCode.NtlmMalformed]: 'permanent',
  [ErrorCode.NtlmUnsupported]: 'permanent',
  [ErrorCode.NtlmAuthFailed]: 'permanent',
  [ErrorCode.NtlmBadSignature]: 'permanent',
  [ErrorCode.SecretMalformed]: 'permanent',
  [ErrorCode.SecretChecksum]: 'permanent',
  [ErrorCode.Internal]: 'permanent',
  [ErrorCode.EngineBusy]: 'permanent',
  [ErrorCode.EngineNotConfigured]: 'permanent',
  [ErrorCode.PasswordSyncOff]: 'permanent',
  [ErrorCode.UserNotFound]: 'permanent',
  [ErrorCode.CursorInvalid]: 'cursorInvalid',
  [ErrorCode.StateCorrupt]: 'permanent',
  [ErrorCode.StateUnavailable]: 'permanent',
  [ErrorCode.ConfigInvalid]: 'permanent',
  [ErrorCode.LdapInvalidCredentials]: 'permanent',
  [ErrorCode.LdapAccountLocked]: 'permanent',
  [ErrorCode.LdapPasswordExpired]: 'permanent',
  [ErrorCode.LdapAccountDisabled]: 'permanent',
  [ErrorCode.LdapAccountExpired]: 'permanent',
  [ErrorCode.LdapMustChangePassword]: 'permanent',
  [ErrorCode.LdapBindFailed]: 'permanent',
  [ErrorCode.LdapTlsUntrusted]: 'permanent',
  [ErrorCode.LdapTlsNameMismatch]: 'permanent',
  [ErrorCode.LdapTlsPinMismatch]: 'permanent',
  [ErrorCode.LdapUnreachable]: 'transient',
  [ErrorCode.LdapWrongPort]: 'permanent',
  [ErrorCode.LdapTimeout]: 'transient',
  [ErrorCode.LdapPlainRefused]: 'permanent',
  [ErrorCode.LdapConnectionLost]: 'transient',
  [ErrorCode.LdapNoSuchObject]: 'permanent',
  [ErrorCode.LdapOperationFailed]: 'permanent',
  [ErrorCode.DirectoryPasswordNotReusable]: 'permanent',
  [ErrorCode.MissingReplicationRights]: 'permanent',
  [ErrorCode.SecurityDescriptorMalformed]: 'permanent',
  [ErrorCode.DirectoryValueMalformed]: 'permanent',
  [ErrorCode.DirectoryResyncRequired]: 'cursorInvalid',
  [ErrorCode.TenantConfigInvalid]: 'permanent',
  [ErrorCode.TenantSignInFailed]: 'permanent',
  [ErrorCode.TenantConsentRequired]: 'permanent',
  [ErrorCode.TenantInteractionRequired]: 'permanent',
  [ErrorCode.TenantWrongTenant]: 'permanent',
  [ErrorCode.TenantAppNotFound]: 'permanent',
  [ErrorCode.TenantNotAdmin]: 'permanent',
  [ErrorCode.TenantNotSignedIn]: 'permanent',
  [ErrorCode.TenantInvalidGrant]: 'permanent',
  [ErrorCode.TenantThrottled]: 'throttled',
  [ErrorCode.TenantUnavailable]: 'transient',
  [ErrorCode.TenantTls]: 'permanent',
  [ErrorCode.TenantRequestFailed]: 'permanent',
  [ErrorCode.TenantTokenOriginRefused]: 'permanent',
  [ErrorCode.TenantNoCredentialEndpoint]: 'permanent',
  [ErrorCode.TokenCacheUnavailable]: 'permanent',
  [ErrorCode.TokenCacheKeyInsecure]: 'permanent',
  [ErrorCode.TokenCacheCorrupt]: 'permanent',
  [ErrorCode.CredentialRejected]: 'permanent',
  [ErrorCode.LabFailed]: 'permanent',
  [ErrorCode.NdrMalformed]: 'permanent',
  [ErrorCode.RpcMalformed]: 'permanent',
  [ErrorCode.RpcFault]: 'permanent',
  [ErrorCode.RpcBindRejected]: 'permanent',
  [ErrorCode.RpcTimeout]: 'transient',
  [ErrorCode.RpcConnectionLost]: 'transient',
  [ErrorCode.RpcUnreachable]: 'transient',
  [ErrorCode.RpcEndpointNotRegistered]: 'permanent',
  [ErrorCode.DrsrAccessDenied]: 'permanent',
  [ErrorCode.DrsrMissingRights]: 'permanent',
  [ErrorCode.DrsrAuthFailed]: 'permanent',
  [ErrorCode.DrsrError]: 'permanent',
  [ErrorCode.DrsrUnexpectedReply]: 'permanent',
  [ErrorCode.DrsrUserNotFound]: 'permanent',
  [ErrorCode.DrsrCursorInvalid]: 'cursorInvalid',
};

export function errorKind(error: unknown): ErrorKind | undefined {
  return error instanceof AppError ? ERROR_KIND[error.code] : undefined;
}

/** Worth retrying after a wait: transient or throttled. */
export function isTransientError(error: unknown): boolean {
  const kind = errorKind(error);
  return kind === 'transient' || kind === 'throttled';
}
