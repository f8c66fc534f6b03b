/**
 * axe-core, run in Chromium on every page of the app in its loaded state, light and dark: no
 * serious or critical violation. (The wizard walk scans the states it reaches too: errors,
 * prompts, dialogs, the dashboard with users.)
 */
import { describe, expect, it } from 'vitest';
import { PAGES, setHash, showPage, useHarness, withApp } from './app-fixture.ts';
import { blocking, scanBothThemes } from './axe.ts';

const harness = useHarness();

/** What shows a page has finished loading its saved state (its controls are then final). */
const SETTLED: Readonly<Record<string, string>> = {
  directory: 'button:has-text("Test connection"):enabled',
};

describe('accessibility (axe-core)', () => {
  it('finds no serious or critical violation on any page, light or dark', async () => {
    await withApp(harness(), {}, async ({ page }) => {
      const report: string[] = [];
      for (const { route, title } of PAGES) {
        await setHash(page, route);
        await showPage(page, title);
        const settled = SETTLED[route];
        if (settled !== undefined) await page.locator(settled).waitFor({ state: 'visible' });
        await scanBothThemes(page, route, report);
      }
      expect(blocking(report), report.join('\n')).toEqual([]);
    });
  }, 120_000);
});
