/**
 * The two ends verify reads, as small ports. Adapters: the directory over LDAP with the engine's
 * scope and account rules (electron/host/verify-directory.ts), the tenant over Graph
 * (electron/tenant/password-times.ts); tests use in-memory fakes. Neither touches the engine's
 * state: the verdict comes from AD and the tenant only.
 */
import type { CloudUser, OnPremUser, TenantHeartbeat } from './model.ts';

export interface OnPremisesEnd {
  /** The DC's current time (rootDSE `currentTime`) as ISO 8601, or null when it does not say. */
  dcTime(): Promise<string | null>;
  /** Every in-scope user account, once. */
  users(): AsyncIterable<OnPremUser>;
}

export interface CloudEnd {
  /** Every user of the tenant with its password time (all pages). */
  users(): Promise<readonly CloudUser[]>;
  /** The organisation's sync heartbeat, or null when Graph refuses to say. */
  heartbeat(): Promise<TenantHeartbeat | null>;
}
