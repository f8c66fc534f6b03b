/**
 * Credentials can only land on a cloud user that exists. Entra Connect creates users with its
 * object sync; we do the minimum PHS needs: before a user's first credential in this process,
 * its cloud user is created or updated from what replication showed (source anchor, UPN, name,
 * enabled) — unless the engine's state shows a credential of theirs was acknowledged before.
 * The upsert is idempotent, and it goes to Graph, so it costs nothing from the
 * credential service's write budget. A credential still refused as "unknown user" (the cloud
 * user was deleted meanwhile) gets one more upsert and is sent again.
 */
import type { CredentialItem, CredentialResult, CredentialSink } from '../engine/ports.ts';
import type { SyncedUser } from '../tenant/tenant-directory.ts';

export interface KnownUser {
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

const UPSERTS_AT_ONCE = 8;

export function provisioningSink(
  sink: CredentialSink,
  catalog: DirectoryCatalog,
  upsert: (user: SyncedUser) => Promise<unknown>,
  fallbackDomain: string,
  /** Anchors already known to exist in the cloud (e.g. a credential of theirs was acknowledged before). */
  provisionedBefore: Iterable<string> = [],
): CredentialSink {
  const provisioned = new Set<string>(provisionedBefore);
  const provision = async (anchors: readonly string[]): Promise<void> => {
    const todo = anchors.filter((a) => catalog.get(a) !== undefined);
    for (let i = 0; i < todo.length; i += UPSERTS_AT_ONCE) {
      await Promise.all(
        todo.slice(i, i + UPSERTS_AT_ONCE).map(async (anchor) => {
          const known = catalog.get(anchor)!;
          const upn = known.userPrincipalName ?? `${known.samAccountName}@${fallbackDomain}`;
          await upsert({
            sourceAnchor: anchor,
            userPrincipalName: upn,
            displayName: known.samAccountName || upn,
            accountEnabled: known.enabled,
          });
          provisioned.add(anchor);
        }),
      );
    }
  };
  return {
    maxBatchSize: sink.maxBatchSize,
    async deliver(items, signal) {
      await provision(items.map((i) => i.sourceAnchor).filter((a) => !provisioned.has(a)));
      const results = [...(await sink.deliver(items, signal))];
      const missing = results.flatMap((r, i) =>
        r.outcome === 'unknownUser' && catalog.get(r.sourceAnchor) ? [i] : [],
      );
      if (missing.length === 0) return results;
      await provision(missing.map((i) => items[i]!.sourceAnchor));
      const again: CredentialItem[] = missing.map((i) => items[i]!);
      const retried = await sink.deliver(again, signal);
      missing.forEach((index, k) => {
        const result: CredentialResult | undefined = retried[k];
        if (result) results[index] = result;
      });
      return results;
    },
  };
}
