/**
 * A stand-in Electron distribution for electron-builder's `electronDist` (the real binary cannot be
 * downloaded here): a dummy `electron` executable, a `version` file, empty `locales/` and
 * `resources/`. The dummy carries a fuse wire in Electron's format (@electron/fuses: a sentinel,
 * the wire version, its length, one byte per fuse) with Electron's defaults, so electron-builder
 * flips the configured fuses in it exactly as in the real binary, and the check can read them back.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/**
 * Electron's defaults in wire order: runAsNode on, cookie encryption off, NODE_OPTIONS on,
 * --inspect on, asar integrity off, only-app.asar off, browser V8 snapshot off, file:// privileges on.
 */
const DEFAULT_FUSES = '10110001';

/** The Electron version the project builds against (its package.json; no binary needed). */
export function projectElectronVersion(): string {
  const file = fileURLToPath(import.meta.resolve('electron/package.json'));
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

export function createStandInElectron(dir: string, version: string): void {
  mkdirSync(join(dir, 'locales'), { recursive: true });
  mkdirSync(join(dir, 'resources'), { recursive: true });
  writeFileSync(join(dir, 'version'), `v${version}`);
  const wire = Buffer.concat([
    Buffer.from(`# fuse wire: ${FUSE_SENTINEL}`),
    Buffer.from([1, DEFAULT_FUSES.length]),
    Buffer.from(`${DEFAULT_FUSES}\n`),
  ]);
  writeFileSync(
    join(dir, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\n# Stand-in for the Electron binary (npm run package:check).\nexit 1\n'),
      wire,
    ]),
  );
  chmodSync(join(dir, 'electron'), 0o755);
}
