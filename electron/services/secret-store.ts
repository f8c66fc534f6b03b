/**
 * The wizard's secrets at rest (`<userData>/secrets.bin`): the AD account's password, sealed by
 * the SecretBox (the OS secret store in the app, a 0600 key file in tests). Never written in the
 * clear: when the box cannot seal, saving fails with the box's error and its remediation.
 */
import { readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import type { SecretBox } from '../tenant/secret-box.ts';
import { writeFileAtomic } from './settings-store.ts';

const secretsSchema = z.strictObject({
  directory: z.strictObject({ username: z.string(), password: z.string().min(1) }).optional(),
});
type Secrets = z.infer<typeof secretsSchema>;

export interface DirectoryCredential {
  readonly username: string;
  readonly password: string;
}

export class SecretStore {
  readonly file: string;
  readonly #box: SecretBox;

  constructor(file: string, box: SecretBox) {
    this.file = file;
    this.#box = box;
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

  async directoryCredential(): Promise<DirectoryCredential | undefined> {
    return (await this.#read()).directory;
  }

  async saveDirectoryCredential(credential: DirectoryCredential): Promise<void> {
    const current = await this.#read().catch(() => ({}) as Secrets);
    const plain = Buffer.from(JSON.stringify({ ...current, directory: credential }), 'utf8');
    try {
      writeFileAtomic(this.file, await this.#box.encrypt(plain));
    } finally {
      plain.fill(0);
    }
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }

  async #read(): Promise<Secrets> {
    let sealed: Buffer;
    try {
      sealed = readFileSync(this.file);
    } catch {
      return {};
    }
    const plain = await this.#box.decrypt(sealed);
    try {
      const parsed = secretsSchema.safeParse(JSON.parse(plain.toString('utf8')));
      if (!parsed.success) throw new Error('unexpected shape');
      return parsed.data;
    } catch {
      throw new AppError(
        ErrorCode.TokenCacheCorrupt,
        'The saved secrets cannot be read.',
        'Enter the password again and configure: the saved secrets are replaced.',
      );
    } finally {
      plain.fill(0);
    }
  }
}
