import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { doctorCommand } from '../../../electron/cli/doctor-command.ts';
import { ExitCode, type CliIo } from '../../../electron/cli/io.ts';
import { CryptoSelfTest } from '../../../electron/self-test/crypto-self-test.ts';
import type { CryptoDeps } from '../../../electron/self-test/crypto-deps.ts';
import { MD5_REMEDIATION } from '../../../electron/self-test/run-checks.ts';
import { selfTestReportSchema } from '../../../shared/self-test-schemas.ts';
import { fipsMode, inThreadWorkers } from '../self-test/stubs.ts';
import { runPhs } from './run-cli.ts';

const RUNTIME = `node ${process.versions.node} / OpenSSL ${process.versions.openssl}`;

async function doctorWith(
  deps: CryptoDeps,
  ...args: string[]
): Promise<{ code: ExitCode; out: string; err: string; closed: boolean }> {
  let out = '';
  let err = '';
  let closed = false;
  const io: CliIo = {
    stdin: new PassThrough(),
    stdout: new PassThrough().on('data', (c: Buffer) => (out += c.toString())),
    stderr: new PassThrough().on('data', (c: Buffer) => (err += c.toString())),
  };
  const open = () => ({
    selfTest: new CryptoSelfTest({ workers: inThreadWorkers(), deps }),
    close: async () => void (closed = true),
  });
  const code = await doctorCommand(args, io, { open });
  return { code, out, err, closed };
}

describe('phs doctor', () => {
  it('reports every primitive in this process and a hash worker, with the runtime, and exits 0', () => {
    const result = runPhs(['doctor']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`Runtime: ${RUNTIME}`);
    for (const name of [
      'MD4',
      'MD5',
      'HMAC-MD5',
      'RC4',
      'DES',
      'PBKDF2-HMAC-SHA256',
      'OrgId (PHS wire string)',
      'AES-256-GCM',
    ]) {
      expect(result.stdout).toMatch(new RegExp(`^  ${name.replace(/[()]/g, '\\$&')} +ok +ok +\\S`, 'm'));
    }
    expect(result.stdout).toMatch(
      /All 8 primitives passed in both places \(\d+ ms\): password hash sync can run here\.\n$/,
    );
  });

  it('prints one JSON object with --json', () => {
    const result = runPhs(['doctor', '--json']);
    expect(result.status).toBe(0);
    const report = selfTestReportSchema.parse(JSON.parse(result.stdout));
    expect(report.passed).toBe(true);
    expect(report.results).toHaveLength(16);
    expect(new Set(report.results.map((r) => `${r.where} ${r.runtime}`))).toEqual(
      new Set([`main ${RUNTIME}`, `worker ${RUNTIME}`]),
    );
  });

  it('names a failed primitive, why, and the named error with what to do; exit 1 (FIPS stub)', async () => {
    const { code, out, err, closed } = await doctorWith(fipsMode);
    expect(code).toBe(ExitCode.Failed);
    expect(closed).toBe(true);
    expect(out).toMatch(/^ {2}MD5 +FAILED +ok +RFC 1321 test suite$/m);
    expect(out).toMatch(/^ {2}HMAC-MD5 +FAILED +ok /m);
    expect(out).toContain(
      '      main process: MD5 is unavailable in this runtime (FIPS mode is on): createHash(\'md5\') threw "Digest method not supported"',
    );
    expect(out).toContain('2 of 16 checks failed');
    expect(err).toBe(
      `phs: error: The cryptographic self-test failed: MD5 and HMAC-MD5 in the main process (${RUNTIME}). Password hash sync is blocked until it passes. ${MD5_REMEDIATION}\n`,
    );
  });

  it('carries the failure in the JSON too', async () => {
    const { code, out } = await doctorWith(fipsMode, '--json');
    expect(code).toBe(ExitCode.Failed);
    expect(JSON.parse(out)).toMatchObject({
      passed: false,
      failure: { code: 'CRYPTO_SELF_TEST_FAILED', remediation: MD5_REMEDIATION },
    });
  });

  it('refuses unknown options (exit 2) and shows its help', () => {
    expect(runPhs(['doctor', '--config', 'x.json'])).toMatchObject({ status: 2 });
    const help = runPhs(['doctor', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: phs doctor [--json]');
    expect(runPhs(['--help']).stdout).toMatch(
      /^ {2}doctor +check that this machine can run password hash sync/m,
    );
  });
});
