/**
 * Where the hash worker's code is. From source (tests, the CLI under Node 24 type stripping)
 * it is hash-worker.ts beside this file; in the esbuild bundle every entry sits in one folder
 * with hash-worker.mjs, and import.meta.url is the bundle's own URL.
 */
export function defaultWorkerFile(): URL {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? './hash-worker.ts' : './hash-worker.mjs', import.meta.url);
  // In a packaged app the worker is unpacked beside the asar archive (electron-builder.yml):
  // worker threads cannot load their script from inside an asar.
  return new URL(url.href.replace('/app.asar/', '/app.asar.unpacked/'));
}
