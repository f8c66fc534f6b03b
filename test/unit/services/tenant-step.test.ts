import { describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../../shared/logger.ts';
import { PushQueue } from '../../../electron/services/push-queue.ts';
import { applyTenantFeatures } from '../../../electron/services/tenant-apply.ts';
import { tenantConfigOf, TenantStep } from '../../../electron/services/tenant-step.ts';
import type { TenantConfig } from '../../../electron/tenant/config.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import { PUBLIC_CLOUD_ENDPOINT } from '../../../shared/tenant-schemas.ts';
import { DEFAULT_PHS_OPTIONS } from '../../../shared/wizard-schemas.ts';
import { fakeTenant, type FakeTenant } from './fakes.ts';

const log = createLogger({ process: 'test', sinks: [memorySink()] });

function setup(suffixes: readonly string[] | null = ['corp.example.com', 'example.org', 'corp.local']) {
  const tenant = fakeTenant();
  const configs: TenantConfig[] = [];
  const pushes = new PushQueue(log);
  const pushed: { channel: string; payload: unknown }[] = [];
  pushes.ready((channel, payload) => pushed.push({ channel, payload }));
  const opened: string[] = [];
  const forgotten: number[] = [];
  const step = new TenantStep({
    endpoint: () => ({ ...PUBLIC_CLOUD_ENDPOINT }),
    connect: (config) => {
      configs.push(config);
      return tenant;
    },
    forgetSignIns: () => void forgotten.push(configs.length),
    openBrowser: async (url) => void opened.push(url),
    adUpnSuffixes: () => suffixes,
    pushes,
    log,
  });
  return { tenant, step, configs, pushed, opened, forgotten };
}

describe('the Microsoft Entra step in main', () => {
  it('maps the endpoint settings to a tenant config: empty fields are not set', () => {
    expect(tenantConfigOf({ ...PUBLIC_CLOUD_ENDPOINT })).toEqual({
      authority: 'https://login.microsoftonline.com/organizations',
      clientId: PUBLIC_CLOUD_ENDPOINT.clientId,
      graphBaseUrl: 'https://graph.microsoft.com',
    });
    expect(
      tenantConfigOf({
        ...PUBLIC_CLOUD_ENDPOINT,
        caFile: ' /ca.pem ',
        tenantId: '44439021-37ea-415b-a926-0aba84f60108',
      }),
    ).toMatchObject({ caFile: '/ca.pem', tenantId: '44439021-37ea-415b-a926-0aba84f60108' });
    expect(() => tenantConfigOf({ ...PUBLIC_CLOUD_ENDPOINT, authority: 'http://insecure' })).toThrow(
      expect.objectContaining({ code: ErrorCode.TenantConfigInvalid }),
    );
  });

  it('is signed out until a sign-in in the system browser; then shows tenant, admin, roles and the UPN table', async () => {
    const { step, opened } = setup();
    expect(await step.status()).toBeNull();
    const view = await step.signIn('op-00000001', 'browser', new AbortController().signal);
    expect(opened).toEqual(['https://login.example/authorize']);
    expect(view).toEqual({
      tenantId: 'tenant-id',
      tenantName: 'Contoso',
      account: { username: 'admin@contoso.onmicrosoft.com', name: 'Admin' },
      roles: { globalAdministrator: true, hybridIdentityAdministrator: false, isAdmin: true },
      directorySyncEnabled: false,
      features: {
        passwordSyncEnabled: false,
        cloudPasswordPolicyForPasswordSyncedUsersEnabled: false,
        userForcePasswordChangeOnLogonEnabled: false,
      },
      domains: [
        { name: 'contoso.onmicrosoft.com', isVerified: true, isDefault: false },
        { name: 'corp.example.com', isVerified: true, isDefault: true },
        { name: 'example.org', isVerified: false, isDefault: false },
      ],
      upnSuffixes: [
        { suffix: 'corp.example.com', status: 'verified', verifiedVia: null },
        { suffix: 'example.org', status: 'notVerified', verifiedVia: null },
        { suffix: 'corp.local', status: 'missing', verifiedVia: null },
      ],
    });
    expect(await step.status()).toMatchObject({ tenantName: 'Contoso' });
  });

  it('pushes the device code and opens only the page the sign-in received', async () => {
    const { step, pushed, opened } = setup(null);
    await expect(step.openVerificationPage('op-00000002')).rejects.toMatchObject({
      code: ErrorCode.InvalidArgument,
    });
    const signingIn = step.signIn('op-00000002', 'deviceCode', new AbortController().signal);
    await expect
      .poll(() => pushed)
      .toEqual([
        {
          channel: 'tenant:deviceCode',
          payload: {
            opId: 'op-00000002',
            userCode: 'ABCD1234',
            verificationUri: 'https://microsoft.com/devicelogin',
            expiresInSeconds: 900,
          },
        },
      ]);
    await step.openVerificationPage('op-00000002');
    expect(opened).toEqual(['https://microsoft.com/devicelogin']);
    expect((await signingIn).upnSuffixes).toBeNull();
    await expect(step.openVerificationPage('op-00000002')).rejects.toMatchObject({
      code: ErrorCode.InvalidArgument,
    });
  });

  it('opens no device-code page that is not https, whatever the authority answered', async () => {
    const { step, tenant, opened } = setup(null);
    tenant.verificationUri = 'file:///etc/passwd';
    const signingIn = step.signIn('op-00000003', 'deviceCode', new AbortController().signal);
    await new Promise((r) => setTimeout(r, 5));
    await expect(step.openVerificationPage('op-00000003')).rejects.toMatchObject({
      code: ErrorCode.UrlNotAllowed,
    });
    expect(opened).toEqual([]);
    await signingIn;
  });

  it('reads no sync settings for an account without an admin role', async () => {
    const { step, tenant } = setup();
    tenant.admin = false;
    tenant.signedIn = true;
    expect(await step.status()).toMatchObject({ roles: { isAdmin: false }, features: null });
  });

  it('connects anew after a reset, keeping the saved sign-in; forgets it when the endpoint changed', async () => {
    const { step, configs, forgotten } = setup();
    await step.status();
    await step.status();
    step.reset();
    await step.status();
    expect(configs).toHaveLength(2);
    expect(forgotten).toEqual([]);
    step.endpointChanged();
    expect(forgotten).toEqual([2]);
    await step.status();
    expect(configs).toHaveLength(3);
  });
});

describe('applying the tenant features at Configure', () => {
  const apply = (tenant: FakeTenant, options = {}) =>
    applyTenantFeatures(tenant, { ...DEFAULT_PHS_OPTIONS, ...options });

  it('turns on directory sync and the chosen features, writing only what differs', async () => {
    const tenant = fakeTenant();
    expect(await apply(tenant, { enforceCloudPasswordPolicy: true })).toEqual([
      'Turned on directory synchronization for the tenant.',
      'Turned on password hash synchronization.',
      'Turned on the cloud password policy for synchronized users.',
    ]);
    expect(tenant.patches).toEqual([
      { onPremisesSyncEnabled: true },
      { features: { passwordSyncEnabled: true, cloudPasswordPolicyForPasswordSyncedUsersEnabled: true } },
    ]);
    expect(await apply(tenant, { enforceCloudPasswordPolicy: true })).toEqual([]);
    expect(tenant.patches).toHaveLength(2);
    expect(await apply(tenant)).toEqual(['Turned off the cloud password policy for synchronized users.']);
  });

  it('changes nothing in staging mode or with password hash sync off', async () => {
    const tenant = fakeTenant();
    expect(await apply(tenant, { stagingMode: true })).toEqual([]);
    expect(await apply(tenant, { enabled: false })).toEqual([]);
    expect(tenant.patches).toEqual([]);
  });

  it('refuses for an account without an admin role, before writing anything', async () => {
    const tenant = fakeTenant();
    tenant.admin = false;
    await expect(apply(tenant)).rejects.toMatchObject({ code: ErrorCode.TenantNotAdmin });
    expect(tenant.patches).toEqual([]);
  });
});
