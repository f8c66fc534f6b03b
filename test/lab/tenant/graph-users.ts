/**
 * Users in Graph's shape (GET /users with `$select`, graph-select.ts), and how synced users arrive: an upsert by alternate key,
 *   PATCH /graph/v1.0/users(onPremisesImmutableId='<source anchor>')  {userPrincipalName, displayName, accountEnabled?}
 * → 201 with the new user, or 204 when it existed (as Graph's upsert-by-key does). Needs
 * directory synchronization enabled and a UPN in a verified domain.
 */
import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from './context.ts';
import { graphError, guarded, paged } from './graph-auth.ts';
import { DEFAULT_PROPERTIES, selectUser, unknownPropertyMessage, userSelection } from './graph-select.ts';
import { readJson, sendEmpty, sendJson, type Route } from './http.ts';
import type { EmulatorUser } from './state.ts';

const UPN = /^[^\s@]{1,64}@[A-Za-z0-9.-]{1,255}$/;
const ANCHOR = /^[A-Za-z0-9+/=_.-]{1,256}$/;

export function graphUser(u: EmulatorUser): Record<string, unknown> {
  return selectUser(u, DEFAULT_PROPERTIES);
}

interface UpsertBody {
  readonly userPrincipalName: string;
  readonly displayName: string;
  readonly accountEnabled: boolean;
}

function parseUpsert(body: unknown): UpsertBody | string {
  if (typeof body !== 'object' || body === null) return 'Expected a JSON object.';
  const b = body as Record<string, unknown>;
  if (typeof b['userPrincipalName'] !== 'string' || !UPN.test(b['userPrincipalName'])) return 'userPrincipalName is missing or malformed.';
  if (typeof b['displayName'] !== 'string' || b['displayName'].length === 0 || b['displayName'].length > 256) return 'displayName is missing or too long.';
  if (b['accountEnabled'] !== undefined && typeof b['accountEnabled'] !== 'boolean') return 'accountEnabled must be a boolean.';
  return { userPrincipalName: b['userPrincipalName'], displayName: b['displayName'], accountEnabled: b['accountEnabled'] ?? true };
}

export function graphUserRoutes(ctx: EmulatorContext): Route[] {
  const store = ctx.store;
  return [
    {
      method: 'GET', path: /^\/graph\/v1\.0\/users$/,
      handler: guarded(ctx, 'graph', { anyOf: ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'] }, (c) => {
        const selection = userSelection(c.url.searchParams.get('$select'));
        if ('unknown' in selection) return graphError(c.res, 400, 'BadRequest', unknownPropertyMessage(selection.unknown));
        sendJson(c.res, 200, paged(ctx, c, store.state.users.map((u) => selectUser(u, selection.fields))));
      }),
    },
    {
      method: 'PATCH', path: /^\/graph\/v1\.0\/users\(onPremisesImmutableId='([^']*)'\)$/,
      handler: guarded(ctx, 'graph', { anyOf: ['User.ReadWrite.All'], adminOnly: true }, async ({ req, res, params }) => {
        const anchor = params[0] ?? '';
        if (!ANCHOR.test(anchor)) return graphError(res, 400, 'Request_BadRequest', 'The source anchor is malformed.');
        if (!store.state.onPremisesSyncEnabled) return graphError(res, 400, 'Request_BadRequest', 'Directory synchronization is not enabled for this tenant.');
        const body = parseUpsert(await readJson(req));
        if (typeof body === 'string') return graphError(res, 400, 'Request_BadRequest', body);
        if (!store.isVerifiedDomain(body.userPrincipalName)) {
          return graphError(res, 400, 'Request_BadRequest', 'The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization.');
        }
        const existing = store.userByAnchor(anchor);
        const holder = store.userByUpn(body.userPrincipalName);
        if (holder !== undefined && holder !== existing) {
          return graphError(res, 400, 'Request_BadRequest', 'Another object with the same value for property userPrincipalName already exists.');
        }
        store.state.onPremisesLastSyncDateTime = new Date().toISOString();
        if (existing !== undefined) {
          store.updateUser(existing, body);
          store.changed();
          return sendEmpty(res, 204);
        }
        const user: EmulatorUser = {
          id: randomUUID(), ...body, roles: [], cloudPassword: null, onPremisesImmutableId: anchor, mfaRequired: false, credential: null, lastPasswordChangeDateTime: null,
        };
        store.state.users.push(user);
        store.changed();
        sendJson(res, 201, graphUser(user));
      }),
    },
  ];
}
