/**
 * The wizard's secrets at rest (`<userData>/secrets.bin`): the AD account's password with the
 * connection target it was tested against (it is reused only there), sealed by the SecretBox (the
 * OS secret store in the app, a 0600 key file in tests). Never written in the clear: when the box
 * cannot seal, saving fails with the box's error and its remediation — and `availability()` says
 * so before anyone tries. Secrets the box opened under an old key are sealed again at once.
 */
import { readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { directoryTargetSchema, type DirectoryTarget } from '../../shared/directory-target.ts';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import type { SecretBox, SecretBoxAvailability } from '../tenant/secret-box.ts';
import { writeFileAtomic } from './settings-store.ts';

const secretsSchema = z.strictObject({
  directory: z
    .strictObject({
      username: z.string(),
      password: z.string().min(1),
      /** Absent in files written before passwords were bound to their target: reused nowhere. */
      target: directoryTargetSchema.optional(),
    })
    .optional(),
});
type Secrets = z.infer<typeof secretsSchema>;

export interface DirectoryCredential {
  readonly username: string;
  readonly password: string;
}

/** A password with the target it was tested against: the only one it is reused for. */
export interface BoundCredential extends DirectoryCredential {
  readonly target: DirectoryTarget;
}

/** The saved credential; `target` null for a file from before the binding (reused nowhere). */
export interface SavedCredential extends DirectoryCredential {
  readonly target: DirectoryTarget | null;
}

export class SecretStore {
  readonly file: string;
  readonly #box: SecretBox;

  constructor(file: string, box: SecretBox) {
    this.file = file;
    this.#box = box;
  }

  /** Whether secrets can be sealed on this machine (the Ready page blocks Configure when not). */
  availability(): Promise<SecretBoxAvailability> {
    return this.#box.availability();
  }

  /** Whether a sealed secrets file exists (without opening it). */
  exists(): boolean {
    try {
      readFileSync(this.file);
      return true;
    } catch {
      return false;
    }
  }

  async directoryCredential(): Promise<SavedCredential | undefined> {
    const saved = (await this.#read()).directory;
    if (saved === undefined) return undefined;
    return { username: saved.username, password: saved.password, target: saved.target ?? null };
  }

  async saveDirectoryCredential(credential: BoundCredential): Promise<void> {
    const current = await this.#read().catch(() => ({}) as Secrets);
    const { username, password, target } = credential;
    await this.#write({ ...current, directory: { username, password, target } });
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }

  async #write(secrets: Secrets): Promise<void> {
    const plain = Buffer.from(JSON.stringify(secrets), 'utf8');
    try {
      writeFileAtomic(this.file, await this.#box.encrypt(plain));
    } finally {
      plain.fill(0);
    }
  }

  async #read(): Promise<Secrets> {
    let sealed: Buffer;
    try {
      sealed = readFileSync(this.file);
    } catch {
      return {};
    }
    const { plain, reseal } = await this.#box.decrypt(sealed);
    let secrets: Secrets;
    try {
      const parsed = secretsSchema.safeParse(JSON.parse(plain.toString('utf8')));
      if (!parsed.success) throw new Error('unexpected shape');
      secrets = parsed.data;
    } catch {
      throw new AppError(
        ErrorCode.TokenCacheCorrupt,
        'The saved secrets cannot be read.',
        'Enter the password again and configure: the saved secrets are replaced.',
      );
    } finally {
      plain.fill(0);
    }
    // The OS rotated its key: store them sealed under the new one.
    if (reseal) await this.#write(secrets);
    return secrets;
  }
}
