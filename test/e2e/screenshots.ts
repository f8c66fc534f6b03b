/**
 * Screenshots of a wizard state in both themes and both sizes (1280×800, 960×640), each also
 * checked for layout faults at that size (no horizontal scrolling, no text cut off without a
 * tooltip) and scanned by axe-core in both themes (no serious or critical violation).
 * Files: test-results/screenshots/wizard-<state>-<theme>-<width>.png.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { axeFindings, blocking, settleAnimations } from './axe.ts';
import { elementsPastRightEdge, horizontalScrollbars, truncatedTexts } from './page-probes.ts';

export const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

const SIZES = [
  { width: 1280, height: 800 },
  { width: 960, height: 640 },
] as const;

export const shot = { files: [] as string[] };

/** Shoots `state` in light and dark at both sizes, with `target` scrolled into view; restores light 1280. */
export async function shootState(page: Page, state: string, target?: Locator): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      if (target !== undefined) await target.scrollIntoViewIfNeeded();
      await settleAnimations(page);
      const file = `${SCREENSHOTS}wizard-${state}-${theme}-${size.width}.png`;
      await page.screenshot({ path: file });
      shot.files.push(file);
      if (size.width === SIZES[0].width) {
        const findings = await axeFindings(page);
        expect
          .soft(blocking(findings), `axe-core, ${state} in ${theme}:\n${findings.join('\n')}`)
          .toEqual([]);
      }
    }
    const scrollbars = await horizontalScrollbars(page);
    if (scrollbars.length > 0) scrollbars.push(...(await elementsPastRightEdge(page)));
    expect(scrollbars, `${state} at ${size.width}`).toEqual([]);
    expect(await truncatedTexts(page), `${state} at ${size.width}`).toEqual([]);
  }
  await page.setViewportSize(SIZES[0]);
  await page.emulateMedia({ colorScheme: 'light' });
}
