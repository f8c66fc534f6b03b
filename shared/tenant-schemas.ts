/**
 * What the wizard's Microsoft Entra step exchanges with main: where the tenant is (the
 * "Advanced: tenant endpoint" settings, Microsoft's public cloud by default), who is signed in and
 * with which roles, and the UPN suffix table. Tokens never appear here.
 */
import { z } from 'zod';

/** Microsoft's public cloud; the same defaults as electron/tenant/config.ts. */
export const PUBLIC_CLOUD_ENDPOINT = {
  authority: 'https://login.microsoftonline.com/organizations',
  clientId: '14d82eec-204b-4c2f-b7e8-296a70dab67e',
  tenantId: '',
  graphBaseUrl: 'https://graph.microsoft.com',
  credentialsUrl: '',
  caFile: '',
} as const;

/** Empty strings mean "not set". */
export const tenantEndpointSchema = z.strictObject({
  authority: z.string().max(2048),
  clientId: z.string().max(64),
  tenantId: z.string().max(64),
  graphBaseUrl: z.string().max(2048),
  credentialsUrl: z.string().max(2048),
  caFile: z.string().max(4096),
});
export type TenantEndpoint = z.infer<typeof tenantEndpointSchema>;

export const signInMethodSchema = z.enum(['browser', 'deviceCode']);
export type SignInMethod = z.infer<typeof signInMethodSchema>;

export const upnSuffixStatusSchema = z.enum(['verified', 'notVerified', 'missing']);
export type UpnSuffixStatus = z.infer<typeof upnSuffixStatusSchema>;

export const upnSuffixRowSchema = z.strictObject({
  suffix: z.string(),
  status: upnSuffixStatusSchema,
  /** A verified parent domain that covers this suffix (a subdomain is verified with its parent). */
  verifiedVia: z.string().nullable(),
});
export type UpnSuffixRow = z.infer<typeof upnSuffixRowSchema>;

export const syncFeaturesViewSchema = z.strictObject({
  passwordSyncEnabled: z.boolean(),
  cloudPasswordPolicyForPasswordSyncedUsersEnabled: z.boolean(),
  userForcePasswordChangeOnLogonEnabled: z.boolean(),
});

export const tenantViewSchema = z.strictObject({
  tenantId: z.string(),
  tenantName: z.string(),
  account: z.strictObject({ username: z.string(), name: z.string().nullable() }),
  roles: z.strictObject({
    globalAdministrator: z.boolean(),
    hybridIdentityAdministrator: z.boolean(),
    isAdmin: z.boolean(),
  }),
  directorySyncEnabled: z.boolean().nullable(),
  /** Null when the account may not read them (no admin role). */
  features: syncFeaturesViewSchema.nullable(),
  domains: z.array(z.strictObject({ name: z.string(), isVerified: z.boolean(), isDefault: z.boolean() })),
  /** Null until the Active Directory step has discovered the forest's UPN suffixes. */
  upnSuffixes: z.array(upnSuffixRowSchema).nullable(),
});
export type TenantView = z.infer<typeof tenantViewSchema>;

export const deviceCodeEventSchema = z.strictObject({
  opId: z.string(),
  userCode: z.string().max(64),
  verificationUri: z.string().max(2048),
  expiresInSeconds: z.number().int().nonnegative(),
});
