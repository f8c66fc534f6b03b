/**
 * `$select` on users, as Graph does it: only the named properties come back; properties Graph
 * returns only on `$select` (here lastPasswordChangeDateTime) never appear without it; an unknown
 * name is a 400 with Graph's wording.
 */
import type { EmulatorUser } from './state.ts';

/** Every property the emulator knows on a user, with its value. */
function allProperties(u: EmulatorUser): Record<string, unknown> {
  return {
    id: u.id,
    userPrincipalName: u.userPrincipalName,
    displayName: u.displayName,
    accountEnabled: u.accountEnabled,
    onPremisesImmutableId: u.onPremisesImmutableId,
    onPremisesSyncEnabled: u.onPremisesImmutableId === null ? null : true,
    lastPasswordChangeDateTime: u.lastPasswordChangeDateTime ?? null,
  };
}

/** What Graph returns without $select (lastPasswordChangeDateTime is "returned only on $select"). */
export const DEFAULT_PROPERTIES = ['id', 'userPrincipalName', 'displayName', 'accountEnabled', 'onPremisesImmutableId', 'onPremisesSyncEnabled'];
const SELECTABLE: ReadonlySet<string> = new Set([...DEFAULT_PROPERTIES, 'lastPasswordChangeDateTime']);

export type Selection = { readonly fields: readonly string[] } | { readonly unknown: string };

/** The properties `$select` asks for (null: none given → the default set). */
export function userSelection(select: string | null): Selection {
  if (select === null) return { fields: DEFAULT_PROPERTIES };
  const fields = select.split(',').map((f) => f.trim()).filter((f) => f !== '');
  const unknown = fields.find((f) => !SELECTABLE.has(f));
  return unknown === undefined ? { fields } : { unknown };
}

export function unknownPropertyMessage(name: string): string {
  return `Parsing OData Select and Expand failed: Could not find a property named '${name}' on type 'microsoft.graph.user'.`;
}

export function selectUser(u: EmulatorUser, fields: readonly string[]): Record<string, unknown> {
  const all = allProperties(u);
  return Object.fromEntries(fields.map((f) => [f, all[f]]));
}
