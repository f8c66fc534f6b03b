/**
 * The one error shape that crosses process boundaries (IPC, CLI output, logs).
 * Every failure the user can see has a stable `code`, a message that says what is wrong
 * and a remediation that says how to fix it. Cancellation is a code too, but never shown.
 */

export const ErrorCode = {
  InvalidArgument: 'INVALID_ARGUMENT',
  UnknownChannel: 'UNKNOWN_CHANNEL',
  UntrustedSender: 'UNTRUSTED_SENDER',
  Cancelled: 'CANCELLED',
  Timeout: 'TIMEOUT',
  WorkerCrashed: 'WORKER_CRASHED',
  PoolClosed: 'POOL_CLOSED',
  CryptoSelfTestFailed: 'CRYPTO_SELF_TEST_FAILED',
  UrlNotAllowed: 'URL_NOT_ALLOWED',
  WireFormat: 'WIRE_FORMAT',
  NtlmMalformed: 'NTLM_MALFORMED',
  NtlmUnsupported: 'NTLM_UNSUPPORTED',
  NtlmAuthFailed: 'NTLM_AUTH_FAILED',
  NtlmBadSignature: 'NTLM_BAD_SIGNATURE',
  SecretMalformed: 'SECRET_MALFORMED',
  SecretChecksum: 'SECRET_CHECKSUM',
  Internal: 'INTERNAL',
  EngineBusy: 'ENGINE_BUSY',
  EngineNotConfigured: 'ENGINE_NOT_CONFIGURED',
  PasswordSyncOff: 'PASSWORD_SYNC_OFF',
  UserNotFound: 'USER_NOT_FOUND',
  CursorInvalid: 'CURSOR_INVALID',
  StateCorrupt: 'STATE_CORRUPT',
  StateUnavailable: 'STATE_UNAVAILABLE',
  ConfigInvalid: 'CONFIG_INVALID',
  LdapInvalidCredentials: 'LDAP_INVALID_CREDENTIALS',
  LdapAccountLocked: 'LDAP_ACCOUNT_LOCKED',
  LdapPasswordExpired: 'LDAP_PASSWORD_EXPIRED',
  LdapAccountDisabled: 'LDAP_ACCOUNT_DISABLED',
  LdapAccountExpired: 'LDAP_ACCOUNT_EXPIRED',
  LdapMustChangePassword: 'LDAP_MUST_CHANGE_PASSWORD',
  LdapBindFailed: 'LDAP_BIND_FAILED',
  LdapTlsUntrusted: 'LDAP_TLS_UNTRUSTED',
  LdapTlsNameMismatch: 'LDAP_TLS_NAME_MISMATCH',
  LdapTlsPinMismatch: 'LDAP_TLS_PIN_MISMATCH',
  LdapUnreachable: 'LDAP_UNREACHABLE',
  LdapWrongPort: 'LDAP_WRONG_PORT',
  LdapTimeout: 'LDAP_TIMEOUT',
  LdapPlainRefused: 'LDAP_PLAIN_REFUSED',
  LdapConnectionLost: 'LDAP_CONNECTION_LOST',
  LdapNoSuchObject: 'LDAP_NO_SUCH_OBJECT',
  LdapOperationFailed: 'LDAP_OPERATION_FAILED',
  DirectoryPasswordNotReusable: 'DIRECTORY_PASSWORD_NOT_REUSABLE',
  MissingReplicationRights: 'MISSING_REPLICATION_RIGHTS',
  SecurityDescriptorMalformed: 'SECURITY_DESCRIPTOR_MALFORMED',
  DirectoryValueMalformed: 'DIRECTORY_VALUE_MALFORMED',
  DirectoryResyncRequired: 'DIRECTORY_RESYNC_REQUIRED',
  TenantConfigInvalid: 'TENANT_CONFIG_INVALID',
  TenantSignInFailed: 'TENANT_SIGN_IN_FAILED',
  TenantConsentRequired: 'TENANT_CONSENT_REQUIRED',
  TenantInteractionRequired: 'TENANT_INTERACTION_REQUIRED',
  TenantWrongTenant: 'TENANT_WRONG_TENANT',
  TenantAppNotFound: 'TENANT_APP_NOT_FOUND',
  TenantNotAdmin: 'TENANT_NOT_ADMIN',
  TenantNotSignedIn: 'TENANT_NOT_SIGNED_IN',
  TenantInvalidGrant: 'TENANT_INVALID_GRANT',
  TenantThrottled: 'TENANT_THROTTLED',
  TenantUnavailable: 'TENANT_UNAVAILABLE',
  TenantTls: 'TENANT_TLS',
  TenantRequestFailed: 'TENANT_REQUEST_FAILED',
  TenantTokenOriginRefused: 'TENANT_TOKEN_ORIGIN_REFUSED',
  TenantNoCredentialEndpoint: 'TENANT_NO_CREDENTIAL_ENDPOINT',
  TokenCacheUnavailable: 'TOKEN_CACHE_UNAVAILABLE',
  TokenCacheKeyInsecure: 'TOKEN_CACHE_KEY_INSECURE',
  TokenCacheCorrupt: 'TOKEN_CACHE_CORRUPT',
  CredentialRejected: 'CREDENTIAL_REJECTED',
  LabFailed: 'LAB_FAILED',
  NdrMalformed: 'NDR_MALFORMED',
  RpcMalformed: 'RPC_MALFORMED',
  RpcFault: 'RPC_FAULT',
  RpcBindRejected: 'RPC_BIND_REJECTED',
  RpcTimeout: 'RPC_TIMEOUT',
  RpcConnectionLost: 'RPC_CONNECTION_LOST',
  RpcUnreachable: 'RPC_UNREACHABLE',
  RpcEndpointNotRegistered: 'RPC_ENDPOINT_NOT_REGISTERED',
  DrsrAccessDenied: 'DRSR_ACCESS_DENIED',
  DrsrMissingRights: 'DRSR_MISSING_RIGHTS',
  DrsrAuthFailed: 'DRSR_AUTH_FAILED',
  DrsrError: 'DRSR_ERROR',
  DrsrUnexpectedReply: 'DRSR_UNEXPECTED_REPLY',
  DrsrUserNotFound: 'DRSR_USER_NOT_FOUND',
  DrsrCursorInvalid: 'DRSR_CURSOR_INVALID',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface AppErrorShape {
  readonly code: ErrorCode;
  readonly message: string;
  readonly remediation: string;
}

export class AppError extends Error implements AppErrorShape {
  readonly code: ErrorCode;
  readonly remediation: string;

  constructor(code: ErrorCode, message: string, remediation: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.remediation = remediation;
  }

  toShape(): AppErrorShape {
    return { code: this.code, message: this.message, remediation: this.remediation };
  }
}

export class CancelledError extends AppError {
  constructor(message = 'The operation was cancelled.') {
    super(ErrorCode.Cancelled, message, 'Nothing to do: it was cancelled on request.');
    this.name = 'CancelledError';
  }
}

export function isCancelled(error: unknown): boolean {
  return error instanceof AppError && error.code === ErrorCode.Cancelled;
}

const knownCodes = new Set<string>(Object.values(ErrorCode));

/** Rebuilds an AppError from its serialised shape (the receiving side of IPC). */
export function fromShape(shape: AppErrorShape): AppError {
  const code = knownCodes.has(shape.code) ? shape.code : ErrorCode.Internal;
  return code === ErrorCode.Cancelled
    ? new CancelledError(shape.message)
    : new AppError(code, shape.message, shape.remediation);
}

/**
 * Turns anything thrown into the shape that may leave the process. Unknown errors are NOT
 * passed through verbatim: their message may carry data we never want to show (paths, secrets).
 */
export function toShape(error: unknown): AppErrorShape {
  if (error instanceof AppError) return error.toShape();
  return {
    code: ErrorCode.Internal,
    message: 'An unexpected internal error occurred.',
    remediation: 'Retry the operation. If it happens again, export the log file and report it.',
  };
}
