/**
 * Makes sure nothing else holds the ports our DC needs. Debian's packages may start their own
 * smbd/nmbd/samba-ad-dc services on install; those we stop (init script first, then by pid).
 * Anything else on those ports is someone else's: we refuse to start and say who it is.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { SAMBA_TCP_PORTS } from './config.ts';
import type { LabPaths } from './config.ts';
import { portHolders } from './ports.ts';
import { isSameDir, procInfo, SAMBA_EXECUTABLES, signal, waitFor } from './procs.ts';
import type { ProcInfo } from './procs.ts';
import { stop } from './samba.ts';

const DEBIAN_SERVICES = ['samba-ad-dc', 'smbd', 'nmbd'] as const;

type Kind = 'ours' | 'debian' | 'foreign';

/** Debian's daemons run with -D and so sit in `/`; our lab's processes sit in its dc folder. */
function classify(proc: ProcInfo | null, paths: LabPaths): Kind {
  if (proc?.exe == null || !SAMBA_EXECUTABLES.has(proc.exe)) return 'foreign';
  if (isSameDir(proc.cwd, paths.dcDir)) return 'ours';
  return proc.cwd === '/' ? 'debian' : 'foreign';
}

function holdersByKind(
  paths: LabPaths,
): Map<Kind, { port: number; pid: number | null; proc: ProcInfo | null }[]> {
  const byKind = new Map<Kind, { port: number; pid: number | null; proc: ProcInfo | null }[]>();
  const add = (kind: Kind, entry: { port: number; pid: number | null; proc: ProcInfo | null }): void => {
    byKind.set(kind, [...(byKind.get(kind) ?? []), entry]);
  };
  for (const { port, pids } of portHolders(SAMBA_TCP_PORTS)) {
    if (pids.length === 0) add('foreign', { port, pid: null, proc: null });
    for (const pid of pids) {
      const proc = procInfo(pid);
      add(classify(proc, paths), { port, pid, proc });
    }
  }
  return byKind;
}

async function stopDebianServices(pids: readonly number[], log: (line: string) => void): Promise<void> {
  for (const service of DEBIAN_SERVICES) {
    const script = `/etc/init.d/${service}`;
    if (!fs.existsSync(script)) continue;
    const result = spawnSync(script, ['stop'], { encoding: 'utf8', timeout: 30_000 });
    log(`  ${script} stop → exit ${String(result.status)}`);
  }
  const stillAlive = (): number[] => pids.filter((pid) => procInfo(pid) !== null);
  if (await waitFor(() => stillAlive().length === 0, 5_000)) return;
  log(`  init scripts left pid(s) ${stillAlive().join(', ')}: sending SIGTERM`);
  for (const pid of stillAlive()) signal(pid, 'SIGTERM');
  if (await waitFor(() => stillAlive().length === 0, 10_000)) return;
  for (const pid of stillAlive()) signal(pid, 'SIGKILL');
  await waitFor(() => stillAlive().length === 0, 5_000);
}

/** Frees the DC's ports or throws an AppError naming the process in the way. */
export async function freeSambaPorts(paths: LabPaths, log: (line: string) => void): Promise<void> {
  let byKind = holdersByKind(paths);
  if (byKind.has('ours')) {
    log('a samba of this lab was running without its pid file: stopping it');
    await stop(paths, null);
  }
  const debian = byKind.get('debian') ?? [];
  if (debian.length > 0) {
    const pids = [...new Set(debian.map((entry) => entry.pid ?? 0))];
    const ports = [...new Set(debian.map((entry) => entry.port))].join(', ');
    log(`Debian's own Samba services hold port(s) ${ports} (pid ${pids.join(', ')}): stopping them`);
    await stopDebianServices(pids, log);
  }
  byKind = holdersByKind(paths);
  const blocking = [
    ...(byKind.get('foreign') ?? []),
    ...(byKind.get('debian') ?? []),
    ...(byKind.get('ours') ?? []),
  ];
  if (blocking.length === 0) return;
  const who = blocking
    .map(
      ({ port, pid, proc }) =>
        `port ${port}: ${pid === null ? 'an unknown process' : `pid ${pid} (${proc?.cmdline || proc?.exe || '?'})`}`,
    )
    .join('; ');
  throw new AppError(
    ErrorCode.LabFailed,
    `Ports the lab DC needs on 127.0.0.1 are taken by processes that are not this lab's: ${who}.`,
    'Stop those processes (or the other lab, `PHS_LAB_DIR=<its folder> npm run lab -- down`), then run `npm run lab -- up` again.',
  );
}
