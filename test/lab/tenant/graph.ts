/**
 * The Graph subset the product uses (under /graph/v1.0): organization (read, PATCH
 * onPremisesSyncEnabled), directory/onPremisesSynchronization (read, PATCH features), domains,
 * me and me/memberOf (directory roles with their roleTemplateId).
 */
import type { EmulatorContext } from './context.ts';
import { graphError, guarded, paged } from './graph-auth.ts';
import { readJson, sendEmpty, sendJson, type Route } from './http.ts';
import { ROLE_NAMES, type SyncFeatures, type TenantState } from './state.ts';

const V1 = '^/graph/v1\\.0';

function organization(s: TenantState): Record<string, unknown> {
  return {
    id: s.tenantId,
    displayName: s.displayName,
    tenantType: 'AAD',
    verifiedDomains: s.domains.filter((d) => d.isVerified).map((d) => ({
      name: d.name, isDefault: d.isDefault, isInitial: d.isInitial, type: 'Managed', capabilities: 'Email, OfficeCommunicationsOnline',
    })),
    onPremisesSyncEnabled: s.onPremisesSyncEnabled,
    onPremisesLastSyncDateTime: s.onPremisesLastSyncDateTime,
    onPremisesLastPasswordSyncDateTime: s.onPremisesLastPasswordSyncDateTime,
  };
}

function synchronization(s: TenantState): Record<string, unknown> {
  return {
    id: s.syncId,
    configuration: {
      accidentalDeletionPrevention: { synchronizationPreventionType: 'enabledForCount', alertThreshold: 500 },
      synchronizationInterval: 'PT2M',
      customerRequestedSynchronizationInterval: null,
    },
    features: { ...s.features },
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function graphRoutes(ctx: EmulatorContext): Route[] {
  const s = ctx.store.state;
  const read = (anyOf: string[]) => ({ anyOf });
  const write = (anyOf: string[]) => ({ anyOf, adminOnly: true });
  return [
    { method: 'GET', path: new RegExp(`${V1}/organization$`), handler: guarded(ctx, 'graph', read(['User.Read', 'Organization.Read.All', 'Organization.ReadWrite.All']), ({ res }) => sendJson(res, 200, { value: [organization(s)] })) },
    {
      method: 'PATCH', path: new RegExp(`${V1}/organization/([^/]+)$`),
      handler: guarded(ctx, 'graph', write(['Organization.ReadWrite.All']), async ({ req, res, params }) => {
        if (params[0] !== s.tenantId) return graphError(res, 404, 'Request_ResourceNotFound', `Resource '${params[0] ?? ''}' does not exist.`);
        const body = await readJson(req);
        if (!isRecord(body) || typeof body['onPremisesSyncEnabled'] !== 'boolean' || Object.keys(body).length !== 1) {
          return graphError(res, 400, 'Request_BadRequest', 'Only onPremisesSyncEnabled (a boolean) can be updated here.');
        }
        s.onPremisesSyncEnabled = body['onPremisesSyncEnabled'];
        ctx.store.changed();
        sendEmpty(res, 204);
      }),
    },
    { method: 'GET', path: new RegExp(`${V1}/directory/onPremisesSynchronization$`), handler: guarded(ctx, 'graph', read(['OnPremDirectorySynchronization.Read.All', 'OnPremDirectorySynchronization.ReadWrite.All']), ({ res }) => sendJson(res, 200, { value: [synchronization(s)] })) },
    {
      method: 'GET', path: new RegExp(`${V1}/directory/onPremisesSynchronization/([^/]+)$`),
      handler: guarded(ctx, 'graph', read(['OnPremDirectorySynchronization.Read.All', 'OnPremDirectorySynchronization.ReadWrite.All']), ({ res, params }) =>
        params[0] === s.syncId ? sendJson(res, 200, synchronization(s)) : graphError(res, 404, 'Request_ResourceNotFound', 'No such synchronization object.')),
    },
    {
      method: 'PATCH', path: new RegExp(`${V1}/directory/onPremisesSynchronization/([^/]+)$`),
      handler: guarded(ctx, 'graph', write(['OnPremDirectorySynchronization.ReadWrite.All']), async ({ req, res, params }) => {
        if (params[0] !== s.syncId) return graphError(res, 404, 'Request_ResourceNotFound', 'No such synchronization object.');
        const body = await readJson(req);
        const features = isRecord(body) ? body['features'] : undefined;
        if (!isRecord(features)) return graphError(res, 400, 'Request_BadRequest', 'Expected {"features": {...}}.');
        for (const [name, value] of Object.entries(features)) {
          if (!(name in s.features) || typeof value !== 'boolean') return graphError(res, 400, 'Request_BadRequest', `Invalid feature '${name}'.`);
        }
        Object.assign(s.features, features as Partial<SyncFeatures>);
        ctx.store.changed();
        sendEmpty(res, 204);
      }),
    },
    {
      method: 'GET', path: new RegExp(`${V1}/domains$`),
      handler: guarded(ctx, 'graph', read(['Domain.Read.All', 'Directory.Read.All']), ({ res }) => sendJson(res, 200, {
        value: s.domains.map((d) => ({ id: d.name, isVerified: d.isVerified, isDefault: d.isDefault, isInitial: d.isInitial, authenticationType: 'Managed', supportedServices: ['Email'] })),
      })),
    },
    {
      method: 'GET', path: new RegExp(`${V1}/me$`),
      handler: guarded(ctx, 'graph', read(['User.Read']), ({ res }, who) => sendJson(res, 200, {
        id: who.user.id, userPrincipalName: who.user.userPrincipalName, displayName: who.user.displayName,
        onPremisesImmutableId: who.user.onPremisesImmutableId, accountEnabled: who.user.accountEnabled,
      })),
    },
    {
      method: 'GET', path: new RegExp(`${V1}/me/memberOf$`),
      handler: guarded(ctx, 'graph', read(['Directory.Read.All']), (c, who) => sendJson(c.res, 200, paged(ctx, c, who.user.roles.map((roleTemplateId) => ({
        '@odata.type': '#microsoft.graph.directoryRole', id: `role-${roleTemplateId}`, roleTemplateId, displayName: ROLE_NAMES[roleTemplateId] ?? 'Directory role',
      }))))),
    },
  ];
}
