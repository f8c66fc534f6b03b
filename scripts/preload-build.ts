/**
 * How the preload is bundled. The sandboxed preload must stay small and zod-free, so it does not
 * import the contract: the contract's channel names are computed here, at build time, and handed
 * to esbuild as a `define` (electron/preload.ts declares the constant it replaces).
 */
import type { BuildOptions } from 'esbuild';
import { eventChannels, invokeChannels, type EventChannel, type InvokeChannel } from '../shared/contract.ts';

/** The identifier electron/preload.ts reads; replaced by esbuild with the lists below. */
export const PRELOAD_CHANNELS_CONSTANT = 'PHS_CONTRACT_CHANNELS';

export interface PreloadChannels {
  readonly invoke: readonly InvokeChannel[];
  readonly events: readonly EventChannel[];
}

/** The contract's invoke and event channel names, as the preload gets them. */
export function preloadChannels(): PreloadChannels {
  return { invoke: [...invokeChannels], events: [...eventChannels] };
}

/** esbuild options for dist/main/preload.cjs (sandboxed preloads must be CommonJS). */
export function preloadBuildOptions(root: string, outfile: string): BuildOptions {
  return {
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    sourcemap: true,
    external: ['electron'],
    logLevel: 'warning',
    absWorkingDir: root,
    entryPoints: ['electron/preload.ts'],
    outfile,
    define: { [PRELOAD_CHANNELS_CONSTANT]: JSON.stringify(preloadChannels()) },
  };
}
