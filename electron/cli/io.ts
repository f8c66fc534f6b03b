/** What a CLI command may touch: its streams and exit codes. Injected so tests need no process. */
import type { Readable, Writable } from 'node:stream';

export const ExitCode = {
  Ok: 0,
  Failed: 1,
  BadInput: 2,
  MissingRights: 3,
  NoPassword: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface CliIo {
  readonly stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  readonly stdout: Writable;
  readonly stderr: Writable;
}

/** A failure the user caused: printed as one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function printError(io: CliIo, message: string, hint?: string): void {
  io.stderr.write(`phs: error: ${message}${hint ? ` ${hint}` : ''}\n`);
}
