/**
 * From what MSAL and the identity platform say to a named error with a remediation. The AADSTS
 * number decides first (from MSAL's errorNo, the description, or the reply the network module
 * saw); MSAL's own error codes next. Messages never quote tokens, passwords or raw replies.
 */
import { AuthError } from '@azure/msal-node';
import { AppError, CancelledError, ErrorCode } from '../../shared/errors.ts';
import type { MsalNetwork } from './msal-network.ts';

type Made = (aadsts: number) => AppError;

const signInAgain = 'Sign in again: phs tenant login (or "Sign in" in the app).';

const BY_AADSTS: ReadonlyMap<number, Made> = new Map<number, Made>([
  ...[50126, 50034].map((n): [number, Made] => [n, (c) => new AppError(ErrorCode.TenantSignInFailed, `The user name or password is incorrect (AADSTS${c}).`, 'Check the user principal name and password and try again.')]),
  [50057, (c) => new AppError(ErrorCode.TenantSignInFailed, `The account is disabled (AADSTS${c}).`, 'Enable the account in Entra ID or use another administrator.')],
  [50053, (c) => new AppError(ErrorCode.TenantSignInFailed, `The account is locked after too many attempts (AADSTS${c}).`, 'Wait for the lockout to end, then try again.')],
  ...[65001, 90094, 90008].map((n): [number, Made] => [n, (c) => new AppError(ErrorCode.TenantConsentRequired, `The app has no consent for the permissions it needs in this tenant (AADSTS${c}).`,
    'A Global Administrator grants admin consent (Entra admin center → Enterprise applications → the app → Permissions), or signs in interactively once and accepts.')]),
  ...[50076, 50079, 50074, 50158, 53003, 50055].map((n): [number, Made] => [n, (c) => new AppError(ErrorCode.TenantInteractionRequired,
    c === 50055 ? `The password has expired and must be changed (AADSTS${c}).` : `The tenant requires multi-factor authentication or another Conditional Access step (AADSTS${c}).`,
    'Sign in interactively (browser) or with a device code, where the extra step can be completed.')]),
  ...[90002, 50020, 90072].map((n): [number, Made] => [n, (c) => new AppError(ErrorCode.TenantWrongTenant, `The tenant was not found, or the account belongs to another tenant (AADSTS${c}).`,
    'Check the authority and tenantId in the tenant file and sign in with an account of that tenant.')]),
  [700016, (c) => new AppError(ErrorCode.TenantAppNotFound, `The app registration (client id) does not exist in this tenant (AADSTS${c}).`,
    'Check clientId in the tenant file, or create the app registration (see the README: public client, redirect URI http://localhost).')],
  ...[70008, 700082, 50173, 70000, 54005, 50148, 700084, 9002313].map((n): [number, Made] => [n, (c) => new AppError(ErrorCode.TenantInvalidGrant,
    `The saved sign-in is no longer valid: expired, revoked or already used (AADSTS${c}).`, signInAgain)]),
  [70020, (c) => new AppError(ErrorCode.TenantSignInFailed, `The device code expired before sign-in completed (AADSTS${c}).`, 'Start the sign-in again and enter the code within its lifetime.')],
  [70019, (c) => new AppError(ErrorCode.TenantSignInFailed, `The device sign-in was declined or blocked (AADSTS${c}).`, 'Start the sign-in again; complete any extra step the tenant asks for.')],
]);

function aadstsOf(error: AuthError, network: MsalNetwork | undefined): number | undefined {
  const errorNo = 'errorNo' in error ? Number(error.errorNo) : Number.NaN;
  if (Number.isInteger(errorNo) && errorNo > 0) return errorNo;
  const m = /AADSTS(\d+)/.exec(`${error.errorMessage} ${error.message}`);
  if (m) return Number(m[1]);
  return network?.lastErrorReply?.codes[0];
}

function byMsalCode(error: AuthError, network: MsalNetwork | undefined): AppError | undefined {
  switch (error.errorCode) {
    case 'network_error':
    case 'endpoints_resolution_error':
    case 'openid_config_error':
    case 'untrusted_authority':
      return network?.lastFailure ?? new AppError(ErrorCode.TenantUnavailable, 'The identity platform could not be reached or did not describe the authority.',
        'Check the authority URL in the tenant file and the network connection.');
    case 'issuer_validation_failed':
      return new AppError(ErrorCode.TenantConfigInvalid, 'The authority announced an issuer on another host.', 'Check the authority URL in the tenant file.');
    case 'device_code_expired':
      return BY_AADSTS.get(70020)!(70020);
    case 'device_code_polling_cancelled':
      return new CancelledError('The device-code sign-in was cancelled.');
    case 'user_timeout_reached':
      return new AppError(ErrorCode.Timeout, 'Nobody completed the sign-in in time.', 'Start the sign-in again.');
    case 'no_tokens_found':
    case 'no_account_found':
    case 'no_account_in_silent_request':
    case 'refresh_token_expired':
    case 'login_required':
    case 'interaction_required':
      return new AppError(ErrorCode.TenantNotSignedIn, 'There is no valid saved sign-in for this tenant.', signInAgain);
    case 'invalid_grant':
      return new AppError(ErrorCode.TenantInvalidGrant, 'The saved sign-in is no longer valid.', signInAgain);
    case 'state_mismatch':
    case 'nonce_mismatch':
      return new AppError(ErrorCode.TenantSignInFailed, 'The sign-in reply did not match the request (state or nonce).', 'Start the sign-in again; close other sign-in tabs.');
    default:
      return undefined;
  }
}

/** Turns anything a sign-in or token call threw into an AppError. */
export function mapAuthError(error: unknown, network?: MsalNetwork): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof AuthError) {
    const aadsts = aadstsOf(error, network);
    const made = aadsts === undefined ? undefined : BY_AADSTS.get(aadsts);
    if (made !== undefined && aadsts !== undefined) return made(aadsts);
    const known = byMsalCode(error, network);
    if (known !== undefined) return known;
    const detail = aadsts === undefined ? error.errorCode : `AADSTS${aadsts}`;
    return new AppError(ErrorCode.TenantSignInFailed, `Sign-in failed (${detail}).`, 'Try again; if it persists, export the log and report it.', { cause: error });
  }
  return new AppError(ErrorCode.TenantSignInFailed, 'Sign-in failed unexpectedly.', 'Try again; if it persists, export the log and report it.', { cause: error });
}
