/**
 * "Another sync client" — Entra Connect or Cloud Sync — writing to this tenant without our engine,
 * so monitor mode (`phs verify`) is tested against deliveries it did not make. Two steps, as those
 * clients do them: object sync creates or updates the synced user (no password yet), then password
 * hash sync stores its credential. Doing either switches on what that client's setup switched on
 * (onPremisesSyncEnabled; features.passwordSyncEnabled for credentials).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseWire } from '../../../electron/phs/wire.ts';
import type { EmulatorContext } from './context.ts';
import { recordCredential } from './credential-record.ts';
import type { EmulatorUser } from './state.ts';

export const otherClientUser = z.strictObject({
  sourceAnchor: z.string().regex(/^[A-Za-z0-9+/=_.-]{1,256}$/),
  userPrincipalName: z.string().regex(/^[^\s@]{1,64}@[A-Za-z0-9.-]{1,255}$/),
  displayName: z.string().min(1).max(256).optional(),
  accountEnabled: z.boolean().optional(),
});
export const otherClientCredential = z.strictObject({
  sourceAnchor: z.string().min(1),
  /** The PHS wire string (v1;PPH1_MD4,…), e.g. formatted from a password with electron/phs/orgid.ts. */
  credentialData: z.string().min(1),
  /** When the password changed; default now (the moment that client wrote it). */
  changeDate: z.iso.datetime({ offset: true }).optional(),
  forceChangePasswordOnLogon: z.boolean().optional(),
});

export type OtherClientUser = z.input<typeof otherClientUser>;
export type OtherClientCredential = z.input<typeof otherClientCredential>;

export interface OtherClientAdmin {
  /** Object sync by another client: the synced user with this anchor, created or updated (its credential kept). */
  syncUserAsOtherClient(user: OtherClientUser): void;
  /** Password hash sync by another client, for an existing synced user. */
  deliverCredentialAsOtherClient(credential: OtherClientCredential): 'success' | 'staleIgnored';
}

export function createOtherClient(ctx: EmulatorContext): OtherClientAdmin {
  const { store } = ctx;
  return {
    syncUserAsOtherClient(raw) {
      const u = otherClientUser.parse(raw);
      if (!store.isVerifiedDomain(u.userPrincipalName)) throw new Error(`${u.userPrincipalName} is not in a verified domain`);
      const existing = store.userByAnchor(u.sourceAnchor);
      const holder = store.userByUpn(u.userPrincipalName);
      if (holder !== undefined && holder !== existing) throw new Error(`another user already has ${u.userPrincipalName}`);
      const fields = { userPrincipalName: u.userPrincipalName, displayName: u.displayName ?? u.userPrincipalName, accountEnabled: u.accountEnabled ?? true };
      if (existing !== undefined) store.updateUser(existing, fields);
      else {
        const user: EmulatorUser = {
          id: randomUUID(), ...fields, roles: [], cloudPassword: null, onPremisesImmutableId: u.sourceAnchor,
          mfaRequired: false, credential: null, lastPasswordChangeDateTime: null,
        };
        store.state.users.push(user);
      }
      store.state.onPremisesSyncEnabled = true;
      store.state.onPremisesLastSyncDateTime = new Date().toISOString();
      store.changed();
      ctx.events.add('credentials', { otherClient: 'user', sourceAnchor: u.sourceAnchor });
    },
    deliverCredentialAsOtherClient(raw) {
      const c = otherClientCredential.parse(raw);
      const user = store.userByAnchor(c.sourceAnchor);
      if (user === undefined) throw new Error(`no synced user has the source anchor ${c.sourceAnchor}`);
      const wire = parseWire(c.credentialData);
      store.state.onPremisesSyncEnabled = true;
      store.state.features.passwordSyncEnabled = true;
      const result = recordCredential(store, user, {
        ...wire, changeDate: c.changeDate === undefined ? Date.now() : Date.parse(c.changeDate),
        forceChangePasswordOnLogon: c.forceChangePasswordOnLogon ?? false,
      });
      store.changed();
      ctx.events.add('credentials', { otherClient: 'credential', sourceAnchor: c.sourceAnchor, result });
      return result;
    },
  };
}
