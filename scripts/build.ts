/**
 * Builds everything without the Electron binary:
 * - main process, preload, hash worker and CLI with esbuild (one call, one output folder, so
 *   the worker sits beside every bundle that spawns it);
 * - the renderer with Vite.
 */
import { build as esbuild, type BuildOptions } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preloadBuildOptions } from './preload-build.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/main`;
const started = performance.now();

rmSync(outdir, { recursive: true, force: true });

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  external: ['electron'],
  logLevel: 'warning',
  absWorkingDir: root,
};

// ESM bundles may include CommonJS dependencies that call require().
const esmBanner = { js: "import { createRequire as __phsCreateRequire } from 'node:module'; const require = __phsCreateRequire(import.meta.url);" };

await Promise.all([
  esbuild({
    ...common,
    format: 'esm',
    outdir,
    outExtension: { '.js': '.mjs' },
    banner: esmBanner,
    entryPoints: { main: 'electron/main.ts', 'hash-worker': 'electron/phs/hash-worker.ts', cli: 'electron/cli/main.ts' },
  }),
  // The preload: CommonJS, with the contract's channel names inlined instead of the zod contract.
  esbuild(preloadBuildOptions(root, `${outdir}/preload.cjs`)),
]);

await viteBuild({ configFile: `${root}renderer/vite.config.ts`, logLevel: 'warn' });

console.log(`build: dist/main (main, preload, hash worker, cli) and dist/renderer in ${Math.round(performance.now() - started)} ms`);
