/**
 * MSAL's token cache persisted in one file, sealed by a SecretBox: read and opened before each
 * cache access, sealed and written atomically (mode 0600) after a change. A cache that cannot be
 * opened (other key, damaged) reads as empty — the user signs in again and it is replaced — but a
 * box that cannot encrypt at all (no OS secret store) stops the operation with its error. A cache
 * the box says was sealed under an old key is sealed again at once.
 * Bound to an endpoint (the CLI's one cache file), the sealed text starts with the endpoint's
 * digest, and a cache saved for another endpoint reads as empty: editing the tenant file's
 * authority, client id or Graph URL signs out instead of sending old tokens to a new host.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import { endpointDigest, type TenantConfig } from './config.ts';
import type { SecretBox } from './secret-box.ts';

const BINDING_PREFIX = 'phs-endpoint:';

export class EncryptedFileCache implements ICachePlugin {
  readonly #file: string;
  readonly #box: SecretBox;
  readonly #log: Logger;
  readonly #binding: string | null;

  constructor(file: string, box: SecretBox, log: Logger, options: { readonly endpoint?: TenantConfig } = {}) {
    this.#file = file;
    this.#box = box;
    this.#log = log;
    this.#binding = options.endpoint === undefined ? null : `${BINDING_PREFIX}${endpointDigest(options.endpoint)}\n`;
  }

  get file(): string {
    return this.#file;
  }

  async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
    let sealed: Buffer;
    try {
      sealed = readFileSync(this.#file);
    } catch {
      return; // no cache yet
    }
    try {
      const { plain, reseal } = await this.#box.decrypt(sealed);
      try {
        const text = this.#unbound(plain.toString('utf8'));
        if (text === null) return;
        context.tokenCache.deserialize(text);
        // The OS rotated its key: store the cache sealed under the new one.
        if (reseal) await this.#write(plain);
      } finally {
        plain.fill(0);
      }
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.TokenCacheCorrupt) {
        this.#log.warn('token cache unreadable; treating it as empty', { file: this.#file });
        return;
      }
      throw error;
    }
  }

  async afterCacheAccess(context: TokenCacheContext): Promise<void> {
    if (!context.cacheHasChanged) return;
    const plain = Buffer.from(`${this.#binding ?? ''}${context.tokenCache.serialize()}`, 'utf8');
    try {
      await this.#write(plain);
    } finally {
      plain.fill(0);
    }
  }

  /** The cache text without its binding; null when it was saved for another endpoint (or unbound). */
  #unbound(text: string): string | null {
    if (this.#binding === null) return text;
    if (text.startsWith(this.#binding)) return text.slice(this.#binding.length);
    this.#log.warn('the saved sign-in is for another tenant endpoint; sign in again', { file: this.#file });
    return null;
  }

  async #write(plain: Buffer): Promise<void> {
    const sealed = await this.#box.encrypt(plain);
    mkdirSync(dirname(this.#file), { recursive: true, mode: 0o700 });
    const tmp = `${this.#file}.${process.pid}.tmp`;
    writeFileSync(tmp, sealed, { mode: 0o600 });
    renameSync(tmp, this.#file);
  }

  /** Removes the file (sign-out of every account in it). */
  remove(): void {
    rmSync(this.#file, { force: true });
  }
}
