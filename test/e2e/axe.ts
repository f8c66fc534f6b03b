/**
 * axe-core in the app's page: load it once, let animations settle, scan, and describe each
 * violation as "impact id at element". Fluent UI's focus manager (tabster) places invisible
 * `<i aria-hidden tabindex=0 data-tabster-dummy>` sentinels that catch Tab and pass focus on at
 * once; axe reports them as aria-hidden-focus, which Fluent documents as expected, so they alone
 * are left out of the scan.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const SETTLE_ROUNDS = 20;
const SETTLE_ROUND_MS = 2_000;

/** Loads axe-core through the DevTools protocol (the page's CSP does not apply to it). */
export async function loadAxe(page: Page): Promise<void> {
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) await page.evaluate(AXE_SOURCE);
}

/**
 * Waits until no animation runs (a colour transition of a button just enabled, a theme just
 * switched), so axe reads final colours. An animation cancelled while waited on (React replaced
 * the element) counts as ended; one that loops for ever (a spinner) is not waited for. Bounded: at most SETTLE_ROUNDS rounds of SETTLE_ROUND_MS.
 */
export async function settleAnimations(page: Page): Promise<void> {
  for (let round = 0; round < SETTLE_ROUNDS; round++) {
    const running = await page.evaluate(async (limitMs) => {
      type Timing = { endTime?: number | null };
      type Anim = {
        finished: Promise<unknown>;
        playState: string;
        effect: { getComputedTiming(): Timing } | null;
      };
      type Doc = { getAnimations(): Anim[] };
      const doc = (globalThis as unknown as { document: Doc }).document;
      // A spinner loops for ever: only animations that end are waited for.
      const ends = (a: Anim): boolean => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity);
      const active = doc.getAnimations().filter((a) => a.playState === 'running' && ends(a));
      if (active.length === 0) return 0;
      const ended = Promise.allSettled(active.map((a) => a.finished));
      await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, limitMs))]);
      return active.length;
    }, SETTLE_ROUND_MS);
    if (running === 0) return;
  }
}

/** Runs axe on the page (or inside `scope`); returns one line per violation. */
export async function axeFindings(page: Page, scope?: string): Promise<string[]> {
  await loadAxe(page);
  await settleAnimations(page);
  return page.evaluate(async (include): Promise<string[]> => {
    type Node = { target: unknown[] };
    type Result = { violations: { id: string; impact: string | null; nodes: Node[] }[] };
    const axe = (globalThis as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<Result> } }).axe;
    const describe = (n: Node): string => {
      type El = { tagName: string; textContent: string | null };
      const doc = (globalThis as unknown as { document: { querySelector(s: string): El | null } }).document;
      const el = doc.querySelector(String(n.target[0]));
      return `${el?.tagName.toLowerCase() ?? '?'} "${(el?.textContent ?? '').trim().slice(0, 60)}"`;
    };
    const context = {
      ...(include === null ? {} : { include: [[include]] }),
      exclude: [['[data-tabster-dummy]']],
    };
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.impact ?? '?'} ${v.id} at ${v.nodes.map(describe).join(', ')}`);
  }, scope ?? null);
}

/** Only the violations that block: serious or critical. */
export function blocking(findings: readonly string[]): string[] {
  return findings.filter((line) => /(^|: )(serious|critical) /.test(line));
}

/**
 * Scans the current state in light and dark; adds "<theme> <state>: <finding>" to `report`.
 * Leaves the page in light.
 */
export async function scanBothThemes(page: Page, state: string, report: string[]): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const finding of await axeFindings(page)) report.push(`${scheme} ${state}: ${finding}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
