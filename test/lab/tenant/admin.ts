/**
 * The emulator's control surface for tests: fault injection, user policies (MFA, roles,
 * enabled), session revocation, tenant consent, token lifetimes, the event log, and deliveries by
 * another sync client (other-client.ts). The same
 * operations are offered in-process (EmulatorAdmin) and over HTTPS under /_admin/, guarded by
 * the random admin key from the info file (header x-emulator-admin-key).
 */
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { EmulatorContext, EmulatorEvent } from './context.ts';
import type { FaultRule, Faults, ItemFault, RateLimit } from './faults.ts';
import { header, readJson, sendEmpty, sendJson, type Handler, type Route } from './http.ts';
import { createOtherClient, type OtherClientAdmin, type OtherClientCredential, type OtherClientUser } from './other-client.ts';
import type { EmulatorUser, TenantState } from './state.ts';

export const faultRule = z.object({
  kind: z.enum(['status', 'slow', 'drop']), path: z.string().optional(), method: z.string().optional(),
  status: z.number().int().min(400).max(599).optional(), retryAfterSeconds: z.number().min(0).max(3600).optional(),
  delayMs: z.number().int().min(0).max(120_000).optional(), count: z.number().int().min(1).optional(),
  probability: z.number().min(0).max(1).optional(),
});
const itemFault = z.object({ sourceAnchor: z.string().min(1), result: z.enum(['throttled', 'unavailable']), count: z.number().int().min(1), retryAfterSeconds: z.number().min(0).max(3600).optional() });
export const rateLimit = z.object({ items: z.number().int().min(1), windowSeconds: z.number().int().min(1) });
const userPatch = z.object({ mfaRequired: z.boolean().optional(), accountEnabled: z.boolean().optional(), roles: z.array(z.string()).optional() });
const lifetimes = z.object({ accessTokenSeconds: z.number().int().min(1), refreshTokenSeconds: z.number().int().min(1) });

export type UserPatch = z.infer<typeof userPatch>;

export interface EmulatorAdmin extends OtherClientAdmin {
  addFault(rule: FaultRule): void;
  addItemFault(fault: ItemFault): void;
  setCredentialRateLimit(limit: RateLimit): void;
  clearFaults(): void;
  setUser(upn: string, patch: UserPatch): void;
  /** Revokes every refresh token of the user (Graph's revokeSignInSessions); returns how many. */
  revokeSessions(upn: string): number;
  setConsentGranted(granted: boolean): void;
  setTokenLifetimes(l: { accessTokenSeconds: number; refreshTokenSeconds: number }): void;
  user(upn: string): EmulatorUser | undefined;
  state(): TenantState;
  events(kind?: EmulatorEvent['kind']): readonly EmulatorEvent[];
  clearEvents(): void;
}

export function createAdmin(ctx: EmulatorContext, faults: Faults): EmulatorAdmin {
  const mustUser = (upn: string): EmulatorUser => {
    const u = ctx.store.userByUpn(upn);
    if (u === undefined) throw new Error(`no user ${upn}`);
    return u;
  };
  return {
    ...createOtherClient(ctx),
    addFault: (rule) => faults.add(faultRule.parse(rule) as FaultRule),
    addItemFault: (f) => faults.addItemFault(itemFault.parse(f) as ItemFault),
    setCredentialRateLimit: (l) => faults.setRateLimit(rateLimit.parse(l)),
    clearFaults: () => faults.clear(),
    setUser: (upn, patch) => {
      Object.assign(mustUser(upn), Object.fromEntries(Object.entries(userPatch.parse(patch)).filter(([, v]) => v !== undefined)));
      ctx.store.changed();
    },
    revokeSessions: (upn) => ctx.store.revokeSessions(mustUser(upn).id),
    setConsentGranted: (granted) => {
      ctx.store.state.consentGranted = granted;
      ctx.store.changed();
    },
    setTokenLifetimes: (l) => {
      ctx.tokens.lifetimes = lifetimes.parse(l);
    },
    user: (upn) => structuredClone(ctx.store.userByUpn(upn)),
    state: () => structuredClone(ctx.store.state),
    events: (kind) => ctx.events.list(kind),
    clearEvents: () => ctx.events.clear(),
  };
}

function keyMatches(given: string | undefined, key: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function adminRoutes(admin: EmulatorAdmin, adminKey: string): Route[] {
  const guard = (h: Handler): Handler => async (c) => {
    if (!keyMatches(header(c.req, 'x-emulator-admin-key'), adminKey)) return sendJson(c.res, 401, { error: 'admin key required' });
    try {
      await h(c);
    } catch (error) {
      sendJson(c.res, 400, { error: error instanceof Error ? error.message : 'bad request' });
    }
  };
  const body = (h: (b: unknown, p: readonly string[]) => unknown): Handler => guard(async ({ req, res, params }) => {
    const out = h(await readJson(req), params);
    return out === undefined ? sendEmpty(res, 204) : sendJson(res, 200, out);
  });
  return [
    { method: 'POST', path: /^\/_admin\/faults$/, handler: body((b) => admin.addFault(b as FaultRule)) },
    { method: 'DELETE', path: /^\/_admin\/faults$/, handler: guard(({ res }) => (admin.clearFaults(), sendEmpty(res, 204))) },
    { method: 'POST', path: /^\/_admin\/item-faults$/, handler: body((b) => admin.addItemFault(b as ItemFault)) },
    { method: 'PUT', path: /^\/_admin\/rate-limit$/, handler: body((b) => admin.setCredentialRateLimit(b as RateLimit)) },
    { method: 'PATCH', path: /^\/_admin\/users\/([^/]+)$/, handler: body((b, p) => admin.setUser(p[0] ?? '', b as UserPatch)) },
    { method: 'POST', path: /^\/_admin\/users\/([^/]+)\/revoke$/, handler: guard(({ res, params }) => sendJson(res, 200, { revoked: admin.revokeSessions(params[0] ?? '') })) },
    { method: 'PUT', path: /^\/_admin\/consent$/, handler: body((b) => admin.setConsentGranted(z.object({ granted: z.boolean() }).parse(b).granted)) },
    { method: 'PUT', path: /^\/_admin\/lifetimes$/, handler: body((b) => admin.setTokenLifetimes(lifetimes.parse(b))) },
    { method: 'GET', path: /^\/_admin\/events$/, handler: guard(({ res, url }) => sendJson(res, 200, { events: admin.events((url.searchParams.get('kind') ?? undefined) as EmulatorEvent['kind'] | undefined) })) },
    { method: 'DELETE', path: /^\/_admin\/events$/, handler: guard(({ res }) => (admin.clearEvents(), sendEmpty(res, 204))) },
    { method: 'GET', path: /^\/_admin\/state$/, handler: guard(({ res }) => sendJson(res, 200, admin.state())) },
    { method: 'POST', path: /^\/_admin\/other-client\/users$/, handler: body((b) => admin.syncUserAsOtherClient(b as OtherClientUser)) },
    { method: 'POST', path: /^\/_admin\/other-client\/credentials$/, handler: body((b) => ({ result: admin.deliverCredentialAsOtherClient(b as OtherClientCredential) })) },
  ];
}
