/**
 * The credential endpoint, with the semantics of Entra's ProvisionCredentials:
 *   POST /provisioning/{tenantId}/credentials  {items:[{sourceAnchor, credentialData, forceChangePasswordOnLogon, changeDate}]}
 *   → 200 {results:[{index, sourceAnchor, resultCode, result, message?, retryAfterSeconds?}]} — one per item.
 * resultCode 0 = success (`success`, or `staleIgnored`: an older change than the stored one, a no-op);
 * else unknownUser 1, rejectedFormat 2 (parseWire refuses it), throttled 3, unavailable 4, invalidItem 5.
 * The stored verifier (salt, iterations, key) is what the password grant checks for synced users;
 * each accepted item also sets the user's lastPasswordChangeDateTime (credential-record.ts).
 */
import type { EmulatorContext } from './context.ts';
import { recordCredential } from './credential-record.ts';
import type { Faults } from './faults.ts';
import { graphError, guarded } from './graph-auth.ts';
import { readJson, sendJson, type Route } from './http.ts';
import { parseWire } from '../../../electron/phs/wire.ts';

export const MAX_BATCH = 1000;

export const RESULT_CODES = { success: 0, staleIgnored: 0, unknownUser: 1, rejectedFormat: 2, throttled: 3, unavailable: 4, invalidItem: 5 } as const;
export type ItemResultName = keyof typeof RESULT_CODES;

interface ItemResult {
  index: number;
  sourceAnchor: string;
  resultCode: number;
  result: ItemResultName;
  message?: string;
  retryAfterSeconds?: number;
}

function result(index: number, sourceAnchor: string, name: ItemResultName, extra: { message?: string; retryAfterSeconds?: number } = {}): ItemResult {
  return { index, sourceAnchor, resultCode: RESULT_CODES[name], result: name, ...extra };
}

function provisionOne(ctx: EmulatorContext, faults: Faults, raw: unknown, index: number): ItemResult {
  const item = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const anchor = typeof item['sourceAnchor'] === 'string' ? item['sourceAnchor'] : '';
  const changeDate = typeof item['changeDate'] === 'string' ? Date.parse(item['changeDate']) : Number.NaN;
  if (anchor === '' || typeof item['credentialData'] !== 'string' || Number.isNaN(changeDate) || typeof item['forceChangePasswordOnLogon'] !== 'boolean') {
    return result(index, anchor, 'invalidItem', { message: 'Each item needs sourceAnchor, credentialData, forceChangePasswordOnLogon (boolean) and changeDate (ISO 8601).' });
  }
  const fault = faults.itemFault(anchor);
  if (fault !== undefined) return result(index, anchor, fault.result, { retryAfterSeconds: fault.retryAfterSeconds ?? 1 });
  const budget = faults.takeCredentialBudget();
  if (!budget.ok) return result(index, anchor, 'throttled', { retryAfterSeconds: budget.retryAfterSeconds });
  const user = ctx.store.userByAnchor(anchor);
  if (user === undefined) return result(index, anchor, 'unknownUser', { message: 'No synced user has this source anchor.' });
  let parsed;
  try {
    parsed = parseWire(item['credentialData']);
  } catch {
    return result(index, anchor, 'rejectedFormat', { message: 'credentialData is not a v1 PPH1_MD4 credential.' });
  }
  const outcome = recordCredential(ctx.store, user, {
    salt: parsed.salt, iterations: parsed.iterations, key: parsed.key, changeDate, forceChangePasswordOnLogon: item['forceChangePasswordOnLogon'],
  });
  return result(index, anchor, outcome);
}

export function credentialRoutes(ctx: EmulatorContext, faults: Faults): Route[] {
  const s = ctx.store.state;
  return [{
    method: 'POST',
    path: /^\/provisioning\/([^/]+)\/credentials$/,
    handler: guarded(ctx, 'credentials', { anyOf: ['OnPremDirectorySynchronization.ReadWrite.All'], adminOnly: true }, async ({ req, res, params }) => {
      if (params[0] !== s.tenantId) return graphError(res, 404, 'Request_ResourceNotFound', 'No such tenant.');
      if (!s.onPremisesSyncEnabled || !s.features.passwordSyncEnabled) {
        return graphError(res, 409, 'PasswordSyncDisabled', 'Password hash synchronization is not enabled for this tenant (onPremisesSyncEnabled and features.passwordSyncEnabled).');
      }
      const body = await readJson(req);
      const items = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['items'] : undefined;
      if (!Array.isArray(items) || items.length === 0 || items.length > MAX_BATCH) {
        return graphError(res, 400, 'Request_BadRequest', `Expected {"items": [...]} with 1 to ${MAX_BATCH} items.`);
      }
      const results = items.map((item, i) => provisionOne(ctx, faults, item, i));
      ctx.store.changed();
      ctx.events.add('credentials', { batch: results.map((r) => ({ sourceAnchor: r.sourceAnchor, result: r.result })) });
      sendJson(res, 200, { results });
    }),
  }];
}
