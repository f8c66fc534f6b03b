/**
 * Sign-in to the tenant with msal-node as a public client: interactive (system browser, auth code
 * + PKCE S256, our loopback listener), device code, password (ROPC: automation and the emulator),
 * silent refresh, sign-out. Tokens live in MSAL's cache, persisted by the given cache plugin.
 * Every failure comes out as a named AppError (auth-errors.ts).
 */
import { randomBytes } from 'node:crypto';
import {
  CryptoProvider, LogLevel, PublicClientApplication, ResponseMode, ServerError,
  type AccountInfo, type AuthenticationResult, type ICachePlugin,
} from '@azure/msal-node';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { silentLogger, type Logger } from '../../shared/logger.ts';
import { mapAuthError } from './auth-errors.ts';
import { GRAPH_SCOPES, type TenantConfig } from './config.ts';
import { createHttpsClient, type HttpsClient } from './https-client.ts';
import { startLoopback } from './loopback.ts';
import { MsalNetwork } from './msal-network.ts';

export interface SignedInAccount {
  readonly username: string;
  readonly name: string | undefined;
  readonly tenantId: string;
  readonly objectId: string;
}

export interface TokenProvider {
  /** The one origin its tokens may be sent to: that of the Graph base URL they are acquired for. */
  readonly tokenOrigin: string;
  accessToken(options?: { readonly forceRefresh?: boolean }): Promise<string>;
}

export interface DeviceCodePrompt {
  /** What to show the user, e.g. "To sign in, use a web browser to open the page … and enter the code …". */
  readonly message: string;
  readonly userCode: string;
  readonly verificationUri: string;
  readonly expiresInSeconds: number;
}

export interface TenantAuthOptions {
  readonly config: TenantConfig;
  readonly cache?: ICachePlugin;
  readonly http?: HttpsClient;
  readonly logger?: Logger;
  readonly scopes?: readonly string[];
}

export interface InteractiveOptions {
  /** Opens the URL in the user's browser (Electron: shell.openExternal; tests: a Playwright page). */
  readonly openBrowser: (url: string) => Promise<void>;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly loginHint?: string;
}

export interface DeviceCodeOptions {
  readonly onPrompt: (prompt: DeviceCodePrompt) => void;
  readonly timeoutSeconds?: number;
  readonly signal?: AbortSignal;
}

function toAccount(a: AccountInfo): SignedInAccount {
  return { username: a.username, name: a.name, tenantId: a.tenantId, objectId: a.localAccountId };
}

export class TenantAuth implements TokenProvider {
  readonly config: TenantConfig;
  readonly tokenOrigin: string;
  readonly #pca: PublicClientApplication;
  readonly #network: MsalNetwork;
  readonly #http: HttpsClient;
  readonly #ownsHttp: boolean;
  readonly #log: Logger;
  readonly #scopes: string[];
  readonly #crypto = new CryptoProvider();

