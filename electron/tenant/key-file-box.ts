/**
 * The CLI's SecretBox: AES-256-GCM under a 32-byte random key kept in a key file that only its
 * owner may read (mode 0600, created so; refused when group or others have any access).
 * Default key file: ${XDG_CONFIG_HOME:-~/.config}/phs-sync/cli-token.key (override: --key-file).
 * Sealed layout: "PHSC1" | 12-byte IV | 16-byte tag | ciphertext (the magic is authenticated too).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, fstatSync, lstatSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import type { SecretBox } from './secret-box.ts';

const MAGIC = Buffer.from('PHSC1', 'ascii');
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env['XDG_CONFIG_HOME'];
  return join(xdg !== undefined && xdg.startsWith('/') ? xdg : join(homedir(), '.config'), 'phs-sync');
}

export function defaultKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), 'cli-token.key');
}

function insecure(file: string, why: string): AppError {
  return new AppError(ErrorCode.TokenCacheKeyInsecure, `The key file ${file} ${why}.`, `Run: chmod 600 ${file} (and make sure you own it), or delete it and sign in again.`);
}

/** Opens without following a symlink and checks the opened file itself, so nothing can be swapped in between. */
function readKey(file: string): Buffer {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    throw error instanceof Error && 'code' in error && error.code === 'ELOOP' ? insecure(file, 'is a symbolic link') : error;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw insecure(file, 'is not a regular file');
    if ((st.mode & 0o077) !== 0) throw insecure(file, `is accessible by group or others (mode ${(st.mode & 0o777).toString(8).padStart(4, '0')})`);
    if (typeof process.getuid === 'function' && st.uid !== process.getuid()) throw insecure(file, 'belongs to another user');
    const key = Buffer.alloc(KEY_BYTES + 1);
    const n = readSync(fd, key, 0, key.length, 0);
    if (n !== KEY_BYTES) {
      throw new AppError(ErrorCode.TokenCacheCorrupt, `The key file ${file} does not hold a ${KEY_BYTES}-byte key.`, 'Delete it and sign in again: a new key is made.');
    }
    return key.subarray(0, KEY_BYTES);
  } finally {
    closeSync(fd);
  }
}

function createKey(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const fd = openSync(file, 'wx', 0o600);
  try {
    fchmodSync(fd, 0o600);
    writeSync(fd, randomBytes(KEY_BYTES));
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens the key file (creating it when `create` and it is missing). Returns undefined when it
 * is missing and may not be created: then there is nothing encrypted to read either.
 */
export function openKeyFileBox(file: string, create: boolean): SecretBox | undefined {
  try {
    lstatSync(file);
  } catch {
    if (!create) return undefined;
    try {
      createKey(file);
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) {
        throw new AppError(ErrorCode.TokenCacheUnavailable, `The key file ${file} cannot be created.`, 'Check that its folder is writable, or pass --key-file <path>.', { cause: error });
      }
    }
  }
  const key = readKey(file);
  return {
    availability: () => Promise.resolve({ available: true }),
    encrypt: (plain) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(MAGIC);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Promise.resolve(Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]));
    },
    decrypt: (sealed) => {
      const head = MAGIC.length + IV_BYTES + TAG_BYTES;
      if (sealed.length < head || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) return Promise.reject(corrupt());
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(MAGIC.length, MAGIC.length + IV_BYTES));
        decipher.setAAD(MAGIC);
        decipher.setAuthTag(sealed.subarray(MAGIC.length + IV_BYTES, head));
        const plain = Buffer.concat([decipher.update(sealed.subarray(head)), decipher.final()]);
        return Promise.resolve({ plain, reseal: false });
      } catch {
        return Promise.reject(corrupt());
      }
    },
  };
}

function corrupt(): AppError {
  return new AppError(ErrorCode.TokenCacheCorrupt, 'The saved sign-in cannot be decrypted with this key.', 'Sign in again: the saved sign-in is replaced.');
}
