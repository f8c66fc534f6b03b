/**
 * `npm run package`: prints what will be signed and notarized (from environment variables), then
 * runs electron-builder with electron-builder.yml and any arguments given after `--`
 * (e.g. `npm run package -- --linux deb`). The build must have run first (the npm script does it).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { signingPlan, targetsOf } from './package/signing-plan.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const targets = targetsOf(argv, process.platform);
const plan = signingPlan(process.env, targets);

console.log(`package: ${targets.join(', ')}`);
for (const line of plan.lines) console.log(`  ${line}`);
if (plan.errors.length > 0) {
  for (const error of plan.errors) console.error(`package: ${error}`);
  process.exit(2);
}

const cli = fileURLToPath(import.meta.resolve('electron-builder/cli.js'));
const result = spawnSync(process.execPath, [cli, '--config', 'electron-builder.yml', ...argv, ...plan.args], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
