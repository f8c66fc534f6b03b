/**
 * Builds the renderer: `vite build --config renderer/vite.config.ts` writes dist/renderer/.
 * Paths come from this file's folder, not the working directory, so any caller gets the same
 * output. `base: './'` keeps asset URLs relative: Electron loads index.html from a file URL.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = import.meta.dirname;

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${here}/../dist/renderer`,
    emptyOutDir: true,
    // Electron 45 ships Chromium 140; nothing older ever runs this bundle.
    target: 'chrome140',
    modulePreload: { polyfill: false },
    // One bundle read from disk, not the network: Fluent UI alone is ~400 kB minified.
    chunkSizeWarningLimit: 1024,
  },
});
