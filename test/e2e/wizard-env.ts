/**
 * What the wizard's end-to-end tests run against: the lab DC (brought up as the integration
 * tests' global setup does, with a lease released after) and a tenant emulator in-process, plus
 * the "system browser": pages in a second browser context that do what the admin would do on the
 * emulator's sign-in pages.
 */
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Attribute, Change } from 'ldapts';
import { labUp, releaseLease } from '../lab/control.ts';
import { bindAs, labTarget } from '../lab/ldap.ts';
import type { LabInfo } from '../lab/lab-info.ts';
import { startTenantEmulator, type TenantEmulator } from '../lab/tenant/server.ts';

export interface WizardEnv {
  readonly lab: LabInfo;
  readonly emu: TenantEmulator;
  /** SHA-256 of the DC's certificate, as the trust prompt shows it (AB:CD:…). */
  readonly dcFingerprint: string;
}

const log = (line: string): void => console.log(`[lab] ${line}`);

/** Brings up the lab DC and a tenant emulator for this file; returns a getter. */
export function useWizardEnv(): () => WizardEnv {
  let env: WizardEnv | undefined;
  let emuDir: string | undefined;
  beforeAll(async () => {
    const { info } = await labUp({ owner: 'test', lease: process.pid, log });
    emuDir = mkdtempSync(join(tmpdir(), 'phs-e2e-emu-'));
    const emu = await startTenantEmulator({ dir: emuDir, deviceCodeIntervalSeconds: 1 });
    const cert = new X509Certificate(readFileSync(join(dirname(info.caFile), 'cert.pem')));
    env = { lab: info, emu, dcFingerprint: cert.fingerprint256 };
  }, 300_000);
  afterAll(async () => {
    await env?.emu.close();
    if (emuDir !== undefined) rmSync(emuDir, { recursive: true, force: true });
    await releaseLease(process.pid, log);
  });
  return () => {
    if (env === undefined) throw new Error('the lab or the tenant emulator did not start');
    return env;
  };
}

export interface Account {
  readonly username: string;
  readonly password: string;
}

/**
 * The "system browser" of a sign-in: opens what main asked for in another context (it trusts the
 * emulator's certificate, as the admin's browser would trust Microsoft's), and signs in there.
 */
export class SignInBrowser {
  readonly #browser: Browser;
  #context: BrowserContext | undefined;
  /** Who signs in next, and (device code) how to read the code the app shows. */
  account: Account | undefined;
  deviceCode: (() => Promise<string>) | undefined;
  readonly done: Promise<void>[] = [];

  constructor(browser: Browser) {
    this.#browser = browser;
  }

  readonly open = async (url: string): Promise<void> => {
    const account = this.account;
    if (account === undefined) throw new Error('no account chosen for the sign-in page');
    this.#context ??= await this.#browser.newContext({ ignoreHTTPSErrors: true });
    const page = await this.#context.newPage();
    await page.goto(url);
    if (new URL(url).pathname.endsWith('/devicelogin')) await this.#enterCode(page);
    await page.fill('#username', account.username);
    await page.fill('#password', account.password);
    await page.click('#submit');
  };

  async #enterCode(page: Page): Promise<void> {
    if (this.deviceCode === undefined) throw new Error('no device code source');
    await page.fill('#otc', await this.deviceCode());
    await page.click('#next');
  }

  async close(): Promise<void> {
    await this.#context?.close().catch(() => undefined);
  }
}

/** Adds UPN suffixes to the lab forest while `work` runs (Entra Connect's table needs some). */
export async function withExtraUpnSuffixes<T>(
  lab: LabInfo,
  suffixes: readonly string[],
  work: () => Promise<T>,
): Promise<T> {
  const client = await bindAs(labTarget(lab.caFile), lab.admin.username, lab.admin.password);
  const partitions = `CN=Partitions,CN=Configuration,${lab.baseDn}`;
  const edit = (operation: 'add' | 'delete') =>
    client.modify(
      partitions,
      new Change({ operation, modification: new Attribute({ type: 'uPNSuffixes', values: [...suffixes] }) }),
    );
  try {
    await edit('add');
    return await work();
  } finally {
    await edit('delete').catch(() => undefined);
    await client.unbind().catch(() => undefined);
  }
}
