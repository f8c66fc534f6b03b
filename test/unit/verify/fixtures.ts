/** Builders for verify's records: a plain, enabled, synced user changed at T, and its cloud twin. */
import type { CloudUser, OnPremUser } from '../../../electron/verify/model.ts';

export const T = Date.parse('2026-12-01T12:00:00.000Z');
export const iso = (ms: number): string => new Date(ms).toISOString();

export function onPrem(patch: Partial<OnPremUser> = {}): OnPremUser {
  return {
    sAMAccountName: 'alice',
    userPrincipalName: 'alice@example.test',
    sourceAnchors: ['QUxJQ0VBTkNIT1I9PT09PQ=='],
    passwordChangedAt: iso(T),
    enabled: true,
    rule: 'sync',
    ...patch,
  };
}

export function cloud(patch: Partial<CloudUser> = {}): CloudUser {
  return {
    id: '00000000-0000-0000-0000-00000000000a',
    userPrincipalName: 'alice@example.test',
    onPremisesImmutableId: 'QUxJQ0VBTkNIT1I9PT09PQ==',
    onPremisesSyncEnabled: true,
    accountEnabled: true,
    lastPasswordChangeDateTime: iso(T + 30_000),
    ...patch,
  };
}
