/**
 * The Samba AD DC itself: provision once into the lab's dc folder, start it detached, find it
 * again later, stop it. Freeing its ports from Debian's own services lives in services.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import * as cfg from './config.ts';
import type { LabPaths } from './config.ts';
import { isAlive, isSameDir, procInfo, sambaProcessesIn, signal, waitFor } from './procs.ts';

function sambaTool(args: readonly string[], what: string): void {
  const result = spawnSync('samba-tool', args, { encoding: 'utf8', timeout: 120_000 });
  if (result.error !== undefined || result.status !== 0) {
    const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n');
    throw new AppError(
      ErrorCode.LabFailed,
      `samba-tool failed to ${what} (${result.error?.message ?? `exit code ${String(result.status)}`}):\n${output}`,
      'Read the output above. To start from scratch, run `npm run lab -- down` and delete the lab dc folder.',
    );
  }
}

export function isProvisioned(paths: LabPaths): boolean {
  return (
    fs.existsSync(paths.provisionedMarker) && fs.existsSync(paths.smbConf) && fs.existsSync(paths.samLdb)
  );
}

/**
 * Provisions a fresh domain (about 5 s). A half-provisioned folder (no marker) is wiped first.
 * The base config is an empty file so nothing from the host's /etc/samba/smb.conf leaks in,
 * and the pid/socket folders are private so Debian's own samba service is never disturbed.
 */
export function provision(paths: LabPaths): void {
  fs.rmSync(paths.dcDir, { recursive: true, force: true });
  const runDir = path.join(paths.dcDir, 'run');
  fs.mkdirSync(runDir, { recursive: true });
  const emptyConf = path.join(paths.dcDir, 'empty-base.conf');
  fs.writeFileSync(emptyConf, '');
  const options = [
    'interfaces=lo',
    'bind interfaces only=yes',
    `pid directory=${runDir}`,
    `ncalrpc dir=${path.join(runDir, 'ncalrpc')}`,
    `winbindd socket directory=${path.join(runDir, 'winbindd')}`,
    `rpc server port:drsuapi=${cfg.DRSUAPI_PORT}`,
    // No fsync on every ldb commit, as in Samba's own selftest: a crash only costs a re-provision.
    'ldb:nosync=true',
  ];
  sambaTool(
    [
      'domain',
      'provision',
      '-s',
      emptyConf,
      `--realm=${cfg.REALM}`,
      `--domain=${cfg.NETBIOS_DOMAIN}`,
      '--server-role=dc',
      '--dns-backend=SAMBA_INTERNAL',
      `--adminpass=${cfg.ADMIN_PASSWORD}`,
      `--targetdir=${paths.dcDir}`,
      `--host-name=${cfg.HOST_NAME}`,
      `--host-ip=${cfg.HOST}`,
      ...options.map((option) => `--option=${option}`),
    ],
    'provision the domain',
  );
  // Fixture passwords are short or simple on purpose: no complexity, length, history, age or lockout rules.
  sambaTool(
    [
      'domain',
      'passwordsettings',
      'set',
      '-s',
      paths.smbConf,
      '-H',
      `ldb://${paths.samLdb}`,
      '--complexity=off',
      '--history-length=0',
      '--min-pwd-length=0',
      '--min-pwd-age=0',
      '--max-pwd-age=0',
      '--account-lockout-threshold=0',
    ],
    'relax the password policy',
  );
  fs.writeFileSync(
    paths.provisionedMarker,
    `${JSON.stringify({ provisionedAt: new Date().toISOString() })}\n`,
  );
}

/** The pid of the lab's running samba, or null. Checks the pid file against /proc. */
export function runningPid(paths: LabPaths): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(paths.pidFile, 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isSafeInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  const info = procInfo(pid);
  return info?.exe === 'samba' && isSameDir(info.cwd, paths.dcDir) ? pid : null;
}

function sambaBinary(): string {
  return fs.existsSync('/usr/sbin/samba') ? '/usr/sbin/samba' : 'samba';
}

/** Starts samba detached (it outlives this process); output goes to the lab's log file. */
export function start(paths: LabPaths): number {
  const log = fs.openSync(paths.logFile, 'w');
  try {
    const child = spawn(sambaBinary(), ['-s', paths.smbConf, '-F', '--no-process-group', '--debug-stdout'], {
      cwd: paths.dcDir, // how we recognise our processes later (see procs.ts)
      detached: true,
      stdio: ['ignore', log, log],
    });
    child.on('error', () => undefined); // reported below through the missing pid / the log
    child.unref();
    if (child.pid === undefined) {
      throw new AppError(
        ErrorCode.LabFailed,
        'Could not start `samba` (is the samba package installed?).',
        `See ${paths.logFile}.`,
      );
    }
    fs.writeFileSync(paths.pidFile, `${child.pid}\n`);
    return child.pid;
  } finally {
    fs.closeSync(log);
  }
}

/** The last lines of the samba log, for error messages. */
export function logTail(paths: LabPaths, lines = 20): string {
  try {
    return fs.readFileSync(paths.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Stops every samba/smbd/winbindd process running in our dc folder: SIGTERM to the root
 * process, then SIGKILL to whatever is left after the bound. Returns how many were running.
 */
export async function stop(paths: LabPaths, rootPid: number | null): Promise<number> {
  const before = sambaProcessesIn(paths.dcDir);
  if (rootPid !== null) signal(rootPid, 'SIGTERM');
  else for (const proc of before) signal(proc.pid, 'SIGTERM');
  const gone = await waitFor(() => sambaProcessesIn(paths.dcDir).length === 0, cfg.STOP_TIMEOUT_MS);
  if (!gone) {
    for (const proc of sambaProcessesIn(paths.dcDir)) signal(proc.pid, 'SIGKILL');
    if (!(await waitFor(() => sambaProcessesIn(paths.dcDir).length === 0, 5_000))) {
      const left = sambaProcessesIn(paths.dcDir)
        .map((p) => p.pid)
        .join(', ');
      throw new AppError(
        ErrorCode.LabFailed,
        `Samba processes ${left} survived SIGKILL.`,
        'Check them with `ps -fp <pid>`.',
      );
    }
  }
  fs.rmSync(paths.pidFile, { force: true });
  return before.length;
}
