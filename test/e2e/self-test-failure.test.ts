/**
 * When the crypto self-test fails, the app says which primitive, on which runtime, and what to do,
 * and it refuses to sync: Configure's first sync and the dashboard's Sync now get the named error,
 * and nothing reaches the tenant. The primitives are broken by a stub in main's self-test deps.
 * The last test shuts the harness's pool down first, as happens while the app stops.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { WRONG_ANSWER_REMEDIATION } from '../../electron/self-test/failure.ts';
import { MD5_REMEDIATION } from '../../electron/self-test/run-checks.ts';
import { runtimeLabel } from '../../electron/self-test/runtime.ts';
import { gatedEngine, type GatedEngine } from '../unit/self-test/gated-engine.ts';
import { brokenMd4, fipsMode } from '../unit/self-test/stubs.ts';
import { SELF_TEST_TIMEOUT_MS, showPage, useHarness, withApp } from './app-fixture.ts';
import { axeFindings, blocking, settleAnimations } from './axe.ts';
import { SCREENSHOTS } from './screenshots.ts';
import { mkdirSync } from 'node:fs';

const harness = useHarness();

/** Light and dark: a screenshot each, and no serious or critical axe-core finding. */
async function shootBothThemes(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await settleAnimations(page);
    await page.screenshot({ path: `${SCREENSHOTS}${name}-${theme}.png`, fullPage: true });
    const findings = await axeFindings(page);
    expect(blocking(findings), `axe-core, ${name} in ${theme}:\n${findings.join('\n')}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('the crypto self-test, failing', () => {
  it('names the refused primitives on Welcome, with the named error and what to do', async () => {
    await withApp(harness(), { route: 'welcome', cryptoDeps: fipsMode }, async ({ page, calls }) => {
      const bar = page.locator('.fui-MessageBar', {
        hasText: 'Cryptography self-test failed: sync is blocked',
      });
      await bar.waitFor({ timeout: SELF_TEST_TIMEOUT_MS });
      const text = await bar.innerText();
      expect(text).toContain(
        `The cryptographic self-test failed: MD5 and HMAC-MD5 in the main process (${runtimeLabel()}). Password hash sync is blocked until it passes.`,
      );
      expect(text).toContain(MD5_REMEDIATION);
      expect(await page.getByText(/Self-test passed/).count()).toBe(0);

      const table = page.getByRole('table', { name: 'Cryptographic primitives and their self-test results' });
      const md5 = table.getByRole('row').filter({ has: page.getByRole('cell', { name: /^MD5/ }) });
      expect(await md5.getByRole('cell').allInnerTexts()).toEqual([
        'MD5\nMain process: MD5 is unavailable in this runtime (FIPS mode is on): createHash(\'md5\') threw "Digest method not supported"',
        'RFC 1321 test suite',
        'Failed',
        'Passed',
      ]);
      expect(await table.getByText('Failed').count()).toBe(2);
      expect(await table.getByText('Passed').count()).toBe(14);
      await page.getByText(`Runtime: ${runtimeLabel()}`).waitFor();
      expect(calls.find((c) => c.channel === 'phs:selfTest')?.reply).toMatchObject({
        ok: true,
        value: { passed: false, failure: { code: 'CRYPTO_SELF_TEST_FAILED', remediation: MD5_REMEDIATION } },
      });
      await shootBothThemes(page, 'welcome-selftest-failed');
    });
  });

  it("refuses Configure's first sync and the dashboard's Sync now; nothing reaches the tenant", async () => {
    const opened: GatedEngine[] = [];
    const openEngine = async (gate: Parameters<typeof gatedEngine>[0]) => {
      const gated = await gatedEngine(gate);
      opened.push(gated);
      return gated;
    };
    await withApp(harness(), { load: false, cryptoDeps: brokenMd4, openEngine }, async (session) => {
      const { page } = session;
      await expect(session.engine.firstSync.start()).rejects.toMatchObject({
        code: 'CRYPTO_SELF_TEST_FAILED',
      });
      await session.load('dashboard');
      await showPage(page, 'Dashboard');
      await page.getByRole('button', { name: 'Sync now' }).click();
      const bar = page.locator('.fui-MessageBar', {
        hasText: 'The cryptographic self-test failed: MD4 in the main process',
      });
      await bar.waitFor();
      expect(await bar.innerText()).toContain(WRONG_ANSWER_REMEDIATION);
      await page
        .getByText('Password hash sync is blocked until it passes', { exact: false })
        .first()
        .waitFor();
      const [gated] = opened;
      expect(gated?.sink.calls).toBe(0);
      expect(gated?.store.state.runs).toEqual([]);
      await shootBothThemes(page, 'dashboard-selftest-blocked');
    });
    await Promise.all(opened.map((g) => g.close()));
  });

  it("says it could not run when the pool is down, with main's error and remediation, and no pass", async () => {
    await harness().pool.close();
    await withApp(harness(), { route: 'welcome' }, async ({ page, calls }) => {
      const bar = page.locator('.fui-MessageBar', { hasText: 'The cryptography self-test could not run' });
      await bar.waitFor();
      const text = await bar.innerText();
      expect(text).toContain('The hash pool is shut down.');
      expect(text).toContain('This happens while the app or engine stops; start it again.');
      expect(await page.getByText(/Self-test passed/).count()).toBe(0);
      expect(calls.find((c) => c.channel === 'phs:selfTest')?.reply).toMatchObject({
        ok: false,
        error: { code: 'POOL_CLOSED' },
      });
      await shootBothThemes(page, 'welcome-selftest-error');
    });
  });
});
