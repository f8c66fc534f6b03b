/**
 * Installs the Debian packages the lab needs, only when some are missing (a fresh CI machine).
 * `samba-ad-provision` matters: without it provisioning fails on a missing schema file.
 */
import { spawnSync } from 'node:child_process';
import { AppError, ErrorCode } from '../../shared/errors.ts';

export const SAMBA_PACKAGES = [
  'samba',
  'samba-ad-dc',
  'samba-ad-provision',
  'samba-dsdb-modules',
  'samba-vfs-modules',
  'winbind',
  'krb5-user',
  'ldb-tools',
  'smbclient',
  'python3-samba',
] as const;

function isInstalled(pkg: string): boolean {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === 'install ok installed';
}

export function missingPackages(): string[] {
  return SAMBA_PACKAGES.filter((pkg) => !isInstalled(pkg));
}

function runApt(args: readonly string[]): void {
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: 15 * 60_000,
  });
  if (result.error !== undefined || result.status !== 0) {
    throw new AppError(
      ErrorCode.LabFailed,
      `apt-get ${args.join(' ')} failed (${result.error?.message ?? `exit code ${String(result.status)}`}).`,
      'Read the apt output above; check that the Debian mirror is reachable and that no other apt/dpkg is running.',
    );
  }
}

/** Installs what is missing; returns the packages it installed (empty when all were there). */
export function ensureSambaPackages(log: (line: string) => void): string[] {
  if (spawnSync('dpkg-query', ['--version']).status !== 0) {
    throw new AppError(
      ErrorCode.LabFailed,
      'dpkg-query was not found: the lab needs a Debian (12) machine.',
      'Run the lab on Debian 12, or install the Samba AD DC packages by other means.',
    );
  }
  const missing = missingPackages();
  if (missing.length === 0) return [];
  if (process.getuid?.() !== 0) {
    throw new AppError(
      ErrorCode.LabFailed,
      `Missing Debian packages: ${missing.join(' ')}.`,
      `Run the lab as root, or install them: apt-get install -y --no-install-recommends ${SAMBA_PACKAGES.join(' ')}`,
    );
  }
  log(`installing ${missing.length} Debian package(s): ${missing.join(' ')} (one to two minutes)…`);
  runApt(['update']);
  runApt(['install', '-y', '--no-install-recommends', ...SAMBA_PACKAGES]);
  const still = missingPackages();
  if (still.length > 0) {
    throw new AppError(
      ErrorCode.LabFailed,
      `apt-get finished but these packages are still not installed: ${still.join(' ')}.`,
      'Run `apt-get install` for them by hand and read its output.',
    );
  }
  return missing;
}
