/** `phs tenant …` end to end: the real CLI process against the emulator (over its own CA). */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantEmulator } from '../../lab/tenant/server.ts';
import { writeInfo } from '../../lab/tenant/info.ts';
import { approveDeviceCode, launchChromium, removeTempDirs, startEmulator, tempDir, waitFor } from './helpers.ts';

const CLI = fileURLToPath(new URL('../../../electron/cli/main.ts', import.meta.url));

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `phs` asynchronously (the emulator lives in this process and must keep answering). */
function phs(args: readonly string[], o: { stdin?: string; home: string; onStderr?: (text: string) => void }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, XDG_CONFIG_HOME: o.home }, stdio: ['pipe', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
      o.onStderr?.(stderr);
    });
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
    child.stdin.end(o.stdin ?? '');
  });
}

let emu: TenantEmulator;
let tenantFile: string;
let browser: Browser;

beforeAll(async () => {
  emu = await startEmulator();
  tenantFile = join(tempDir(), 'tenant.json');
  writeInfo(tenantFile, emu.info);
  browser = await launchChromium(emu.info.tlsSpkiSha256);
});

afterAll(async () => {
  await browser?.close();
  await emu?.close();
  removeTempDirs();
});

describe('phs tenant', () => {
  it('explains itself, including what the password grant is for', async () => {
    const r = await phs(['tenant', '--help'], { home: tempDir() });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('meant for automation against the tenant emulator and for tenants that');
    expect(r.stdout).toContain('phs-sync/cli-token.key');
    expect((await phs(['--help'], { home: tempDir() })).stdout).toMatch(/tenant\s+sign in to the Entra tenant/);
  });

  it('exits 2 with one line for bad input', async () => {
    const bad = join(tempDir(), 'bad.json');
    writeFileSync(bad, JSON.stringify({ authority: 'http://login.example.test/x' }));
    const cases: [string[], string][] = [
      [['tenant', 'status'], '--tenant <file.json> is required'],
      [['tenant', 'reboot', '--tenant', tenantFile], 'unknown tenant action "reboot"'],
      [['tenant', 'login', '--tenant', tenantFile, '--device-code', '--username', 'a@b.c', '--password-stdin'], 'not both'],
      [['tenant', 'login', '--tenant', tenantFile, '--username', 'a@b.c'], 'go together'],
      [['tenant', 'status', '--tenant', tenantFile, '--device-code'], 'belong to "login"'],
      [['tenant', 'status', '--tenant', bad], 'must be an https:// URL'],
    ];
    for (const [args, message] of cases) {
      const r = await phs(args, { home: tempDir() });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('logs in with the password grant, shows the status (text and JSON), logs out', async () => {
    const home = tempDir();
    const login = await phs(['tenant', 'login', '--tenant', tenantFile, '--username', emu.info.admin.username, '--password-stdin'], { home, stdin: `${emu.info.admin.password}\n` });
    expect(login).toMatchObject({ status: 0, stderr: '' });
    expect(login.stdout).toContain(`Signed in as ${emu.info.admin.username}`);
    expect(statSync(join(home, 'phs-sync', 'cli-token.key')).mode & 0o777).toBe(0o600);
    expect(existsSync(join(home, 'phs-sync', 'cli-token-cache.bin'))).toBe(true);

    const json = await phs(['tenant', 'status', '--tenant', tenantFile, '--json'], { home });
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      signedIn: true, isAdmin: true, account: { username: emu.info.admin.username },
      tenant: { id: emu.info.tenantId, displayName: 'PHS Emulator Tenant', onPremisesSyncEnabled: false },
      verifiedDomains: ['phsemulator.onmicrosoft.com', 'lab.example.test'],
      roles: { globalAdministrator: true, hybridIdentityAdministrator: false },
      features: { passwordSyncEnabled: false },
    });
    const text = await phs(['tenant', 'status', '--tenant', tenantFile], { home });
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/Admin roles:\s+Global Administrator/);
    expect(text.stdout).toMatch(/Password hash sync:\s+off/);

    expect((await phs(['tenant', 'logout', '--tenant', tenantFile], { home })).status).toBe(0);
    const after = await phs(['tenant', 'status', '--tenant', tenantFile], { home });
    expect(after.status).toBe(1);
    expect(after.stderr).toContain('Nobody is signed in to this tenant. Sign in first: phs tenant login');
  });

  it('exits 3 for a user who is not an administrator, and 1 with the AADSTS code for a wrong password', async () => {
    const home = tempDir();
    const user = await phs(['tenant', 'login', '--tenant', tenantFile, '--username', emu.info.nonAdmin.username, '--password-stdin'], { home, stdin: emu.info.nonAdmin.password });
    expect(user.status).toBe(3);
    expect(user.stderr).toContain('neither Global Administrator nor Hybrid Identity Administrator');
    expect((await phs(['tenant', 'status', '--tenant', tenantFile, '--json'], { home })).status).toBe(3);

    const wrong = await phs(['tenant', 'login', '--tenant', tenantFile, '--username', emu.info.admin.username, '--password-stdin'], { home, stdin: 'nope' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toBe('phs: error: The user name or password is incorrect (AADSTS50126). Check the user principal name and password and try again.\n');
  });

  it('logs in with a device code approved on the verification page', async () => {
    const home = tempDir();
    let approved: Promise<string> | undefined;
    const run = phs(['tenant', 'login', '--tenant', tenantFile, '--device-code'], {
      home,
      onStderr: (text) => {
        const code = /enter the code ([A-Z0-9]+)/.exec(text)?.[1];
        if (code !== undefined && approved === undefined) approved = approveDeviceCode(emu.info, code, emu.info.hybridAdmin.username, emu.info.hybridAdmin.password);
      },
    });
    const r = await run;
    expect(await approved).toContain('You have signed in');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Admin roles: Hybrid Identity Administrator');
  });

  it('logs in interactively: the printed URL is completed in Chromium', async () => {
    const home = tempDir();
    let url: string | undefined;
    const run = phs(['tenant', 'login', '--tenant', tenantFile, '--no-browser'], { home, onStderr: (text) => (url ??= /^(https:\/\/\S+)$/m.exec(text)?.[1]) });
    const page = await browser.newPage();
    try {
      await page.goto(await waitFor(() => url, 20_000, 'the sign-in URL'));
      await page.fill('#username', emu.info.admin.username);
      await page.fill('#password', emu.info.admin.password);
      await page.click('#submit');
      const r = await run;
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`Signed in as ${emu.info.admin.username}`);
    } finally {
      await page.close();
    }
  });

  it('refuses a key file that others can read', async () => {
    const home = tempDir();
    const keyFile = join(home, 'my.key');
    const login = await phs(['tenant', 'login', '--tenant', tenantFile, '--key-file', keyFile, '--username', emu.info.admin.username, '--password-stdin'], { home, stdin: emu.info.admin.password });
    expect(login.status).toBe(0);
    chmodSync(keyFile, 0o644);
    const r = await phs(['tenant', 'status', '--tenant', tenantFile, '--key-file', keyFile], { home });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`is accessible by group or others (mode 0644). Run: chmod 600 ${keyFile}`);
  });
});
