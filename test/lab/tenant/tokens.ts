/**
 * RS256 tokens with jose: ID tokens for the app (aud = client id) and access tokens for the
 * Graph resource (aud = https://graph.microsoft.com), both issued by `<base>/<tenant>/v2.0`,
 * with tid, oid, preferred_username, scp and wids (directory role template ids) as Entra sets them.
 */
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { exportJWK, jwtVerify, SignJWT, type JWK } from 'jose';
import type { EmulatorUser, TenantState } from './state.ts';

export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const OIDC_SCOPES: ReadonlySet<string> = new Set(['openid', 'profile', 'offline_access', 'email']);
export const GRAPH_PERMISSIONS: readonly string[] = [
  'User.Read',
  'User.ReadWrite.All',
  'Organization.Read.All',
  'Organization.ReadWrite.All',
  'Domain.Read.All',
  'Directory.Read.All',
  'OnPremDirectorySynchronization.Read.All',
  'OnPremDirectorySynchronization.ReadWrite.All',
];

export interface Lifetimes {
  readonly accessTokenSeconds: number;
  readonly refreshTokenSeconds: number;
}

export interface VerifiedAccess {
  readonly oid: string;
  readonly scopes: readonly string[];
}

/** Graph permission names from requested scopes (bare names and `<graph>/Name` both mean Graph). */
export function graphPermissions(requested: readonly string[]): string[] | undefined {
  const out = new Set<string>();
  for (const scope of requested) {
    if (OIDC_SCOPES.has(scope)) continue;
    const name = scope.startsWith(`${GRAPH_RESOURCE}/`) ? scope.slice(GRAPH_RESOURCE.length + 1) : scope;
    if (name === '.default') GRAPH_PERMISSIONS.forEach((p) => out.add(p));
    else if (GRAPH_PERMISSIONS.includes(name)) out.add(name);
    else return undefined;
  }
  return [...out];
}

export class TokenIssuer {
  readonly #state: TenantState;
  readonly #privateKey: KeyObject;
  readonly #publicKey: KeyObject;
  readonly #issuer: string;
  lifetimes: Lifetimes;

  constructor(state: TenantState, baseUrl: string, lifetimes: Lifetimes) {
    this.#state = state;
    this.#privateKey = createPrivateKey(state.signingKeyPkcs8);
    this.#publicKey = createPublicKey(this.#privateKey);
    this.#issuer = `${baseUrl}/${state.tenantId}/v2.0`;
    this.lifetimes = lifetimes;
  }

  get issuer(): string {
    return this.#issuer;
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    const jwk = await exportJWK(this.#publicKey);
    return {
      keys: [{ ...jwk, kid: this.#state.signingKid, use: 'sig', alg: 'RS256', x5t: this.#state.signingKid }],
    };
  }

  #sign(
    claims: Record<string, unknown>,
    audience: string,
    subject: string,
    seconds: number,
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...claims, tid: this.#state.tenantId, ver: '2.0' })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.#state.signingKid })
      .setIssuer(this.#issuer)
      .setAudience(audience)
      .setSubject(subject)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + seconds)
      .sign(this.#privateKey);
  }

  #pairwiseSubject(user: EmulatorUser): string {
    return createHash('sha256').update(`${user.id}:${this.#state.clientId}`).digest('base64url').slice(0, 43);
  }

  idToken(user: EmulatorUser, nonce: string | undefined): Promise<string> {
    const claims = {
      oid: user.id,
      preferred_username: user.userPrincipalName,
      name: user.displayName,
      ...(nonce ? { nonce } : {}),
    };
    return this.#sign(
      claims,
      this.#state.clientId,
      this.#pairwiseSubject(user),
      this.lifetimes.accessTokenSeconds,
    );
  }

  accessToken(user: EmulatorUser, permissions: readonly string[]): Promise<string> {
    const claims = {
      oid: user.id,
      upn: user.userPrincipalName,
      preferred_username: user.userPrincipalName,
      name: user.displayName,
      scp: permissions.join(' '),
      wids: [...user.roles],
      appid: this.#state.clientId,
      azp: this.#state.clientId,
    };
    return this.#sign(claims, GRAPH_RESOURCE, this.#pairwiseSubject(user), this.lifetimes.accessTokenSeconds);
  }

  /** Verifies signature, issuer, audience, expiry and tenant; throws on any mismatch. */
  async verifyAccessToken(token: string): Promise<VerifiedAccess> {
    const { payload } = await jwtVerify(token, this.#publicKey, {
      issuer: this.#issuer,
      audience: GRAPH_RESOURCE,
      algorithms: ['RS256'],
    });
    if (payload['tid'] !== this.#state.tenantId || typeof payload['oid'] !== 'string')
      throw new Error('token for another tenant');
    const scp = typeof payload['scp'] === 'string' ? payload['scp'].split(' ').filter(Boolean) : [];
    return { oid: payload['oid'], scopes: scp };
  }
}
