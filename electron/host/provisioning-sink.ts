/**
 * Credentials can only land on a cloud user that exists. Entra Connect creates users with its
 * object sync; we do the minimum PHS needs: before a user's first credential in this process,
 * its cloud user is created or updated from what replication showed (source anchor, UPN, name,
 * enabled) — unless the engine's state shows a credential of theirs was acknowledged before.
 * The upsert is idempotent, and it goes to Graph, so it costs nothing from the
 * credential service's write budget. A credential still refused as "unknown user" (the cloud
 * user was deleted meanwhile) gets one more upsert and is sent again.
 *
 * The cloud UPN is Entra Connect's: the user's UPN, or (none set) sAMAccountName@ the DNS name
 * of their domain; and when the tenant has not verified its suffix (nor a parent of it), the
 * same prefix @ the tenant's initial .onmicrosoft.com domain. A user the tenant still refuses
 * (a conflicting UPN, say) fails alone, with the tenant's reason; the others go on. Only
 * transient failures (throttling, unavailability) fail the whole batch, to be retried.
 */
import type { CredentialItem, CredentialResult, CredentialSink } from '../engine/ports.ts';
import { isTransient } from '../engine/transient.ts';
import type { SyncedUser } from '../tenant/tenant-directory.ts';
import { dnsNameOfDn } from '../../shared/dn.ts';
import { cloudUpn, type TenantDomainName } from '../../shared/upn.ts';

export interface KnownUser {
  readonly dn: string;
  readonly userPrincipalName: string | null;
  readonly samAccountName: string;
  readonly enabled: boolean;
}

/** What replication has shown about each source anchor (filled by the source adapter). */
export class DirectoryCatalog {
  readonly #users = new Map<string, KnownUser>();

  remember(sourceAnchor: string, user: KnownUser): void {
    this.#users.set(sourceAnchor, user);
  }

  get(sourceAnchor: string): KnownUser | undefined {
    return this.#users.get(sourceAnchor);
  }
}

/** The tenant's domains (verified or not) and its initial .onmicrosoft.com domain. */
export interface TenantDomains {
  readonly domains: readonly TenantDomainName[];
  readonly initialDomain: string;
}

export interface ProvisioningOptions {
  readonly upsert: (user: SyncedUser) => Promise<unknown>;
  /** Read once, then again after TENANT_DOMAINS_TTL_MS (an admin may verify a domain meanwhile). */
  readonly tenantDomains: () => Promise<TenantDomains>;
  /** Anchors already known to exist in the cloud (e.g. a credential of theirs was acknowledged before). */
  readonly provisionedBefore?: Iterable<string>;
  readonly now?: () => number;
}

const UPSERTS_AT_ONCE = 8;
export const TENANT_DOMAINS_TTL_MS = 10 * 60_000;

/** The UPN the cloud user gets (see the header). */
export function cloudUpnOf(known: KnownUser, tenant: TenantDomains): string {
  const onPrem =
    known.userPrincipalName ?? `${known.samAccountName}@${dnsNameOfDn(known.dn) ?? tenant.initialDomain}`;
  return cloudUpn(onPrem, tenant.domains, tenant.initialDomain);
}

function refusal(anchor: string, upn: string, error: unknown): CredentialResult {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    sourceAnchor: anchor,
    outcome: 'failed',
    code: -1,
    message: `The tenant did not create or update the cloud user ${upn}: ${reason}`,
  };
}

export function provisioningSink(
  sink: CredentialSink,
  catalog: DirectoryCatalog,
  options: ProvisioningOptions,
): CredentialSink {
  const provisioned = new Set<string>(options.provisionedBefore ?? []);
  const now = options.now ?? Date.now;
  let domains: { readonly at: number; readonly value: Promise<TenantDomains> } | undefined;
  const tenantDomains = (): Promise<TenantDomains> => {
    if (domains === undefined || now() - domains.at > TENANT_DOMAINS_TTL_MS) {
      const value = options.tenantDomains();
      domains = { at: now(), value };
      // A failed read is not kept: the next batch asks again.
      value.catch(() => {
        if (domains?.value === value) domains = undefined;
      });
    }
    return domains.value;
  };

  /** Creates or updates the cloud users; returns the refusals, by anchor. */
  const provision = async (anchors: readonly string[]): Promise<Map<string, CredentialResult>> => {
    const refused = new Map<string, CredentialResult>();
    const todo = anchors.filter((a) => catalog.get(a) !== undefined);
    if (todo.length === 0) return refused;
    const tenant = await tenantDomains();
    for (let i = 0; i < todo.length; i += UPSERTS_AT_ONCE) {
      await Promise.all(
        todo.slice(i, i + UPSERTS_AT_ONCE).map(async (anchor) => {
          const known = catalog.get(anchor)!;
          const upn = cloudUpnOf(known, tenant);
          try {
            await options.upsert({
              sourceAnchor: anchor,
              userPrincipalName: upn,
              displayName: known.samAccountName || upn,
              accountEnabled: known.enabled,
            });
            provisioned.add(anchor);
          } catch (error) {
            if (isTransient(error)) throw error;
            refused.set(anchor, refusal(anchor, upn, error));
          }
        }),
      );
    }
    return refused;
  };

  /** Delivers the items whose cloud user exists; the refused ones get their refusal, in order. */
  const deliverProvisioned = async (
    items: readonly CredentialItem[],
    refused: ReadonlyMap<string, CredentialResult>,
    signal: AbortSignal | undefined,
  ): Promise<CredentialResult[]> => {
    const sendable = items.filter((i) => !refused.has(i.sourceAnchor));
    const sent = sendable.length === 0 ? [] : await sink.deliver(sendable, signal);
    if (sent.length !== sendable.length) {
      throw new Error(`The credential sink answered ${sent.length} results for ${sendable.length} items.`);
    }
    let k = 0;
    return items.map((item) => refused.get(item.sourceAnchor) ?? sent[k++]!);
  };

  return {
    maxBatchSize: sink.maxBatchSize,
    async deliver(items, signal) {
      const refused = await provision(items.map((i) => i.sourceAnchor).filter((a) => !provisioned.has(a)));
      const results = await deliverProvisioned(items, refused, signal);
      const missing = results.flatMap((r, i) =>
        r.outcome === 'unknownUser' && catalog.get(r.sourceAnchor) ? [i] : [],
      );
      if (missing.length === 0) return results;
      for (const i of missing) provisioned.delete(items[i]!.sourceAnchor);
      const again = missing.map((i) => items[i]!);
      const refusedAgain = await provision(again.map((i) => i.sourceAnchor));
      const retried = await deliverProvisioned(again, refusedAgain, signal);
      missing.forEach((index, k) => {
        const result = retried[k];
        if (result) results[index] = result;
      });
      return results;
    },
  };
}
