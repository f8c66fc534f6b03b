/**
 * Entry point: `node test/lab/tenant/main.ts [--port N] [--state file] [--out file.json] [--dir folder] [--config file.json]`
 * Starts the tenant emulator, writes its info JSON, prints the JSON's path, and runs until
 * SIGINT or SIGTERM.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readOptionsFile } from './options-file.ts';
import { startTenantEmulator } from './server.ts';

const HELP = `Usage: node test/lab/tenant/main.ts [--port N] [--state file] [--out file.json] [--dir folder] [--config file.json]

Runs an HTTPS emulator of a Microsoft Entra tenant on 127.0.0.1 (OIDC sign-in, the Graph subset
PHS Sync uses, the credential endpoint) and prints the path of its info JSON.

  --port N          port on 127.0.0.1 (default 0: any free port)
  --state file      keep the tenant (users, credentials, settings) in this file across runs
  --out file.json   where to write the info JSON (default <dir>/tenant.json)
  --dir folder      where the CA and server certificate live (default a folder under the temp dir)
  --device-interval seconds between device-code polls (default 5)
  --config file     JSON options: accessTokenLifetimeSeconds, refreshTokenLifetimeSeconds,
                    deviceCodeIntervalSeconds, deviceCodeLifetimeSeconds, graphPageSize, tenantId,
                    clientId, faultSeed, faults [{kind, path, method, status, retryAfterSeconds,
                    delayMs, count, probability}], credentialRateLimit {items, windowSeconds}
Faults can also be added while it runs: POST <adminUrl>/faults with header x-emulator-admin-key
(both in the info JSON); see test/lab/tenant/README.md.
Stops on SIGINT/SIGTERM.`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    state: { type: 'string' },
    out: { type: 'string' },
    dir: { type: 'string' },
    'device-interval': { type: 'string' },
    config: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
});

if (values.help === true) {
  console.log(HELP);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error('tenant emulator: --port must be a number from 0 to 65535.');
  process.exit(2);
}
const dir = resolve(values.dir ?? join(tmpdir(), 'phs-tenant-emulator'));
mkdirSync(dir, { recursive: true, mode: 0o700 });
const infoFile = resolve(values.out ?? join(dir, 'tenant.json'));
const emulator = await startTenantEmulator({
  ...(values.config === undefined ? {} : readOptionsFile(resolve(values.config))),
  port, dir, infoFile,
  ...(values.state === undefined ? {} : { stateFile: resolve(values.state) }),
  ...(values['device-interval'] === undefined ? {} : { deviceCodeIntervalSeconds: Number(values['device-interval']) }),
});
console.log(infoFile);
console.error(`tenant emulator: listening on ${emulator.url} (tenant ${emulator.info.tenantId})`);

const stop = (): void => {
  void emulator.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
