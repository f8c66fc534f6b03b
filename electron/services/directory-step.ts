/**
 * The wizard's Active Directory step in main: tests a connection (TLS, bind, discovery, rights),
 * offers the DC's certificate for a trust decision when it does not verify, and keeps the bound
 * session and the password in memory for the Scope step (OU tree, user counts). The password
 * never leaves this process except sealed, through the wizard's Configure, and a held or saved
 * password is reused only for the target it was tested with (password-reuse.ts).
 */
import { readFileSync } from 'node:fs';
import type {
  DirectoryConnected,
  DirectoryDraft,
  DirectoryTestOutcome,
  OuNodeView,
} from '../../shared/directory-schemas.ts';
import { targetOf } from '../../shared/directory-target.ts';
import { AppError, ErrorCode, toShape } from '../../shared/errors.ts';
import type { ScopeSelection } from '../../shared/scope-rules.ts';
import { checkAccount, checkHost, checkPort, checkServerName } from '../../shared/validators.ts';
import {
  validateScope,
  type ConnectionSettings,
  type DirectoryService,
  type DirectorySession,
} from '../directory/ldap/index.ts';
import type { Logger } from '../../shared/logger.ts';
import { toCertificateView, toDiscoveryView, toRightsView } from './directory-views.ts';
import { abortable, throwIfCancelled } from './operations.ts';
import { passwordFor } from './password-reuse.ts';
import type { BoundCredential, SavedCredential } from './secret-store.ts';

export interface DirectoryStepDeps {
  readonly service: DirectoryService;
  /** The credential saved by an earlier Configure, if any. */
  readonly savedCredential: () => Promise<SavedCredential | undefined>;
  readonly log: Logger;
  readonly readTextFile?: (path: string) => string;
}

const TRUST_ERRORS: ReadonlySet<string> = new Set([ErrorCode.LdapTlsUntrusted, ErrorCode.LdapTlsPinMismatch]);

function invalid(problems: readonly string[]): AppError {
  return new AppError(
    ErrorCode.InvalidArgument,
    problems.join(' '),
    'Correct the highlighted fields and test the connection again.',
  );
}

export class DirectoryStep {
  readonly #deps: DirectoryStepDeps;
  #session: DirectorySession | undefined;
  #settings: ConnectionSettings | undefined;
  #credential: BoundCredential | undefined;
  #result: DirectoryConnected | undefined;
  #reconnecting: Promise<DirectorySession> | undefined;

  constructor(deps: DirectoryStepDeps) {
    this.#deps = deps;
  }

  get result(): DirectoryConnected | null {
    return this.#result ?? null;
  }

  /** The credential of the last successful test and its target, held in memory. */
  get heldCredential(): BoundCredential | undefined {
    return this.#credential;
  }

  get upnSuffixes(): readonly string[] | null {
    return this.#result?.discovery.upnSuffixes ?? null;
  }

