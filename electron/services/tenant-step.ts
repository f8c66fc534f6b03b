/**
 * The wizard's Microsoft Entra step in main: one TenantConnection for the configured endpoint
 * (its token cache sealed on disk), sign-in through the system browser or a device code, and the
 * view the page shows: tenant, signed-in admin and roles, sync settings, and the UPN suffix table
 * against the AD forest's suffixes. Tokens stay inside the connection.
 */
import { z } from 'zod';
import type { TenantEndpoint, TenantView, SignInMethod } from '../../shared/tenant-schemas.ts';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import { parseTenantConfig, type TenantConfig } from '../tenant/config.ts';
import type { TenantConnection } from '../tenant/connection.ts';
import type { SignedInAccount } from '../tenant/tenant-auth.ts';
import { checkSignInUrl } from './external-url.ts';
import type { PushQueue } from './push-queue.ts';
import { upnSuffixRows } from './upn-suffixes.ts';

/** What the step uses of a TenantConnection (a fake stands in for it in unit tests). */
export type TenantPort = {
  readonly auth: Pick<
    TenantConnection['auth'],
    'signInInteractive' | 'signInWithDeviceCode' | 'account' | 'signOut'
  >;
  readonly directory: Pick<
    TenantConnection['directory'],
    | 'organization'
    | 'adminRoles'
    | 'requireAdmin'
    | 'syncSettings'
    | 'setSyncFeatures'
    | 'setOnPremisesSyncEnabled'
  >;
  readonly graph: Pick<TenantConnection['graph'], 'getAll'>;
  close(): void;
};

export interface TenantStepDeps {
  readonly endpoint: () => TenantEndpoint;
  readonly connect: (config: TenantConfig) => TenantPort;
  /** Removes every saved sign-in (the sealed token caches). */
  readonly forgetSignIns: () => void;
  /** Opens a sign-in page in the user's browser (Electron: shell.openExternal). */
  readonly openBrowser: (url: string) => Promise<void>;
  readonly adUpnSuffixes: () => readonly string[] | null;
  readonly pushes: PushQueue;
  readonly log: Logger;
}

const domainList = z.array(z.object({ id: z.string(), isVerified: z.boolean(), isDefault: z.boolean() }));

/** The endpoint settings as the tenant code takes them: empty fields are "not set". */
export function tenantConfigOf(endpoint: TenantEndpoint): TenantConfig {
  const set = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());
  const raw = Object.fromEntries(
    Object.entries(endpoint)
      .map(([key, value]) => [key, set(value)])
      .filter(([, v]) => v !== undefined),
  );
  return parseTenantConfig(raw);
}

export class TenantStep {
  readonly #deps: TenantStepDeps;
  #connection: TenantPort | undefined;
  readonly #verificationPages = new Map<string, string>();

  constructor(deps: TenantStepDeps) {
    this.#deps = deps;
  }

  /** The next call connects anew (same endpoint: the saved sign-in is kept). */
  reset(): void {
    this.#connection?.close();
    this.#connection = undefined;
  }

  /**
   * The endpoint changed: its tokens were issued for the old authority, app or Graph host, so the
   * saved sign-in is forgotten and the next call connects anew, signed out.
   */
  endpointChanged(): void {
    this.reset();
    this.#deps.forgetSignIns();
    this.#deps.log.info('tenant endpoint changed: the saved sign-in was removed');
  }

  get connection(): TenantPort {
    this.#connection ??= this.#deps.connect(tenantConfigOf(this.#deps.endpoint()));
    return this.#connection;
  }

  async status(): Promise<TenantView | null> {
    const account = await this.connection.auth.account();
    return account === undefined ? null : this.view(account);
  }

  async signIn(opId: string, method: SignInMethod, signal: AbortSignal): Promise<TenantView> {
    const auth = this.connection.auth;
    try {
      const account =
        method === 'browser'
          ? await auth.signInInteractive({ openBrowser: (url) => this.#open(url), signal })
          : await auth.signInWithDeviceCode({
              signal,
              onPrompt: (prompt) => {
                this.#verificationPages.set(opId, prompt.verificationUri);
                this.#deps.pushes.push('tenant:deviceCode', {
                  opId,
                  userCode: prompt.userCode,
                  verificationUri: prompt.verificationUri,
                  expiresInSeconds: prompt.expiresInSeconds,
                });
              },
            });
      return await this.view(account);
    } finally {
      this.#verificationPages.delete(opId);
    }
  }

  /** Only the page the running device-code sign-in was given: the renderer names no URL. */
  async openVerificationPage(opId: string): Promise<void> {
    const url = this.#verificationPages.get(opId);
    if (url === undefined)
      throw new AppError(
        ErrorCode.InvalidArgument,
        'No device-code sign-in is waiting.',
        'Start the sign-in with a device code first.',
      );
    await this.#open(url);
  }

  #open(url: string): Promise<void> {
    return this.#deps.openBrowser(checkSignInUrl(url).toString());
  }

  async signOut(): Promise<void> {
    await this.connection.auth.signOut();
  }

  async view(account: SignedInAccount): Promise<TenantView> {
    const { directory, graph } = this.connection;
    const [organization, domains, roles] = await Promise.all([
      directory.organization(),
      graph.getAll('/v1.0/domains'),
      directory.adminRoles(),
    ]);
    const parsed = domainList.safeParse(domains);
    if (!parsed.success)
      throw new AppError(
        ErrorCode.TenantRequestFailed,
        'Graph sent an unexpected domain list.',
        'Check the Graph URL in "Advanced: tenant endpoint".',
      );
    const features = roles.isAdmin ? (await directory.syncSettings()).features : null;
    const suffixes = this.#deps.adUpnSuffixes();
    const tenantDomains = parsed.data.map((d) => ({
      name: d.id,
      isVerified: d.isVerified,
      isDefault: d.isDefault,
    }));
    return {
      tenantId: organization.id,
      tenantName: organization.displayName ?? organization.id,
      account: { username: account.username, name: account.name ?? null },
      roles: { ...roles },
      directorySyncEnabled: organization.onPremisesSyncEnabled,
      features:
        features === null
          ? null
          : {
              passwordSyncEnabled: features.passwordSyncEnabled,
              cloudPasswordPolicyForPasswordSyncedUsersEnabled:
                features.cloudPasswordPolicyForPasswordSyncedUsersEnabled,
              userForcePasswordChangeOnLogonEnabled: features.userForcePasswordChangeOnLogonEnabled,
            },
      domains: tenantDomains,
      upnSuffixes: suffixes === null ? null : upnSuffixRows(suffixes, tenantDomains),
    };
  }

  close(): void {
    this.reset();
  }
}
