#!/usr/bin/env node
// The `phs` command: runs the bundled CLI. Build it first with `npm run build` (npm install does).
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  process.stderr.write(`phs: error: Node.js ${process.versions.node} is too old. Install Node.js 22 or newer (the project pins 24 for its scripts: use "npx phs").\n`);
  process.exit(2);
}
try {
  await import('../dist/main/cli.mjs');
} catch (error) {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/main/cli.mjs')) {
    process.stderr.write('phs: error: the CLI is not built yet. Run "npm run build" in the project folder.\n');
    process.exit(2);
  }
  throw error;
}
