/**
 * The cloud end of `phs verify`, over Graph with read permissions only:
 *   GET /v1.0/users?$select=id,userPrincipalName,onPremisesImmutableId,onPremisesSyncEnabled,
 *       accountEnabled,lastPasswordChangeDateTime&$top=999
 * every page through @odata.nextLink (GraphClient: same host only, throttling and unavailability
 * retried with Retry-After), and the organisation's heartbeat. lastPasswordChangeDateTime is
 * returned only on $select, hence the explicit list. Replies are validated before use.
 */
import { z } from 'zod';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import type { GraphClient } from './graph-client.ts';
import type { TenantDirectory } from './tenant-directory.ts';

export const PASSWORD_TIME_FIELDS = [
  'id',
  'userPrincipalName',
  'onPremisesImmutableId',
  'onPremisesSyncEnabled',
  'accountEnabled',
  'lastPasswordChangeDateTime',
] as const;
export const USERS_WITH_PASSWORD_TIMES = `/v1.0/users?$select=${PASSWORD_TIME_FIELDS.join(',')}&$top=999`;

const isoOrNull = z
  .string()
  .refine((v) => Number.isFinite(Date.parse(v)), 'must be an ISO 8601 date')
  .nullish()
  .transform((v) => v ?? null);

const row = z.object({
  id: z.string(),
  userPrincipalName: z.string(),
  onPremisesImmutableId: z.string().nullish().transform((v) => v ?? null),
  onPremisesSyncEnabled: z.boolean().nullish().transform((v) => v ?? null),
  accountEnabled: z.boolean().nullish().transform((v) => v ?? null),
  lastPasswordChangeDateTime: isoOrNull,
});

export type UserPasswordTime = z.infer<typeof row>;

/** Graph's user rows → typed rows; one malformed row refuses the whole answer (it would skew the verdict). */
export function parseUserPasswordTimes(rows: readonly unknown[]): UserPasswordTime[] {
  return rows.map((raw, i) => {
    const parsed = row.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError(
        ErrorCode.TenantRequestFailed,
        `Graph sent an unexpected user (row ${i + 1}: ${issue ? `${issue.path.join('.') || 'value'} ${issue.message}` : 'malformed'}).`,
        'Check graphBaseUrl in the tenant file; if it is right, report it.',
      );
    }
    return parsed.data;
  });
}

export async function userPasswordTimes(graph: GraphClient, signal?: AbortSignal): Promise<UserPasswordTime[]> {
  return parseUserPasswordTimes(await graph.getAll(USERS_WITH_PASSWORD_TIMES, signal));
}

/** The organisation's sync heartbeat; null when the account may not read it. */
export async function syncHeartbeat(directory: TenantDirectory): Promise<{
  readonly onPremisesLastSyncDateTime: string | null;
  readonly onPremisesLastPasswordSyncDateTime: string | null;
} | null> {
  try {
    const org = await directory.organization();
    return {
      onPremisesLastSyncDateTime: org.onPremisesLastSyncDateTime,
      onPremisesLastPasswordSyncDateTime: org.onPremisesLastPasswordSyncDateTime,
    };
  } catch (error) {
    if (error instanceof AppError && error.code === ErrorCode.TenantNotAdmin) return null;
    throw error;
  }
}
