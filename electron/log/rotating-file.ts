/** A log sink that appends to a file and rotates it by size: app.log → app.log.1 → … */
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LogSink } from '../../shared/logger.ts';

export interface RotatingFileOptions {
  readonly file: string;
  readonly maxBytes?: number;
  readonly keep?: number;
}

export function rotatingFileSink(options: RotatingFileOptions): LogSink {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = options.keep ?? 3;
  mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
  let size = existsSync(options.file) ? statSync(options.file).size : 0;
  return {
    write(line) {
      const bytes = Buffer.byteLength(line) + 1;
      if (size + bytes > maxBytes && size > 0) {
        rotate(options.file, keep);
        size = 0;
      }
      appendFileSync(options.file, `${line}\n`, { mode: 0o600 });
      size += bytes;
    },
  };
}

function rotate(file: string, keep: number): void {
  rmSync(`${file}.${keep}`, { force: true });
  for (let i = keep - 1; i >= 1; i--) {
    if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`);
  }
  renameSync(file, `${file}.1`);
}
