/**
 * A run's files: temporary folders (removed after), the engine config file that `phs run|sync|…`
 * read (the lab DC over LDAPS as Administrator, the emulator's tenant file, a scope, a state
 * folder), and `phs status --json` parsed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineStatus } from '../../../../electron/engine/status.ts';
import type { LabInfo } from '../../../lab/lab-info.ts';
import { describeRun, phs } from './phs-cli.ts';

const made: string[] = [];

export function tempDir(prefix = 'phs-engine-it-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface ConfigOptions {
  readonly tenantFile: string;
  readonly stateDir: string;
  readonly includeOUs: readonly string[];
  readonly excludeOUs?: readonly string[];
  readonly stagingMode?: boolean;
  readonly pollSeconds?: number;
}

/** Writes the engine config file (the format of electron/engine/config.ts) and returns its path. */
export function writeEngineConfig(file: string, lab: LabInfo, o: ConfigOptions): string {
  const config = {
    directory: {
      url: lab.ldapsUrl,
      caFile: lab.caFile,
      serverName: lab.serverName,
      username: lab.admin.netbiosName,
      password: lab.admin.password,
    },
    tenant: o.tenantFile,
    scope: { includeOUs: o.includeOUs, excludeOUs: o.excludeOUs ?? [] },
    sync: { pollSeconds: o.pollSeconds ?? 2, stagingMode: o.stagingMode ?? false },
    stateDir: o.stateDir,
  };
  writeFileSync(file, JSON.stringify(config, null, 2), { mode: 0o600 });
  return file;
}

/** `phs status --config <file> --json`, parsed (status exits 1 when not up to date: both are answers). */
export async function engineStatus(config: string, home: string): Promise<EngineStatus> {
  const args = ['status', '--config', config, '--json'];
  const r = await phs(args, { home, timeoutMs: 60_000 });
  if (r.status !== 0 && r.status !== 1) throw new Error(describeRun(args, r));
  return JSON.parse(r.stdout) as EngineStatus;
}