  constructor(options: TenantAuthOptions) {
    this.config = options.config;
    this.tokenOrigin = new URL(options.config.graphBaseUrl).origin;
    this.#log = (options.logger ?? silentLogger).child('tenant.auth');
    this.#ownsHttp = options.http === undefined;
    this.#http = options.http ?? createHttpsClient({ caFile: options.config.caFile });
    this.#network = new MsalNetwork(this.#http, this.#log);
    this.#scopes = [...(options.scopes ?? GRAPH_SCOPES)];
    const log = this.#log;
    this.#pca = new PublicClientApplication({
      auth: { clientId: this.config.clientId, authority: this.config.authority, knownAuthorities: [new URL(this.config.authority).host] },
      ...(options.cache === undefined ? {} : { cache: { cachePlugin: options.cache } }),
      system: {
        networkClient: this.#network,
        loggerOptions: {
          piiLoggingEnabled: false,
          logLevel: LogLevel.Warning,
          loggerCallback: (_level, message, containsPii) => {
            if (!containsPii) log.debug('msal', { message });
          },
        },
      },
    });
  }

  async #run<T>(what: string, op: () => Promise<T>): Promise<T> {
    this.#network.reset();
    try {
      return await op();
    } catch (error) {
      const mapped = mapAuthError(error, this.#network);
      this.#log.warn(`${what} failed`, { code: mapped.code, message: mapped.message });
      throw mapped;
    }
  }

  /** Checks the tenant of a fresh sign-in; a sign-in to another tenant is undone and refused. */
  async #accept(result: AuthenticationResult | null): Promise<SignedInAccount> {
    if (result?.account == null) throw new AppError(ErrorCode.TenantSignInFailed, 'The sign-in returned no account.', 'Try again.');
    const expected = this.config.tenantId;
    if (expected !== undefined && result.account.tenantId !== expected) {
      await this.#pca.signOut({ account: result.account });
      throw new AppError(ErrorCode.TenantWrongTenant, `That account belongs to tenant ${result.account.tenantId}, not ${expected}.`, 'Sign in with an account of the configured tenant, or fix tenantId in the tenant file.');
    }
    this.#log.info('signed in', { username: result.account.username, tenantId: result.account.tenantId });
    return toAccount(result.account);
  }

  signInInteractive(o: InteractiveOptions): Promise<SignedInAccount> {
    return this.#run('interactive sign-in', async () => {
      const { verifier, challenge } = await this.#crypto.generatePkceCodes();
      const state = randomBytes(16).toString('base64url');
      const nonce = randomBytes(16).toString('base64url');
      const loopback = await startLoopback(state, o.timeoutMs ?? 5 * 60_000, o.signal);
      try {
        const common = { scopes: this.#scopes, redirectUri: loopback.redirectUri };
        const url = await this.#pca.getAuthCodeUrl({
          ...common, codeChallenge: challenge, codeChallengeMethod: 'S256', state, nonce,
          responseMode: ResponseMode.FORM_POST, prompt: 'select_account', ...(o.loginHint === undefined ? {} : { loginHint: o.loginHint }),
        });
        await o.openBrowser(url);
        const reply = await loopback.reply;
        if (reply.error !== undefined || reply.code === undefined) {
          const errorNo = /AADSTS(\d+)/.exec(reply.errorDescription ?? '')?.[1];
          throw new ServerError(reply.error ?? 'no_code', '', reply.errorDescription, reply.suberror, errorNo);
        }
        return await this.#accept(await this.#pca.acquireTokenByCode({ ...common, code: reply.code, codeVerifier: verifier, nonce, ...(reply.clientInfo ? { clientInfo: reply.clientInfo } : {}) }));
      } finally {
        loopback.close();
      }
    });
  }

  signInWithDeviceCode(o: DeviceCodeOptions): Promise<SignedInAccount> {
    return this.#run('device-code sign-in', async () => {
      const request = {
        scopes: this.#scopes, timeout: o.timeoutSeconds ?? 900, cancel: false,
        deviceCodeCallback: (r: { message: string; userCode: string; verificationUri: string; expiresIn: number }) =>
          o.onPrompt({ message: r.message, userCode: r.userCode, verificationUri: r.verificationUri, expiresInSeconds: r.expiresIn }),
      };
      const onAbort = (): void => void (request.cancel = true);
      o.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        return await this.#accept(await this.#pca.acquireTokenByDeviceCode(request));
      } finally {
        o.signal?.removeEventListener('abort', onAbort);
      }
    });
  }

  /** ROPC: only for automation, the emulator, and tenants that allow it (no MFA possible). */
  signInWithPassword(username: string, password: string): Promise<SignedInAccount> {
    return this.#run('password sign-in', async () =>
      this.#accept(await this.#pca.acquireTokenByUsernamePassword({ scopes: this.#scopes, username, password })));
  }

  async #cachedAccount(): Promise<AccountInfo | undefined> {
    const host = new URL(this.config.authority).host;
    const all = await this.#pca.getAllAccounts();
    return all.find((a) => a.environment === host && (this.config.tenantId === undefined || a.tenantId === this.config.tenantId));
  }

  /** The signed-in account in the cache, if any (no network). */
  async account(): Promise<SignedInAccount | undefined> {
    const a = await this.#run('reading the token cache', () => this.#cachedAccount());
    return a === undefined ? undefined : toAccount(a);
  }

  /** A valid access token for Graph: from the cache, or refreshed with the refresh token. */
  accessToken(options: { readonly forceRefresh?: boolean } = {}): Promise<string> {
    return this.#run('silent token', async () => {
      const account = await this.#cachedAccount();
      if (account === undefined) throw new AppError(ErrorCode.TenantNotSignedIn, 'Nobody is signed in to this tenant.', 'Sign in first: phs tenant login (or "Sign in" in the app).');
      const result = await this.#pca.acquireTokenSilent({ account, scopes: this.#scopes, forceRefresh: options.forceRefresh === true });
      return result.accessToken;
    });
  }

  /** Forgets every account of this authority in the cache (and so its tokens). */
  signOut(): Promise<void> {
    return this.#run('sign-out', async () => {
      const host = new URL(this.config.authority).host;
      for (const account of await this.#pca.getAllAccounts()) {
        if (account.environment === host) await this.#pca.signOut({ account });
      }
    });
  }

  close(): void {
    if (this.#ownsHttp) this.#http.close();
  }
}
