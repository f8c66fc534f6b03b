import { AuthError, ClientAuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import { mapAuthError } from '../../../electron/tenant/auth-errors.ts';
import { MsalNetwork } from '../../../electron/tenant/msal-network.ts';
import { silentLogger } from '../../../shared/logger.ts';
import type { HttpsClient } from '../../../electron/tenant/https-client.ts';

const server = (error: string, aadsts: number, suberror?: string): ServerError =>
  new ServerError(error, 'corr', `AADSTS${aadsts}: something happened. Trace ID: x`, suberror, String(aadsts));

describe('mapping identity-platform errors to named errors', () => {
  it.each([
    [server('invalid_grant', 50126), ErrorCode.TenantSignInFailed],
    [server('invalid_grant', 50034), ErrorCode.TenantSignInFailed],
    [server('invalid_grant', 65001, 'consent_required'), ErrorCode.TenantConsentRequired],
    [new InteractionRequiredAuthError('interaction_required', 'c', 'AADSTS50076: MFA', 'basic_action', '', '', '', '50076'), ErrorCode.TenantInteractionRequired],
    [server('interaction_required', 50079), ErrorCode.TenantInteractionRequired],
    [server('invalid_tenant', 90002), ErrorCode.TenantWrongTenant],
    [server('unauthorized_client', 700016), ErrorCode.TenantAppNotFound],
    [server('invalid_grant', 70008), ErrorCode.TenantInvalidGrant],
    [server('invalid_grant', 700082), ErrorCode.TenantInvalidGrant],
    [server('invalid_grant', 50173), ErrorCode.TenantInvalidGrant],
    [new ClientAuthError('no_tokens_found', ''), ErrorCode.TenantNotSignedIn],
    [new AuthError('device_code_polling_cancelled', 'x'), ErrorCode.Cancelled],
  ])('%s → %s', (error, code) => {
    const mapped = mapAuthError(error);
    expect(mapped.code).toBe(code);
    expect(mapped.remediation.length).toBeGreaterThan(10);
    expect(mapped.message).not.toContain('Trace ID');
  });

  it('reads the AADSTS code from the description when MSAL did not set errorNo', () => {
    expect(mapAuthError(new ServerError('invalid_grant', 'c', 'AADSTS65001: no consent')).code).toBe(ErrorCode.TenantConsentRequired);
  });

  it('explains a bare network_error with what the network module saw', () => {
    const network = new MsalNetwork({} as HttpsClient, silentLogger);
    network.lastFailure = new AppError(ErrorCode.TenantTls, 'untrusted', 'set caFile');
    expect(mapAuthError(new ClientAuthError('network_error', ''), network).code).toBe(ErrorCode.TenantTls);
    network.reset();
    network.lastErrorReply = { status: 400, error: 'invalid_tenant', codes: [90002] };
    expect(mapAuthError(new ClientAuthError('endpoints_resolution_error', ''), network).code).toBe(ErrorCode.TenantWrongTenant);
  });

  it('passes AppErrors through and never shows an unknown error verbatim', () => {
    const own = new AppError(ErrorCode.Timeout, 'slow', 'retry');
    expect(mapAuthError(own)).toBe(own);
    const mapped = mapAuthError(new Error('secret token eyJabc in message'));
    expect(mapped.code).toBe(ErrorCode.TenantSignInFailed);
    expect(mapped.message).not.toContain('eyJ');
  });
});
