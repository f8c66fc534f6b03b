/** Runs the `phs` CLI from source (Node 24 strips the types) as a real child process. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI_ENTRY = fileURLToPath(new URL('../../../electron/cli/main.ts', import.meta.url));

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runPhs(args: readonly string[], stdin: string | Buffer = ''): CliResult {
  const result = spawnSync(process.execPath, [CLI_ENTRY, ...args], { input: stdin, timeout: 30_000 });
  return { status: result.status, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8') };
}
