/** Process entry of the `phs` CLI (bundled to dist/main/cli.mjs; runnable from source under Node 24). */
import { runCli } from './cli.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
