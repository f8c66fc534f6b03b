/**
 * The lab's in-process API, used by the CLI (lab.ts) and by vitest's global setup:
 * up (install, provision, start, seed, describe), down, status, and test-run leases.
 */
import fs from 'node:fs';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { seedBulk } from './bulk.ts';
import type { BulkResult } from './bulk.ts';
import * as cfg from './config.ts';
import { describeLab } from './describe-lab.ts';
import { BULK_OU } from './fixtures.ts';
import { readLabInfo, tryReadLabInfo, writeLabInfo } from './lab-info.ts';
import type { LabInfo } from './lab-info.ts';
import { bindAs, labTarget } from './ldap.ts';
import { addLease, liveLeases, readOwner, removeLease, withLabLock, writeOwner } from './lock.ts';
import type { LabOwner } from './lock.ts';
import { ensureSambaPackages } from './packages.ts';
import { waitUntilReady } from './ready.ts';
import { isProvisioned, provision, runningPid, start, stop } from './samba.ts';
import { seedFixtures } from './seed.ts';
import { sambaProcessesIn } from './procs.ts';
import { freeSambaPorts } from './services.ts';

export type Log = (line: string) => void;

export interface LabUpResult {
  readonly infoPath: string;
  readonly info: LabInfo;
  /** True when this call started samba (false: it was already running). */
  readonly startedNow: boolean;
}

export interface LabUpOptions {
  /** `cli`: a developer wants it running until `down`; `test`: the last test run stops it. */
  readonly owner: LabOwner;
  /** A test run's pid: held as a lease until `releaseLease`. */
  readonly lease?: number;
  readonly log: Log;
}

/** Installs, provisions and starts the DC; returns its pid once LDAPS answers. */
async function startDc(paths: cfg.LabPaths, log: Log): Promise<number> {
  ensureSambaPackages(log);
  if (!isProvisioned(paths)) {
    log(`provisioning a Samba AD DC (${cfg.REALM}) into ${paths.dcDir} (about 5 s)…`);
    provision(paths);
  }
  await freeSambaPorts(paths, log);
  const began = Date.now();
  const pid = start(paths);
  log(`started samba (pid ${pid}, log ${paths.logFile}); waiting for LDAPS…`);
  await waitUntilReady(paths, pid);
  log(`DC ready after ${((Date.now() - began) / 1000).toFixed(1)} s`);
  return pid;
}

/** Seeds the fixtures (skipping what exists) and rewrites lab.json. */
async function seedAndDescribe(paths: cfg.LabPaths, pid: number, log: Log): Promise<LabInfo> {
  const client = await bindAs(labTarget(paths.caFile), `Administrator@${cfg.DNS_DOMAIN}`, cfg.ADMIN_PASSWORD);
  try {
    const seeded = await seedFixtures(client);
    log(`seeded fixtures: ${seeded.created} created, ${seeded.existing} already there`);
  } finally {
    await client.unbind();
  }
  const info = describeLab(paths, pid, tryReadLabInfo(paths.infoFile)?.bulk ?? null);
  writeLabInfo(paths.infoFile, info);
  return info;
}

export async function labUp(options: LabUpOptions, paths = cfg.labPaths()): Promise<LabUpResult> {
  const { log } = options;
  return withLabLock(paths, async () => {
    const running = runningPid(paths);
    if (running !== null) {
      // A developer asked for it: from now on no test run's teardown may stop it.
      if (options.owner === 'cli') writeOwner(paths, 'cli');
      const current = tryReadLabInfo(paths.infoFile);
      const info = current?.pid === running ? current : await seedAndDescribe(paths, running, log);
      if (options.lease !== undefined) addLease(paths, options.lease);
      return { infoPath: paths.infoFile, info, startedNow: false };
    }
    const pid = await startDc(paths, log).catch(async (error: unknown) => {
      await stop(paths, runningPid(paths));
      throw error;
    });
    try {
      const info = await seedAndDescribe(paths, pid, log);
      writeOwner(paths, options.owner);
      if (options.lease !== undefined) addLease(paths, options.lease);
      return { infoPath: paths.infoFile, info, startedNow: true };
    } catch (error) {
      await stop(paths, pid); // never leave a half-set-up DC behind
      throw error;
    }
  });
}

/** Stops the lab's samba; false when nothing was running. */
export async function labDown(log: Log, paths = cfg.labPaths()): Promise<boolean> {
  return withLabLock(paths, async () => {
    const pid = runningPid(paths);
    const count = sambaProcessesIn(paths.dcDir).length;
    if (pid === null && count === 0) return false;
    const users = liveLeases(paths).filter((lease) => lease !== process.pid);
    if (users.length > 0) log(`note: test run(s) pid ${users.join(', ')} are using this DC; they will fail`);
    log(`stopping samba (pid ${pid ?? 'unknown'}, ${count} process(es))…`);
    await stop(paths, pid);
    return true;
  });
}

/** A test run is done with the lab: stop it if a test run started it and no other run uses it. */
export async function releaseLease(
  lease: number,
  log: Log,
  paths = cfg.labPaths(),
): Promise<'stopped' | 'kept'> {
  return withLabLock(paths, async () => {
    removeLease(paths, lease);
    const pid = runningPid(paths);
    if (pid === null || readOwner(paths) !== 'test' || liveLeases(paths).length > 0) return 'kept';
    log(`stopping the lab DC started for tests (pid ${pid})…`);
    await stop(paths, pid);
    return 'stopped';
  });
}

export interface LabStatus {
  readonly pid: number | null;
  readonly owner: LabOwner;
  readonly leases: readonly number[];
  readonly provisioned: boolean;
  readonly infoPath: string | null;
}

export function labStatus(paths = cfg.labPaths()): LabStatus {
  return {
    pid: runningPid(paths),
    owner: readOwner(paths),
    leases: liveLeases(paths),
    provisioned: isProvisioned(paths),
    infoPath: fs.existsSync(paths.infoFile) ? paths.infoFile : null,
  };
}

/** Creates `count` bulk users (see bulk.ts) in the running lab and records them in lab.json. */
export async function labSeedBulk(
  count: number,
  connections: number,
  log: Log,
  paths = cfg.labPaths(),
): Promise<BulkResult> {
  if (runningPid(paths) === null) {
    throw new AppError(
      ErrorCode.LabFailed,
      'The lab DC is not running.',
      'Start it first: `npm run lab -- up`.',
    );
  }
  const result = await seedBulk(labTarget(paths.caFile), count, connections, log);
  await withLabLock(paths, async () => {
    const info = readLabInfo(paths.infoFile);
    writeLabInfo(paths.infoFile, {
      ...info,
      bulk: { ou: BULK_OU, count: Math.max(count, info.bulk?.count ?? 0) },
    });
  });
  return result;
}
