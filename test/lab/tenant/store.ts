/**
 * Lookups and mutations over the tenant state, with persistence after each change, and the
 * refresh-token grants (stored by hash; rotated on every use; revoked per user).
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
    return this.state.users.find((u) => u.userPrincipalName.toLowerCase() === wanted);
  }

  userById(id: string): EmulatorUser | undefined {
    return this.state.users.find((u) => u.id === id);
  }

  userByAnchor(anchor: string): EmulatorUser | undefined {
    return this.state.users.find((u) => u.onPremisesImmutableId === anchor);
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
