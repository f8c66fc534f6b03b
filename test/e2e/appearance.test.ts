/**
 * How the app looks: it follows the OS theme, fits the smallest supported window, and leaves a
 * screenshot of every page in test-results/screenshots/<page>-<theme>.png for review.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  PAGES,
  SELF_TEST_PASSED,
  SELF_TEST_TIMEOUT_MS,
  setHash,
  showPage,
  useHarness,
  withApp,
} from './app-fixture.ts';
import { backgroundColor, horizontalScrollbars, luminance, truncatedTexts } from './page-probes.ts';

const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

const harness = useHarness();

/** A PNG's width and height, from its IHDR chunk (bytes 16–23). */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the app shell, visually', () => {
  it('follows the operating system into the dark theme, live', async () => {
    await withApp(harness(), { route: 'welcome', colorScheme: 'light' }, async ({ page }) => {
      await showPage(page, 'Welcome');
      expect(luminance((await backgroundColor(page, 'main')) ?? '')).toBeGreaterThan(0.8);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect
        .poll(async () => luminance((await backgroundColor(page, 'main')) ?? ''), { timeout: 5_000 })
        .toBeLessThan(0.1);
    });
  });

  it('fits every page in a 960×640 window without horizontal scrolling or cut-off text', async () => {
    await withApp(
      harness(),
      { route: 'welcome', viewport: { width: 960, height: 640 } },
      async ({ page }) => {
        await page.getByText(SELF_TEST_PASSED).waitFor({ timeout: SELF_TEST_TIMEOUT_MS });
        for (const { route, title } of PAGES) {
          await setHash(page, route);
          await showPage(page, title);
          expect(await horizontalScrollbars(page), route).toEqual([]);
          expect(await truncatedTexts(page), route).toEqual([]);
        }
      },
    );
  });

  it('saves a screenshot of every page in light, and of Welcome and Dashboard in dark', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const theme of ['light', 'dark'] as const) {
      const pages =
        theme === 'light' ? PAGES : PAGES.filter((p) => p.route === 'welcome' || p.route === 'dashboard');
      await withApp(harness(), { route: 'welcome', colorScheme: theme }, async ({ page }) => {
        // The self-test on Welcome also makes the pool report, so the Dashboard has live data.
        await page.getByText(SELF_TEST_PASSED).waitFor({ timeout: SELF_TEST_TIMEOUT_MS });
        for (const { route, title } of pages) {
          await setHash(page, route);
          await showPage(page, title);
          if (route === 'welcome')
            await page.getByText(SELF_TEST_PASSED).waitFor({ timeout: SELF_TEST_TIMEOUT_MS });
          if (route === 'dashboard') await page.getByTestId('pool-status').waitFor();
          // What the picture shows: this page's heading, in this theme, at the window's size.
          expect(await page.locator('h1#page-heading').innerText(), route).toBe(title);
          const light = luminance((await backgroundColor(page, 'main')) ?? '');
          if (theme === 'light') expect(light, route).toBeGreaterThan(0.8);
          else expect(light, route).toBeLessThan(0.1);
          const png = await page.screenshot({ path: `${SCREENSHOTS}${route}-${theme}.png` });
          expect(pngSize(png), route).toEqual({ width: 1280, height: 800 });
        }
      });
    }
  });
});
