/**
 * The renderer shell end to end: the built app in Chromium, its bridge wired to the real main
 * services (hash pool, push queue, dispatcher): keyboard-only navigation, the live self-test,
 * pushes across app:ready, links through main, and the Content-Security-Policy.
 */
import { describe, expect, it } from 'vitest';
import {
  hashOf,
  PAGES,
  SELF_TEST_PASSED,
  SELF_TEST_TIMEOUT_MS,
  showPage,
  useHarness,
  withApp,
} from './app-fixture.ts';
import { expectHeadingFocused, isButton, isNavTab, pressUntil } from './keyboard.ts';
import { cspMetaContent, inlineScriptRan } from './page-probes.ts';

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'none'; base-uri 'none'; form-action 'none'";

const harness = useHarness();

describe('the app shell', () => {
  it('walks every page in order by keyboard alone, moving focus to each heading', async () => {
    await withApp(harness(), {}, async ({ page }) => {
      await showPage(page, 'Welcome');
      expect(hashOf(page)).toBe('#/welcome');

      // Into the navigation: its selected entry holds the Tab stop.
      await pressUntil(page, 'Tab', isNavTab('welcome'), 'the Welcome tab');

      const [, directory, tenant, scope, phs, ready, dashboard] = PAGES;
      const moves = [
        { to: directory, by: 'Enter' },
        { to: tenant, by: 'Next' },
        { to: scope, by: 'Space' },
        { to: phs, by: 'Next' },
        { to: ready, by: 'Enter' },
        { to: dashboard, by: 'Enter' },
      ] as const;
      for (const { to, by } of moves) {
        if (by === 'Next') {
          await pressUntil(page, 'Tab', isButton('Next'), `the Next button before ${to.title}`);
          await page.keyboard.press('Enter');
        } else {
          // From the focused heading, back into the navigation, then arrows to the entry.
          await pressUntil(page, 'Shift+Tab', isNavTab(), 'the navigation');
          await pressUntil(page, 'ArrowDown', isNavTab(to.route), `the ${to.title} tab`);
          await page.keyboard.press(by);
        }
        await expectHeadingFocused(page, to.title);
        expect(hashOf(page)).toBe(`#/${to.route}`);
      }

      // Up the navigation and Back by keyboard; then a reload keeps the page.
      await pressUntil(page, 'Shift+Tab', isNavTab('dashboard'), 'the Dashboard tab');
      await pressUntil(page, 'ArrowUp', isNavTab('ready'), 'the Ready tab');
      await page.keyboard.press('Enter');
      await expectHeadingFocused(page, 'Ready to configure');
      await pressUntil(page, 'Tab', isButton('Back'), 'the Back button');
      await page.keyboard.press('Enter');
      await expectHeadingFocused(page, 'Password hash sync');
      expect(hashOf(page)).toBe('#/phs');
      await page.reload();
      await showPage(page, 'Password hash sync');
      expect(hashOf(page)).toBe('#/phs');
    });
  });

  it('shows an unknown route as the Welcome page', async () => {
    await withApp(harness(), { route: 'no-such-page' }, async ({ page }) => {
      await showPage(page, 'Welcome');
      expect(hashOf(page)).toBe('#/welcome');
    });
  });

  it('shows the crypto self-test passing in main and on the real worker pool, and reruns it', async () => {
    await withApp(harness(), { route: 'welcome' }, async ({ page, calls }) => {
      await page.getByText(SELF_TEST_PASSED).waitFor({ timeout: SELF_TEST_TIMEOUT_MS });
      const reply = calls.find((c) => c.channel === 'phs:selfTest')?.reply;
      expect(reply).toMatchObject({ ok: true, value: { passed: true } });
      const table = page.getByRole('table', { name: 'Cryptographic primitives and their self-test results' });
      await expect.poll(() => table.getByRole('row').count()).toBe(9);
      expect(await table.getByText('Passed').count()).toBe(16);
      await page.getByText(`Runtime: node ${process.versions.node} / OpenSSL ${process.versions.openssl}`).waitFor();

      await page.getByRole('button', { name: 'Run again' }).click();
      await page.getByText(SELF_TEST_PASSED).waitFor({ timeout: SELF_TEST_TIMEOUT_MS });
      expect(calls.filter((c) => c.channel === 'phs:selfTest')).toHaveLength(2);
    });
  });

  it('delivers a push queued before app:ready once the page is ready, then live ones', async () => {
    await withApp(harness(), { load: false }, async ({ page, pushes, calls, load }) => {
      pushes.push('phs:poolStatus', { workers: 0, limit: harness().pool.size, busy: 0, queued: 0 });
      await load('dashboard');
      const status = page.getByTestId('pool-status');
      await status.waitFor();
      expect(await status.innerText()).toMatch(/Worker threads running\s*0 of 2/);
      expect(calls.find((c) => c.channel === 'app:ready')?.reply).toEqual({
        ok: true,
        value: { flushed: 1 },
      });

      pushes.push('phs:poolStatus', { workers: 2, limit: 2, busy: 2, queued: 7 });
      await status.filter({ hasText: /Batches queued\s*7/ }).waitFor();
    });
  });

  it('opens documentation links through main, never in the app window', async () => {
    await withApp(harness(), { route: 'welcome' }, async ({ page, openedUrls }) => {
      await page.getByRole('link', { name: /What is password hash synchronization/ }).focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => openedUrls, { timeout: 5_000 })
        .toEqual(['https://learn.microsoft.com/entra/identity/hybrid/connect/whatis-phs']);
      expect(hashOf(page)).toBe('#/welcome');
    });
  });

  it('enforces its Content-Security-Policy: an injected inline script does not run', async () => {
    await withApp(
      harness(),
      { route: 'welcome' },
      async ({ page, pageErrors }) => {
        await showPage(page, 'Welcome');
        expect(await cspMetaContent(page)).toBe(CSP);
        // The injected tag is refused by the page's CSP; whether Playwright reports that varies.
        await page.addScriptTag({ content: 'window.__inlineScriptRan = true;' }).catch(() => undefined);
        expect(await inlineScriptRan(page)).toBe(false);
        expect(pageErrors.some((e) => /Content Security Policy/i.test(e))).toBe(true);
        // ...and the app itself needed no exception: nothing else was refused.
        expect(pageErrors.filter((e) => !/inline script/i.test(e))).toEqual([]);
      },
      { allowPageErrors: true },
    );
  });
});
