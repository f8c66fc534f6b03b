/**
 * Error replies shaped like Microsoft Entra's: `error`, `error_description` starting with the
 * AADSTS code, `error_codes`, `suberror`, trace and correlation ids. MSAL parses exactly these.
 */
import { randomUUID } from 'node:crypto';

export interface AadError {
  readonly status: number;
  readonly error: string;
  readonly code: number;
  readonly description: string;
  readonly suberror?: string;
}

function aad(status: number, error: string, code: number, description: string, suberror?: string): AadError {
  return suberror === undefined
    ? { status, error, code, description }
    : { status, error, code, description, suberror };
}

export const AAD = {
  badPassword: () =>
    aad(400, 'invalid_grant', 50126, 'Error validating credentials due to invalid username or password.'),
  unknownUser: (tenantId: string) =>
    aad(
      400,
      'invalid_grant',
      50034,
      `The user account {EUII Hidden} does not exist in the ${tenantId} directory.`,
    ),
  disabled: () => aad(400, 'invalid_grant', 50057, 'The user account is disabled.'),
  mfaRequired: (resource: string) =>
    aad(
      400,
      'interaction_required',
      50076,
      `Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '${resource}'.`,
      'basic_action',
    ),
  consentRequired: (clientId: string) =>
    aad(
      400,
      'invalid_grant',
      65001,
      `The user or administrator has not consented to use the application with ID '${clientId}'. Send an interactive authorization request for this user and resource.`,
      'consent_required',
    ),
  passwordExpired: () =>
    aad(400, 'invalid_grant', 50055, 'The password is expired.', 'user_password_expired'),
  tenantNotFound: (tenant: string) =>
    aad(
      400,
      'invalid_tenant',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    ),
  appNotFound: (clientId: string, tenantId: string) =>
    aad(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenantId}'.`,
    ),
  redirectMismatch: () =>
    aad(
      400,
      'invalid_request',
      50011,
      'The redirect URI specified in the request does not match the redirect URIs configured for the application.',
    ),
  refreshExpired: () => aad(400, 'invalid_grant', 700082, 'The refresh token has expired due to inactivity.'),
  refreshRevoked: () =>
    aad(
      400,
      'invalid_grant',
      50173,
      'The provided grant has expired due to it being revoked, a fresh auth token is needed.',
    ),
  badGrant: () =>
    aad(
      400,
      'invalid_grant',
      70008,
      'The provided authorization code or refresh token has expired due to inactivity.',
    ),
  codeRedeemed: () =>
    aad(
      400,
      'invalid_grant',
      54005,
      'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
    ),
  pkceMismatch: () =>
    aad(
      400,
      'invalid_grant',
      50148,
      'The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.',
    ),
  pending: () =>
    aad(
      400,
      'authorization_pending',
      70016,
      'OAuth 2.0 device flow error. Authorization is pending. Continue polling.',
    ),
  deviceExpired: () =>
    aad(
      400,
      'expired_token',
      70020,
      "The provided value for the input parameter 'device_code' is not valid. This device code has expired.",
    ),
  declined: () => aad(400, 'authorization_declined', 70019, 'Verification code expired or was declined.'),
  badRequest: (what: string) => aad(400, 'invalid_request', 900144, what),
  unsupportedGrant: (grant: string) =>
    aad(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant}'.`),
} as const;

/** The JSON body Entra returns for `e` (descriptions carry the AADSTS prefix and trailing ids). */
export function aadErrorBody(e: AadError): Record<string, unknown> {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return {
    error: e.error,
    error_description: `AADSTS${e.code}: ${e.description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [e.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${e.code}`,
    ...(e.suberror === undefined ? {} : { suberror: e.suberror }),
  };
}
