/**
 * axe-core, run in Chromium on every page of the app in light and dark: no serious or critical
 * violation. Fluent UI's focus manager (tabster) places invisible `<i aria-hidden tabindex=0
 * data-tabster-dummy>` sentinels that catch Tab and pass focus on at once; axe reports them as
 * aria-hidden-focus, which Fluent documents as expected, so they alone are left out of the scan.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PAGES, setHash, showPage, useHarness, withApp } from './app-fixture.ts';

const AXE_SOURCE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const harness = useHarness();

/** What shows a page has finished loading its saved state (its controls are then final). */
const SETTLED: Readonly<Record<string, string>> = {
  directory: 'button:has-text("Test connection"):enabled',
};

describe('accessibility (axe-core)', () => {
  it('finds no serious or critical violation on any page, light or dark', async () => {
    await withApp(harness(), {}, async ({ page }) => {
      // Evaluated through the DevTools protocol, so the page's CSP does not apply to the scanner.
      await page.evaluate(AXE_SOURCE);
      const report: string[] = [];
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const { route, title } of PAGES) {
          await setHash(page, route);
          await showPage(page, title);
          const settled = SETTLED[route];
          if (settled !== undefined) await page.locator(settled).waitFor({ state: 'visible' });
          // Let colour transitions (a button just enabled, the theme just switched) finish first.
          await page.evaluate(() => {
            type Doc = { getAnimations(): { finished: Promise<unknown> }[] };
            const doc = (globalThis as unknown as { document: Doc }).document;
            return Promise.all(doc.getAnimations().map((a) => a.finished));
          });
          const findings = await page.evaluate(async (): Promise<string[]> => {
            type Node = { target: unknown[] };
            type Result = { violations: { id: string; impact: string | null; nodes: Node[] }[] };
            const axe = (
              globalThis as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<Result> } }
            ).axe;
            const describe = (n: Node): string => {
              type El = { tagName: string; textContent: string | null };
              const doc = (globalThis as unknown as { document: { querySelector(s: string): El | null } })
                .document;
              const el = doc.querySelector(String(n.target[0]));
              return `${el?.tagName.toLowerCase() ?? '?'} "${(el?.textContent ?? '').trim().slice(0, 60)}"`;
            };
            const result = await axe.run(
              { exclude: [['[data-tabster-dummy]']] },
              { resultTypes: ['violations'] },
            );
            return result.violations.map(
              (v) => `${v.impact ?? '?'} ${v.id} at ${v.nodes.map(describe).join(', ')}`,
            );
          });
          for (const f of findings) report.push(`${scheme} ${route}: ${f}`);
        }
      }
      const blocking = report.filter((line) => /: (serious|critical) /.test(line));
      expect(blocking, report.join('\n')).toEqual([]);
    });
  }, 120_000);
});
