/**
 * The lab CLI: `npm run lab -- up|down|status|seed-bulk` (or `node test/lab/lab.ts …`).
 * A real Samba AD DC on 127.0.0.1 for integration tests; see test/lab/README.md.
 */
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors.ts';
import * as cfg from './config.ts';
import { BULK_MAX } from './bulk.ts';
import { labDown, labSeedBulk, labStatus, labUp } from './control.ts';
import { probeTcp } from './ports.ts';
import { runTenantEmulator } from './tenant-launch.ts';

const HELP = `Usage: npm run lab -- <command> [options]     (or: node test/lab/lab.ts <command>)

A Samba AD DC (realm ${cfg.REALM}, server ${cfg.SERVER_NAME}) on ${cfg.HOST}, for tests.

Commands:
  up                  install the Debian packages if missing, provision the DC once, start it,
                      seed the fixture OUs and users, write lab.json. A running lab is left as is.
  down                stop the DC this lab started (exit 0 also when nothing was running).
  status              running or stopped, pid, ports, lab.json path. Exit 0 if running, 1 if not.
  seed-bulk --count N [--connections 4]
                      create users bulk00000… in OU=Bulk,OU=Sync (skips existing ones).
  tenant [--port N] [--state file] …
                      run the HTTPS tenant emulator (Entra sign-in, Graph, credentials) in the
                      foreground until Ctrl-C; prints the path of its JSON (.lab/tenant/tenant.json).
                      "npm run lab -- tenant --help" lists its options.

Files live in <repo>/.lab (override with PHS_LAB_DIR): dc/ (the provisioned DC), lab.json
(how to reach it: URLs, CA file, accounts and passwords), samba.log, samba.pid.
The Administrator password is fixed: ${cfg.ADMIN_PASSWORD} (a loopback-only test DC).`;

const log = (line: string): void => console.log(`lab: ${line}`);

async function printStatus(): Promise<number> {
  const paths = cfg.labPaths();
  const status = labStatus(paths);
  if (status.pid === null) {
    log(`stopped (${status.provisioned ? 'provisioned' : 'not provisioned'} in ${paths.dcDir})`);
    return 1;
  }
  const ports = await Promise.all(
    [cfg.LDAPS_PORT, cfg.LDAP_PORT, cfg.RPC_PORT].map(
      async (port) => `${port} ${(await probeTcp(cfg.HOST, port)) ? 'open' : 'closed'}`,
    ),
  );
  log(
    `running, pid ${status.pid}, started by ${status.owner === 'cli' ? 'a developer (stays up)' : 'a test run'}`,
  );
  log(`ports on ${cfg.HOST}: ${ports.join(', ')}`);
  if (status.leases.length > 0) log(`in use by test run(s): pid ${status.leases.join(', ')}`);
  log(`lab.json: ${status.infoPath ?? '(missing: run `up` to write it)'}`);
  return 0;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      count: { type: 'string' },
      connections: { type: 'string', default: '4' },
    },
  });
}

async function run(argv: readonly string[]): Promise<number> {
  if (argv[0] === 'tenant') return runTenantEmulator(argv.slice(1));
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const command = positionals[0];
  if (values.help === true || command === undefined || command === 'help') {
    console.log(HELP);
    return command === undefined && values.help !== true ? 2 : 0;
  }
  switch (command) {
    case 'up': {
      const began = Date.now();
      const { infoPath, info, startedNow } = await labUp({ owner: 'cli', log });
      if (!startedNow) log(`already running (pid ${info.pid})`);
      log(`${info.ldapsUrl} (server name ${info.serverName}, CA ${info.caFile})`);
      log(`lab.json: ${infoPath}  (${((Date.now() - began) / 1000).toFixed(1)} s)`);
      return 0;
    }
    case 'down':
      log((await labDown(log)) ? 'stopped' : 'nothing was running');
      return 0;
    case 'status':
      return printStatus();
    case 'seed-bulk': {
      const count = Number(values.count);
      const connections = Number(values.connections);
      if (
        !Number.isInteger(count) ||
        count < 1 ||
        count > BULK_MAX ||
        !Number.isInteger(connections) ||
        connections < 1 ||
        connections > 16
      ) {
        console.error(`seed-bulk needs --count N (1…${BULK_MAX}) and optionally --connections C (1…16).`);
        return 2;
      }
      const result = await labSeedBulk(count, connections, log);
      log(
        `bulk: ${result.created} created, ${result.existing} already there, in ${result.seconds.toFixed(1)} s`,
      );
      return 0;
    }
    default:
      console.error(`Unknown command "${command}".\n\n${HELP}`);
      return 2;
  }
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof AppError) {
    console.error(`lab: error: ${error.message}\nlab: what to do: ${error.remediation}`);
  } else {
    console.error('lab: unexpected failure:', error);
  }
  process.exitCode = 1;
}
