/**
 * The wizard's own domain in main: its saved settings and secrets, the Ready page's review (what
 * blocks Configure, what deserves a warning) and Configure itself: seal the AD password, apply the
 * tenant features, record the configuration, and hand the first full sync to the engine through
 * the FirstSyncPort (injected by whoever wires the engine; absent, the page says so).
 */
import type { DirectoryDraft, DirectoryTestOutcome } from '../../shared/directory-schemas.ts';
import { sameDirectoryTarget } from '../../shared/directory-target.ts';
import { AppError, ErrorCode, toShape, type AppErrorShape } from '../../shared/errors.ts';
import { sameTenantEndpoint } from '../../shared/tenant-endpoint.ts';
import type { TenantView } from '../../shared/tenant-schemas.ts';
import type { ConfigureResult, PasswordState, Review, WizardSnapshot } from '../../shared/wizard-schemas.ts';
import type { Logger } from '../../shared/logger.ts';
import type { DirectoryStep } from './directory-step.ts';
import { reviewFindings } from './review-findings.ts';
import type { KnownCredential } from './password-reuse.ts';
import type { SecretStore } from './secret-store.ts';
import type { SettingsStore, WizardSettings } from './settings-store.ts';
import { applyTenantFeatures } from './tenant-apply.ts';
import type { TenantStep } from './tenant-step.ts';

/** How Configure starts the first full sync; progress goes to the renderer as `engine:progress`. */
export interface FirstSyncPort {
  /** Starts a full sync with the saved configuration; resolves once it has started. */
  start(): Promise<void>;
  /** Cancels the running first sync; false when none runs. */
  cancel(): Promise<boolean>;
}

export interface WizardDeps {
  readonly settings: SettingsStore;
  readonly secrets: SecretStore;
  readonly directory: DirectoryStep;
  readonly tenant: TenantStep;
  readonly log: Logger;
  readonly firstSync?: FirstSyncPort;
}

export class Wizard {
  readonly #deps: WizardDeps;
  #firstSync: FirstSyncPort | undefined;

  constructor(deps: WizardDeps) {
    this.#deps = deps;
    this.#firstSync = deps.firstSync;
  }

  /** The engine's wiring connects here once it exists. */
  connectFirstSync(port: FirstSyncPort | undefined): void {
    this.#firstSync = port;
  }

  async snapshot(): Promise<WizardSnapshot> {
    const s = this.#deps.settings.current;
    return {
      directory: s.directory,
      passwordState: await this.#passwordState(s.directory),
      tenantEndpoint: s.tenantEndpoint,
      scope: s.scope,
      phs: s.phs,
      configuredAt: s.configuredAt,
    };
  }

  /** A changed tenant endpoint signs out: its tokens were issued for the old one. */
  save(patch: Partial<Pick<WizardSettings, 'scope' | 'phs' | 'tenantEndpoint'>>): void {
    const before = this.#deps.settings.current.tenantEndpoint;
    this.#deps.settings.update(patch);
    if (patch.tenantEndpoint === undefined) return;
    if (sameTenantEndpoint(before, patch.tenantEndpoint)) this.#deps.tenant.reset();
    else this.#deps.tenant.endpointChanged();
  }

  /** A successful test also saves the draft it used (without the password). */
  async testDirectory(
    draft: DirectoryDraft,
    password: string | undefined,
    signal: AbortSignal,
  ): Promise<DirectoryTestOutcome> {
    const outcome = await this.#deps.directory.test(draft, password, signal);
    if (outcome.status === 'connected') this.#deps.settings.update({ directory: draft });
    return outcome;
  }

  async review(): Promise<Review> {
    const snapshot = await this.snapshot();
    const directory = this.#deps.directory.result;
    const { view: tenant, error: tenantError } = await this.#tenantView();
    const usersInScope = await this.#usersInScope(snapshot);
    const secrets = await this.#deps.secrets.availability();
    return {
      snapshot,
      directory,
      tenant,
      tenantError,
      usersInScope,
      ...reviewFindings(snapshot, directory, tenant, secrets.available ? null : toShape(secrets.reason)),
    };
  }

  async configure(): Promise<ConfigureResult> {
    const review = await this.review();
    if (review.blockers.length > 0) {
      throw new AppError(
        ErrorCode.ConfigInvalid,
        `Configure cannot run yet: ${review.blockers.map((b) => b.message).join(' ')}`,
        'Fix each item listed on this page (its "Change" link opens the step), then configure again.',
      );
    }
    const credential = this.#deps.directory.heldCredential;
    if (credential === undefined)
      throw new AppError(
        ErrorCode.ConfigInvalid,
        'The Active Directory password is not known.',
        'Test the Active Directory connection again with the password.',
      );
    await this.#deps.secrets.saveDirectoryCredential(credential);
    const phs = review.snapshot.phs;
    const tenantChanges = await applyTenantFeatures(this.#deps.tenant.connection, phs);
    const savedAt = new Date().toISOString();
    this.#deps.settings.update({ configuredAt: savedAt });
    this.#deps.log.info('configuration applied', {
      staging: phs.stagingMode,
      tenantChanges: tenantChanges.length,
    });
    let firstSync: ConfigureResult['firstSync'] = 'notRequested';
    if (phs.enabled && this.#firstSync !== undefined) {
      await this.#firstSync.start();
      firstSync = 'started';
    } else if (phs.enabled) firstSync = 'engineNotConnected';
    return { savedAt, tenantChanges, staging: phs.stagingMode, firstSync };
  }

  async cancelFirstSync(): Promise<boolean> {
    return (await this.#firstSync?.cancel()) ?? false;
  }

  /**
   * saved: the account's password is sealed on disk for this draft's target (and any held one is
   * the same); held: only in memory; none: no password main would reuse for this draft.
   */
  async #passwordState(draft: DirectoryDraft | null): Promise<PasswordState> {
    if (draft === null) return 'none';
    const held = this.#deps.directory.heldCredential;
    const saved = this.#deps.secrets.exists()
      ? await this.#deps.secrets.directoryCredential().catch(() => undefined)
      : undefined;
    const usable = (c: KnownCredential | undefined): c is KnownCredential =>
      c !== undefined &&
      c.username === draft.username.trim() &&
      c.target !== null &&
      sameDirectoryTarget(c.target, draft);
    const same = usable(held) && usable(saved) && held.password === saved.password;
    if (usable(held)) return same ? 'saved' : 'held';
    return usable(saved) ? 'saved' : 'none';
  }

  async #tenantView(): Promise<{ view: TenantView | null; error: AppErrorShape | null }> {
    try {
      return { view: await this.#deps.tenant.status(), error: null };
    } catch (error) {
      return { view: null, error: toShape(error) };
    }
  }

  async #usersInScope(snapshot: WizardSnapshot): Promise<number | null> {
    if (
      this.#deps.directory.result === null ||
      snapshot.scope === null ||
      snapshot.scope.includedOus.length === 0
    )
      return null;
    try {
      return await this.#deps.directory.countUsers(snapshot.scope, new AbortController().signal);
    } catch (error) {
      this.#deps.log.warn('could not count the users in scope for the review', {
        error: toShape(error).code,
      });
      return null;
    }
  }
}
