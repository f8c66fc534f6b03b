/**
 * `bench:scale -- --bundle`: the engine child built as the product ships its main process and CLI
 * (scripts/build.ts: esbuild, ESM, every library bundled, the hash worker beside the bundle that
 * spawns it), so its memory is the shipped engine's rather than that of TypeScript sources loaded
 * by Node's type stripping (which costs every isolate, each hash worker included).
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Builds engine-child.mjs and hash-worker.mjs into `outdir`; returns the child's path. */
export async function bundleEngineChild(outdir: string): Promise<string> {
  await build({
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    external: ['electron'],
    logLevel: 'warning',
    absWorkingDir: root,
    outdir,
    outExtension: { '.js': '.mjs' },
    // As scripts/build.ts: ESM bundles may include CommonJS dependencies that call require().
    banner: {
      js: "import { createRequire as __phsCreateRequire } from 'node:module'; const require = __phsCreateRequire(import.meta.url);",
    },
    entryPoints: {
      'engine-child': 'bench/scale/engine-child.ts',
      'hash-worker': 'electron/phs/hash-worker.ts',
    },
  });
  return join(outdir, 'engine-child.mjs');
}
