/**
 * The durable file operations the journal store is built on: read a whole file, append with
 * fdatasync, replace a file atomically (temp file + fsync + rename + directory fsync), truncate
 * a torn tail. Each wraps I/O failures in a StateUnavailable error that names the file.
 */
import { open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError, ErrorCode } from '../../shared/errors.ts';

export function stateUnavailable(what: string, file: string, cause: unknown): AppError {
  const reason = cause instanceof Error && 'code' in cause ? ` (${String(cause.code)})` : '';
  return new AppError(
    ErrorCode.StateUnavailable,
    `Cannot ${what} the state file ${basename(file)}${reason}.`,
    'Check that the state folder exists, is writable by this user and that the disk is not full.',
    { cause },
  );
}

export async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw stateUnavailable('read', file, error);
  }
}

/** fsync of a directory makes a rename or a new name in it durable (POSIX); a no-op where unsupported. */
export async function fsyncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  } finally {
    await handle?.close();
  }
}

/** Writes `chunks` to dir/name so that a crash leaves either the old file or the whole new one. */
export async function replaceAtomically(
  dir: string,
  name: string,
  chunks: Iterable<string>,
): Promise<number> {
  const target = join(dir, name);
  const temp = `${target}.tmp`;
  let bytes = 0;
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      let pending: string[] = [];
      let pendingBytes = 0;
      for (const chunk of chunks) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= 1 << 20) {
          bytes += (await handle.write(pending.join(''))).bytesWritten;
          pending = [];
          pendingBytes = 0;
        }
      }
      bytes += (await handle.write(pending.join(''))).bytesWritten;
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw stateUnavailable('write', target, error);
  }
  await fsyncDir(dir);
  return bytes;
}

/** An append-only file: each append is written and fdatasync'ed before it resolves. */
export class Appender {
  readonly file: string;
  readonly #handle: FileHandle;

  private constructor(file: string, handle: FileHandle) {
    this.file = file;
    this.#handle = handle;
  }

  /** Opens `file` for appending after cutting it to `validBytes` (drops a torn tail). */
  static async open(file: string, validBytes: number): Promise<Appender> {
    try {
      const handle = await open(file, 'r+');
      const { size } = await handle.stat();
      if (size !== validBytes) {
        await handle.truncate(validBytes);
        await handle.sync();
      }
      await handle.close();
      return new Appender(file, await open(file, 'a', 0o600));
    } catch (error) {
      throw stateUnavailable('open', file, error);
    }
  }

  async append(text: string): Promise<number> {
    try {
      const { bytesWritten } = await this.#handle.write(text);
      await this.#handle.datasync();
      return bytesWritten;
    } catch (error) {
      throw stateUnavailable('write', this.file, error);
    }
  }

  async close(): Promise<void> {
    await this.#handle.close().catch(() => undefined);
  }
}
