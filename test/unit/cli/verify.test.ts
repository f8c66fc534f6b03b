import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import { ExitCode, type CliIo } from '../../../electron/cli/io.ts';
import { verifyCommand, type VerifyDeps } from '../../../electron/cli/verify-command.ts';
import { duration } from '../../../electron/cli/verify-output.ts';
import type { VerifyEnds } from '../../../electron/host/open-verify.ts';
import type { CloudUser, OnPremUser } from '../../../electron/verify/model.ts';
import { T, cloud, iso, onPrem } from '../verify/fixtures.ts';
import { runPhs } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'phs-verify-cli-'));
const config = join(dir, 'phs.json');
writeFileSync(
  config,
  JSON.stringify({
    directory: { url: 'ldaps://dc1.example.test', username: 'EXAMPLE\\svc', password: 'secret-Pa55' },
    tenant: { tenantId: '11111111-2222-3333-4444-555555555555' },
    stateDir: join(dir, 'state-never-opened'),
  }),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOW = T + 3_600_000;

function endsOf(users: OnPremUser[], cloudUsers: CloudUser[], closed: { n: number }): VerifyEnds {
  return {
    onPrem: { dcTime: async () => iso(NOW + 5_000), users: async function* () { yield* users; } },
    cloud: {
      users: async () => cloudUsers,
      heartbeat: async () => ({ onPremisesLastSyncDateTime: iso(NOW - 120_000), onPremisesLastPasswordSyncDateTime: null }),
    },
    forceChangeFeature: null,
    close: async () => void closed.n++,
  };
}

async function run(args: string[], open: VerifyDeps['open']): Promise<{ code: ExitCode; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdin: new PassThrough(),
    stdout: new PassThrough().on('data', (c: Buffer) => (out += c.toString())),
    stderr: new PassThrough().on('data', (c: Buffer) => (err += c.toString())),
  };
  const code = await verifyCommand(args, io, { ...(open ? { open } : {}), env: {}, now: () => NOW });
  return { code, out, err };
}

const bob = onPrem({ sAMAccountName: 'bob', userPrincipalName: 'bob@example.test', sourceAnchors: ['Qk9C'] });
const carol = onPrem({ sAMAccountName: 'carol', userPrincipalName: 'carol@example.test', sourceAnchors: ['Q0FST0w='] });
const bobInCloud = cloud({ id: 'b', userPrincipalName: 'bob@example.test', onPremisesImmutableId: 'Qk9C', lastPasswordChangeDateTime: iso(T - 86_400_000) });

describe('phs verify', () => {
  it('exits 0 and says so when every user is in sync; never opens the state folder; closes both ends', async () => {
    const closed = { n: 0 };
    const r = await run(['--config', config], async () => endsOf([onPrem()], [cloud()], closed));
    expect(r.code).toBe(ExitCode.Ok);
    expect(r.out).toMatch(/^Password hash sync verified from both ends at .*: 1 user in scope\.$/m);
    expect(r.out).toMatch(/^ {2}in sync +1 {2}the cloud holds the latest on-premises password change$/m);
    expect(r.out).toMatch(/^ {2}pending +0 {2}changed on premises less than 10 min ago; not in the cloud yet$/m);
    expect(r.out).toMatch(/^ {2}behind +0 {2}changed on premises 10 min ago or more; the cloud still has an older password or none$/m);
    expect(r.out).toContain('DC clock: 5 s ahead of this machine (tolerance 120 s).');
    expect(r.out).toContain('Tenant heartbeat: last directory sync');
    expect(r.out).toContain('last password sync never.');
    expect(r.out).toContain('Result: no user is behind or missing from the cloud.');
    expect(r.err).toBe('');
    expect(closed.n).toBe(1);
  });

  it('exits 1 and lists the behind and notInCloud users with both timestamps', async () => {
    const r = await run(['--config', config], async () => endsOf([onPrem(), bob, carol], [cloud(), bobInCloud], { n: 0 }));
    expect(r.code).toBe(ExitCode.Failed);
    expect(r.out).toContain(`Behind (1):\n  bob (bob@example.test): changed on premises ${iso(T)}; cloud ${iso(T - 86_400_000)} — waiting 60 min`);
    expect(r.out).toContain(`Not in cloud (1):\n  carol (carol@example.test): changed on premises ${iso(T)}; no synced cloud user with source anchor Q0FST0w=`);
    expect(r.out).toContain('Result: 2 users need attention.');
    expect(r.out).toContain("Note: the tenant's userForcePasswordChangeOnLogonEnabled could not be read");
  });

  it('--json prints {summary, users}; --grace turns pending into behind', async () => {
    const open = async () => endsOf([bob], [bobInCloud], { n: 0 });
    const pending = await run(['--config', config, '--json', '--grace', '7200'], open);
    expect(pending.code).toBe(ExitCode.Ok);
    const report = JSON.parse(pending.out) as { summary: Record<string, unknown>; users: unknown[] };
    expect(report.summary).toMatchObject({ total: 1, graceSeconds: 7200, skewSeconds: 120, counts: { pending: 1 } });
    expect(report.users).toEqual([
      { sAMAccountName: 'bob', userPrincipalName: 'bob@example.test', sourceAnchor: 'Qk9C', onPremisesChangedAt: iso(T), cloudChangedAt: iso(T - 86_400_000), lagSeconds: 3605, status: 'pending' },
    ]);
    const behind = await run(['--config', config, '--json', '--grace', '0', '--skew', '0'], open);
    expect(behind.code).toBe(ExitCode.Failed);
    expect(JSON.parse(behind.out)).toMatchObject({ summary: { counts: { behind: 1 }, skewSeconds: 0 } });
  });

  it('exits 2 with the named error when an end cannot be reached, or the user is unknown', async () => {
    const refused = await run(['--config', config], async () => {
      throw new AppError(ErrorCode.TenantNotSignedIn, 'Nobody is signed in to this tenant.', 'Sign in first: phs tenant login --tenant <file.json>.');
    });
    expect(refused).toMatchObject({ code: ExitCode.BadInput, out: '' });
    expect(refused.err).toBe('phs: error: Nobody is signed in to this tenant. Sign in first: phs tenant login --tenant <file.json>.\n');
    const closed = { n: 0 };
    const unknown = await run(['--config', config, '--user', 'zed'], async () => endsOf([onPrem()], [], closed));
    expect(unknown.code).toBe(ExitCode.BadInput);
    expect(unknown.err).toMatch(/No user named "zed" is in scope/);
    expect(closed.n).toBe(1);
    const missing = await run(['--config', join(dir, 'none.json')], undefined);
    expect(missing.code).toBe(ExitCode.BadInput);
    expect(missing.err).toMatch(/cannot be used: it cannot be read/);
  });

  it('refuses bad options through the CLI with exit 2, never echoing the config password', () => {
    for (const args of [['verify'], ['verify', '--config', config, '--grace', '-1'], ['verify', '--config', config, '--skew', 'soon'], ['verify', '--config', config, '--full']]) {
      const r = runPhs(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).not.toContain('secret-Pa55');
    }
    expect(runPhs(['verify', '--help']).stdout).toContain('Usage: phs verify --config <file.json>');
    expect(runPhs(['--help']).stdout).toMatch(/^ {2}verify {5}check each user's password change on both ends/m);
  });

  it('duration: seconds, minutes, hours, days', () => {
    expect([duration(45), duration(600), duration(10_800), duration(259_200)]).toEqual(['45 s', '10 min', '3 h', '3 days']);
  });
});
