/**
 * What the product reads and sets in the tenant through Graph: organisation (id, name, verified
 * domains, onPremisesSyncEnabled), domains, the signed-in user and their admin roles, the
 * onPremisesSynchronization features, and synced users (upsert by source anchor). Replies are
 * validated before use.
 */
import { z } from 'zod';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import type { GraphClient } from './graph-client.ts';

export const ROLE_GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';
export const ROLE_HYBRID_IDENTITY_ADMINISTRATOR = '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2';

const organization = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  verifiedDomains: z.array(z.object({ name: z.string(), isDefault: z.boolean().nullish(), isInitial: z.boolean().nullish() })).default([]),
  onPremisesSyncEnabled: z.boolean().nullable().default(null),
  onPremisesLastSyncDateTime: z.string().nullable().default(null),
  onPremisesLastPasswordSyncDateTime: z.string().nullable().default(null),
});
const domain = z.object({ id: z.string(), isVerified: z.boolean(), isDefault: z.boolean(), isInitial: z.boolean(), authenticationType: z.string().optional() });
const me = z.object({ id: z.string(), userPrincipalName: z.string(), displayName: z.string().nullable() });
const memberOf = z.object({ '@odata.type': z.string().optional(), roleTemplateId: z.string().optional() });
const features = z.object({
  passwordSyncEnabled: z.boolean(),
  cloudPasswordPolicyForPasswordSyncedUsersEnabled: z.boolean(),
  userForcePasswordChangeOnLogonEnabled: z.boolean(),
});
const synchronization = z.object({ id: z.string(), features });
const user = z.object({
  id: z.string(), userPrincipalName: z.string(), displayName: z.string().nullable(),
  accountEnabled: z.boolean().nullish(), onPremisesImmutableId: z.string().nullish(),
});

export type Organization = z.infer<typeof organization>;
export type Domain = z.infer<typeof domain>;
export type Me = z.infer<typeof me>;
export type SyncFeatures = z.infer<typeof features>;
export type DirectoryUser = z.infer<typeof user>;

export interface AdminRoles {
  readonly globalAdministrator: boolean;
  readonly hybridIdentityAdministrator: boolean;
  readonly isAdmin: boolean;
}

export interface SyncedUser {
  readonly sourceAnchor: string;
  readonly userPrincipalName: string;
  readonly displayName: string;
  readonly accountEnabled: boolean;
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new AppError(ErrorCode.TenantRequestFailed, `Graph sent an unexpected ${what}.`, 'Check graphBaseUrl in the tenant file; if it is right, report it.');
  return r.data;
}

export class TenantDirectory {
  readonly #graph: GraphClient;

  constructor(graph: GraphClient) {
    this.#graph = graph;
  }

  async organization(): Promise<Organization> {
    const [org] = parse(z.array(organization).min(1), (await this.#graph.get('/v1.0/organization') as { value?: unknown }).value, 'organization');
    return org!;
  }

  async setOnPremisesSyncEnabled(enabled: boolean): Promise<void> {
    const org = await this.organization();
    await this.#graph.call('PATCH', `/v1.0/organization/${encodeURIComponent(org.id)}`, { onPremisesSyncEnabled: enabled });
  }

  async verifiedDomains(): Promise<Domain[]> {
    return parse(z.array(domain), await this.#graph.getAll('/v1.0/domains'), 'domain list').filter((d) => d.isVerified);
  }

  async me(): Promise<Me> {
    return parse(me, await this.#graph.get('/v1.0/me'), 'user');
  }

  async adminRoles(): Promise<AdminRoles> {
    const groups = parse(z.array(memberOf), await this.#graph.getAll('/v1.0/me/memberOf'), 'membership list');
    const ids = new Set(groups.filter((g) => g['@odata.type'] === '#microsoft.graph.directoryRole').map((g) => g.roleTemplateId));
    const globalAdministrator = ids.has(ROLE_GLOBAL_ADMINISTRATOR);
    const hybridIdentityAdministrator = ids.has(ROLE_HYBRID_IDENTITY_ADMINISTRATOR);
    return { globalAdministrator, hybridIdentityAdministrator, isAdmin: globalAdministrator || hybridIdentityAdministrator };
  }

  /** The roles, or TenantNotAdmin when the signed-in user holds neither admin role. */
  async requireAdmin(): Promise<AdminRoles> {
    const roles = await this.adminRoles();
    if (!roles.isAdmin) {
      throw new AppError(ErrorCode.TenantNotAdmin, 'The signed-in account is neither Global Administrator nor Hybrid Identity Administrator.',
        'Sign in with an account that holds one of these roles (Entra admin center → Roles and administrators).');
    }
    return roles;
  }

  async syncSettings(): Promise<{ id: string; features: SyncFeatures }> {
    const list = parse(z.array(synchronization).min(1), (await this.#graph.get('/v1.0/directory/onPremisesSynchronization') as { value?: unknown }).value, 'synchronization settings');
    return list[0]!;
  }

  async setSyncFeatures(patch: Partial<SyncFeatures>): Promise<void> {
    const { id } = await this.syncSettings();
    await this.#graph.call('PATCH', `/v1.0/directory/onPremisesSynchronization/${encodeURIComponent(id)}`, { features: patch });
  }

  async users(): Promise<DirectoryUser[]> {
    return parse(z.array(user), await this.#graph.getAll('/v1.0/users'), 'user list');
  }

  /** Creates or updates the synced user with this source anchor; says which. */
  async upsertSyncedUser(u: SyncedUser): Promise<'created' | 'updated'> {
    const key = encodeURIComponent(u.sourceAnchor.replace(/'/g, "''"));
    const body = await this.#graph.call('PATCH', `/v1.0/users(onPremisesImmutableId='${key}')`, {
      userPrincipalName: u.userPrincipalName, displayName: u.displayName, accountEnabled: u.accountEnabled,
    });
    return body === undefined ? 'updated' : 'created';
  }
}
