import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import * as electronMock from '../electron/electron-mock.ts';
import { eventChannels, invokeChannels } from '../../../shared/contract.ts';
import type { PhsBridge } from '../../../shared/api.ts';
import { PRELOAD_CHANNELS_CONSTANT, preloadBuildOptions, preloadChannels } from '../../../scripts/preload-build.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const MAX_PRELOAD_BYTES = 20 * 1024;

/** Builds the preload exactly as scripts/build.ts does, into a temporary folder. */
async function buildPreload(): Promise<{ code: string; inputs: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'phs-preload-'));
  try {
    const outfile = join(dir, 'preload.cjs');
    const result = await build({ ...preloadBuildOptions(root, outfile), metafile: true });
    return { code: readFileSync(outfile, 'utf8'), inputs: Object.keys(result.metafile.inputs) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the built CommonJS preload with the Electron stub and returns the API it exposed. */
function runPreload(code: string): PhsBridge {
  electronMock.contextBridge.exposed.clear();
  const wrapper = runInThisContext(`(function (require, module, exports) {${code}\n})`) as (r: (id: string) => unknown, m: object, e: object) => void;
  const exports = {};
  wrapper((id) => (id === 'electron' ? electronMock : undefined), { exports }, exports);
  return electronMock.contextBridge.exposed.get('phs') as PhsBridge;
}

const built = await buildPreload();

describe('the preload build', () => {
  it('inlines exactly the contract’s invoke and event channel names', () => {
    expect(preloadChannels()).toEqual({ invoke: [...invokeChannels], events: [...eventChannels] });
    const define = preloadBuildOptions(root, 'x.cjs').define ?? {};
    expect(JSON.parse(define[PRELOAD_CHANNELS_CONSTANT] ?? 'null')).toEqual(preloadChannels());
  });

  it('is at most 20 KB and bundles no zod (nor the contract)', () => {
    expect(Buffer.byteLength(built.code)).toBeLessThanOrEqual(MAX_PRELOAD_BYTES);
    expect(built.code).not.toMatch(/zod/i);
    expect(built.inputs.filter((input) => input.includes('node_modules') || input.endsWith('contract.ts'))).toEqual([]);
  });

  it('forwards every contract channel and refuses any other', async () => {
    const api = runPreload(built.code);
    for (const channel of invokeChannels) await expect(api.invoke(channel, {} as never)).resolves.toBeDefined();
    await expect(api.invoke('fs:readFile' as 'app:info', {})).rejects.toThrow('Unknown channel');
    for (const channel of eventChannels) api.on(channel, () => undefined)();
    expect(() => api.on('secrets:leak' as 'app:notice', () => undefined)).toThrow('Unknown event');
  });
});
