/**
 * Shared pieces of the tenant tests: an emulator in a temp folder, a client connection with an
 * encrypted on-disk cache, Chromium (pinned to the emulator's server key), fast retry policies,
 * and a device-code approval over plain HTTPS (what a person does in a browser).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { parseTenantConfig, type TenantConfig } from '../../../electron/tenant/config.ts';
import { TenantConnection } from '../../../electron/tenant/connection.ts';
import { createHttpsClient } from '../../../electron/tenant/https-client.ts';
import { openKeyFileBox } from '../../../electron/tenant/key-file-box.ts';
import type { RetryPolicy } from '../../../electron/tenant/retry.ts';
import { EncryptedFileCache } from '../../../electron/tenant/token-cache.ts';
import { silentLogger, type Logger } from '../../../shared/logger.ts';
import { startTenantEmulator, type TenantEmulator, type TenantEmulatorOptions } from '../../lab/tenant/server.ts';
import type { TenantEmulatorInfo } from '../../lab/tenant/info.ts';

export const FAST_RETRY: RetryPolicy = { maxAttempts: 8, maxTotalMs: 30_000, baseDelayMs: 20, maxDelayMs: 250 };

const made: string[] = [];

export function tempDir(prefix = 'phs-tenant-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes the folders tempDir made (call in afterAll, after closing what uses them). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function startEmulator(options: TenantEmulatorOptions = {}): Promise<TenantEmulator> {
  return startTenantEmulator({ dir: tempDir('phs-emu-'), deviceCodeIntervalSeconds: 1, ...options });
}

export function configOf(info: TenantEmulatorInfo): TenantConfig {
  return parseTenantConfig(info);
}

export interface TestConnection {
  readonly conn: TenantConnection;
  readonly cacheFile: string;
  readonly keyFile: string;
}

/** A connection whose sign-in is cached, encrypted, in `dir` (a new temp folder by default). */
export function connectTo(info: TenantEmulatorInfo, options: { dir?: string; retry?: RetryPolicy; config?: Partial<TenantConfig>; logger?: Logger } = {}): TestConnection {
  const dir = options.dir ?? tempDir();
  const keyFile = join(dir, 'key');
  const cacheFile = join(dir, 'cache.bin');
  const box = openKeyFileBox(keyFile, true)!;
  const conn = new TenantConnection({
    config: { ...configOf(info), ...options.config },
    cache: new EncryptedFileCache(cacheFile, box, silentLogger),
    logger: options.logger ?? silentLogger,
    retry: options.retry ?? FAST_RETRY,
    requestTimeoutMs: 5000,
  });
  return { conn, cacheFile, keyFile };
}

export function launchChromium(spkiSha256: string): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    timeout: 30_000,
    args: [
      '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', `--ignore-certificate-errors-spki-list=${spkiSha256}`,
    ],
  });
}

/** Enters the user code and signs in on the verification page, as a person would (HTTPS forms). */
export async function approveDeviceCode(info: TenantEmulatorInfo, userCode: string, username: string, password: string): Promise<string> {
  const http = createHttpsClient({ caFile: info.caFile, timeoutMs: 5000 });
  const form = (fields: Record<string, string>) => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
  try {
    const step1 = await http.send({ method: 'POST', url: info.deviceLoginUrl, ...form({ otc: userCode }) });
    if (!step1.body.toString().includes('name="password"')) throw new Error('the code was not accepted');
    const step2 = await http.send({ method: 'POST', url: `${info.deviceLoginUrl}/signin`, ...form({ otc: userCode, username, password }) });
    return step2.body.toString('utf8');
  } finally {
    http.close();
  }
}

/** Polls `check` every 20 ms until it returns a value, for at most `ms`. */
export async function waitFor<T>(check: () => T | undefined, ms: number, what: string): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