  async test(
    draft: DirectoryDraft,
    password: string | undefined,
    signal: AbortSignal,
  ): Promise<DirectoryTestOutcome> {
    const problems = [
      checkHost(draft.host),
      checkPort(String(draft.port)),
      checkServerName(draft.serverName),
      checkAccount(draft.username),
    ];
    const found = problems.filter((p): p is string => p !== undefined);
    if (found.length > 0) throw invalid(found);
    const saved =
      password === undefined ? await this.#deps.savedCredential().catch(() => undefined) : undefined;
    const credential: BoundCredential = {
      username: draft.username.trim(),
      password: passwordFor(draft, password, [this.#credential, saved]),
      target: targetOf(draft),
    };
    const settings = this.#settingsOf(draft);
    let session: DirectorySession;
    try {
      session = await abortable(
        this.#deps.service.connect(settings, credential),
        signal,
        (late) => void late.close(),
      );
    } catch (error) {
      if (!(error instanceof AppError) || !TRUST_ERRORS.has(error.code)) throw error;
      throwIfCancelled(signal);
      const certificate = await abortable(this.#deps.service.fetchCertificate(settings), signal);
      return { status: 'untrusted', certificate: toCertificateView(certificate), error: toShape(error) };
    }
    try {
      const discovery = await abortable(session.discover(), signal);
      const rights = await abortable(session.checkRights(), signal);
      const result: DirectoryConnected = {
        status: 'connected',
        account: credential.username,
        certificate: toCertificateView(session.certificate),
        discovery: toDiscoveryView(discovery),
        rights: toRightsView(rights),
        testedAt: new Date().toISOString(),
      };
      await this.#replaceSession(session);
      this.#settings = settings;
      this.#credential = credential;
      this.#result = result;
      this.#deps.log.info('directory connection tested', {
        host: draft.host,
        port: draft.port,
        canSync: result.rights.canSync,
      });
      return result;
    } catch (error) {
      await session.close().catch(() => undefined);
      throw error;
    }
  }

  /** The domain head as the tree's root (no parent), or the children of `parentDn`. */
  async listOus(parentDn: string | undefined, signal: AbortSignal): Promise<OuNodeView[]> {
    return this.#withSession(signal, async (session) => {
      if (parentDn !== undefined) {
        const nodes = await session.listOus(parentDn);
        return nodes.map((n) => ({
          dn: n.dn,
          name: n.name,
          kind: n.kind,
          hasChildren: n.hasChildren,
          userCount: n.userCount,
        }));
      }
      const { domain } = await session.discover();
      const userCount = await session.countUsers({
        includedOus: [domain.defaultNamingContext],
        excludedOus: [],
      });
      return [
        {
          dn: domain.defaultNamingContext,
          name: domain.dnsName,
          kind: 'domain' as const,
          hasChildren: true,
          userCount,
        },
      ];
    });
  }

  async countUsers(scope: ScopeSelection, signal: AbortSignal): Promise<number> {
    if (scope.includedOus.length === 0) return 0;
    const valid = validateScope({ includedOus: [...scope.includedOus], excludedOus: [...scope.excludedOus] });
    return this.#withSession(signal, (session) => session.countUsers(valid));
  }

  async close(): Promise<void> {
    await this.#replaceSession(undefined);
  }

  #settingsOf(draft: DirectoryDraft): ConnectionSettings {
    const base = {
      host: draft.host.trim(),
      port: draft.port,
      transport: draft.transport,
      ...(draft.serverName.trim() === '' ? {} : { serverName: draft.serverName.trim() }),
    };
    switch (draft.trust.kind) {
      case 'system':
        return { ...base, trust: { kind: 'system' } };
      case 'pinned':
        return { ...base, trust: { kind: 'pinned', sha256: draft.trust.sha256 } };
      case 'pem':
        return { ...base, trust: { kind: 'pem', pem: this.#readCa(draft.trust.file) } };
    }
  }

  #readCa(file: string): string {
    let pem: string;
    try {
      pem = (this.#deps.readTextFile ?? ((p: string) => readFileSync(p, 'utf8')))(file);
    } catch {
      throw invalid([`The CA file ${file} cannot be read.`]);
    }
    if (!pem.includes('-----BEGIN CERTIFICATE-----'))
      throw invalid([`The file ${file} holds no PEM certificate (-----BEGIN CERTIFICATE-----).`]);
    return pem;
  }

  async #replaceSession(next: DirectorySession | undefined): Promise<void> {
    const previous = this.#session;
    this.#session = next;
    await previous?.close().catch(() => undefined);
  }

  /** Runs `work` on the held session; reconnects once when the DC dropped it. */
  async #withSession<T>(signal: AbortSignal, work: (session: DirectorySession) => Promise<T>): Promise<T> {
    if (this.#settings === undefined || this.#credential === undefined) {
      throw new AppError(
        ErrorCode.LdapConnectionLost,
        'There is no tested connection to Active Directory.',
        'Go to the Active Directory step and test the connection first.',
      );
    }
    const session = this.#session ?? (await this.#reconnect(undefined, signal));
    try {
      return await abortable(work(session), signal);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== ErrorCode.LdapConnectionLost) throw error;
      return abortable(work(await this.#reconnect(session, signal)), signal);
    }
  }

  /** One reconnect at a time; callers that saw the same session fail share it. */
  async #reconnect(stale: DirectorySession | undefined, signal: AbortSignal): Promise<DirectorySession> {
    if (this.#session !== stale && this.#session !== undefined) return this.#session;
    this.#reconnecting ??= this.#deps.service
      .connect(this.#settings!, this.#credential!)
      .then(async (session) => {
        await this.#replaceSession(session);
        return session;
      })
      .finally(() => (this.#reconnecting = undefined));
    return abortable(this.#reconnecting, signal);
  }
}
