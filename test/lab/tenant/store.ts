/**
 * Lookups and mutations over the tenant state, with persistence after each change, and the
 * refresh-token grants (stored by hash; rotated on every use; revoked per user).
 * Users by source anchor and by UPN are indexed (a 100,000-user benchmark would otherwise scan
 * the list twice per upsert and once per credential): users are only ever appended to
 * state.users (indexed on the next lookup), and a synced user's UPN or anchor changes only
 * through updateUser().
 */
import { createHash, randomBytes } from 'node:crypto';
import { AAD, type AadError } from './aad-errors.ts';
import {
  ROLE_GLOBAL_ADMIN,
  ROLE_HYBRID_IDENTITY_ADMIN,
  saveState,
  type EmulatorUser,
  type RefreshGrant,
  type TenantState,
} from './state.ts';

const RESERVED_TENANTS: ReadonlySet<string> = new Set(['organizations', 'common']);

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class TenantStore {
  readonly state: TenantState;
  readonly #file: string | undefined;
  readonly #byAnchor = new Map<string, EmulatorUser>();
  readonly #byUpn = new Map<string, EmulatorUser>();
  #indexed = 0;

  constructor(state: TenantState, file: string | undefined) {
    this.state = state;
    this.#file = file;
  }

  /** Call after every mutation: rewrites the state file when there is one. */
  changed(): void {
    if (this.#file !== undefined) saveState(this.#file, this.state);
  }

  userByUpn(upn: string): EmulatorUser | undefined {
    const wanted = upn.trim().toLowerCase();
    this.#indexNew();
    const user = this.#byUpn.get(wanted);
    if (user === undefined || user.userPrincipalName.toLowerCase() === wanted) return user;
    return this.#reindexed().#byUpn.get(wanted);
  }

  userById(id: string): EmulatorUser | undefined {
    return this.state.users.find((u) => u.id === id);
  }

  userByAnchor(anchor: string): EmulatorUser | undefined {
    this.#indexNew();
    const user = this.#byAnchor.get(anchor);
    if (user === undefined || user.onPremisesImmutableId === anchor) return user;
    return this.#reindexed().#byAnchor.get(anchor);
  }

  /** Changes a user's fields (UPN included) and keeps the indexes right. */
  updateUser(user: EmulatorUser, fields: Partial<Pick<EmulatorUser, 'userPrincipalName' | 'displayName' | 'accountEnabled'>>): void {
    const before = user.userPrincipalName.toLowerCase();
    Object.assign(user, fields);
    if (user.userPrincipalName.toLowerCase() !== before) this.#reindexed();
  }

  /** Indexes the users appended since the last lookup; the first user with a key wins, as a scan would find it. */
  #indexNew(): void {
    const users = this.state.users;
    if (this.#indexed > users.length) this.#reindexed();
    for (; this.#indexed < users.length; this.#indexed++) {
      const u = users[this.#indexed]!;
      const upn = u.userPrincipalName.toLowerCase();
      if (!this.#byUpn.has(upn)) this.#byUpn.set(upn, u);
      const anchor = u.onPremisesImmutableId;
      if (anchor !== null && !this.#byAnchor.has(anchor)) this.#byAnchor.set(anchor, u);
    }
  }

  #reindexed(): this {
    this.#byAnchor.clear();
    this.#byUpn.clear();
    this.#indexed = 0;
    this.#indexNew();
    return this;
  }

  isAdmin(user: EmulatorUser): boolean {
    return user.roles.includes(ROLE_GLOBAL_ADMIN) || user.roles.includes(ROLE_HYBRID_IDENTITY_ADMIN);
  }

  isVerifiedDomain(upn: string): boolean {
    const domain = upn.slice(upn.lastIndexOf('@') + 1).toLowerCase();
    return this.state.domains.some((d) => d.isVerified && d.name.toLowerCase() === domain);
  }

  /** True when an authority path segment names this tenant (id, verified domain, or multi-tenant alias). */
  knowsTenant(segment: string): boolean {
    const s = segment.toLowerCase();
    return (
      RESERVED_TENANTS.has(s) ||
      s === this.state.tenantId ||
      this.state.domains.some((d) => d.isVerified && d.name === s)
    );
  }

  newRefreshToken(userId: string, scopes: readonly string[], lifetimeSeconds: number): string {
    const token = `0.emu.${randomBytes(48).toString('base64url')}`;
    this.state.refreshGrants[tokenHash(token)] = {
      userId,
      scopes: [...scopes],
      expiresAt: Date.now() + lifetimeSeconds * 1000,
      revoked: false,
    };
    this.pruneGrants();
    this.changed();
    return token;
  }

  /** The grant behind a refresh token, or the Entra error for an unknown, expired or revoked one. */
  refreshGrant(token: string): RefreshGrant | AadError {
    const grant = this.state.refreshGrants[tokenHash(token)];
    if (grant === undefined) return AAD.badGrant();
    if (grant.revoked) return AAD.refreshRevoked();
    if (grant.expiresAt <= Date.now()) return AAD.refreshExpired();
    return grant;
  }

  /** Like Graph's revokeSignInSessions: every refresh token of the user stops working. */
  revokeSessions(userId: string): number {
    let n = 0;
    for (const grant of Object.values(this.state.refreshGrants)) {
      if (grant.userId === userId && !grant.revoked) {
        grant.revoked = true;
        n++;
      }
    }
    this.changed();
    return n;
  }

  private pruneGrants(): void {
    const horizon = Date.now() - 86_400_000;
    this.state.refreshGrants = Object.fromEntries(Object.entries(this.state.refreshGrants).filter(([, g]) => g.expiresAt >= horizon));
  }
}
