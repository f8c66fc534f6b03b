/**
 * "Ready" means what a client needs, not just a live process: 636 and 135 accept TCP on
 * 127.0.0.1, the TLS CA exists, and an LDAPS simple bind as Administrator succeeds.
 */
import fs from 'node:fs';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { ADMIN_PASSWORD, DNS_DOMAIN, HOST, LDAPS_PORT, READY_TIMEOUT_MS, RPC_PORT } from './config.ts';
import type { LabPaths } from './config.ts';
import { bindAs, labTarget } from './ldap.ts';
import { probeTcp } from './ports.ts';
import { isAlive, waitFor } from './procs.ts';
import { logTail } from './samba.ts';

export async function waitUntilReady(
  paths: LabPaths,
  pid: number,
  timeoutMs = READY_TIMEOUT_MS,
): Promise<void> {
  let lastProblem = 'nothing tried yet';
  let died = false;
  const ready = await waitFor(
    async () => {
      if (!isAlive(pid)) {
        died = true;
        return true; // stop waiting: reported below
      }
      for (const port of [LDAPS_PORT, RPC_PORT]) {
        if (!(await probeTcp(HOST, port, 500))) {
          lastProblem = `port ${port} is not accepting connections yet`;
          return false;
        }
      }
      if (!fs.existsSync(paths.caFile)) {
        lastProblem = `${paths.caFile} does not exist yet`;
        return false;
      }
      try {
        const client = await bindAs(labTarget(paths.caFile), `Administrator@${DNS_DOMAIN}`, ADMIN_PASSWORD);
        await client.unbind();
        return true;
      } catch (error) {
        lastProblem = `LDAPS bind as Administrator failed: ${(error as Error).message}`;
        return false;
      }
    },
    timeoutMs,
    500,
  );
  if (died) {
    throw new AppError(
      ErrorCode.LabFailed,
      `samba (pid ${pid}) exited during start-up. Last lines of ${paths.logFile}:\n${logTail(paths)}`,
      'Fix what the log says (often a port in use or a broken dc folder); `rm -rf` the dc folder to re-provision.',
    );
  }
  if (!ready) {
    throw new AppError(
      ErrorCode.LabFailed,
      `The lab DC (pid ${pid}) was not ready after ${timeoutMs / 1000} s: ${lastProblem}. Last lines of ${paths.logFile}:\n${logTail(paths)}`,
      'Read the log; stop the lab with `npm run lab -- down` and try `up` again.',
    );
  }
}
