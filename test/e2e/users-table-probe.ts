/**
 * The users table measured at N users, shared by the e2e test (which asserts behaviour only) and
 * `npm run bench:table` (which prints the figures). The dashboard opens in Chromium over the real
 * dispatcher and EngineService, on a stand-in engine whose state store holds N users (every 50th
 * failed); then, on the same page and with the same loop:
 * - idle: K requestAnimationFrame intervals without scrolling — the display's frame budget in
 *   this browser (≈16.7 ms at 60 Hz), the limit the scrolling figures are read against;
 * - scrolling: K intervals, the scroller moved 320 px (10 rows) before each frame;
 * - the jump to the end (scrollTop to the bottom) until the last user's row shows;
 * - the Result filter set to Failed until the total reads the failed count.
 * Rows in the DOM are counted before and after scrolling and, in the page, at every scrolled
 * frame: virtualisation keeps them bounded whatever N is.
 * No vitest here: the bench runs this outside the test runner.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fakeAppEngine, userRecord } from '../unit/services/engine-fake.ts';
import type { Harness } from './harness.ts';

/** Page globals, in the few shapes used (this project's Node typecheck has no DOM lib). */
interface ProbeElement {
  scrollTop: number;
  querySelectorAll(selector: string): { readonly length: number };
}
declare const document: { querySelector(selector: string): ProbeElement | null };
declare function requestAnimationFrame(callback: () => void): void;

/** Rows are 32 px high (ROW_HEIGHT in renderer/src/dashboard/users-window.ts). */
export const ROWS_PER_FRAME = 10;
const SCROLL_PX_PER_FRAME = ROWS_PER_FRAME * 32;
/** A scrolled frame "keeps up" when it lasts at most this many idle frame intervals. */
export const BUDGET_FACTOR = 1.5;
const FAILED_EVERY = 50;
const TABLE = '[role="table"][aria-label="Users"]';
const SCROLLER = '[data-testid="users-scroller"]';
const LOAD_TIMEOUT_MS = 60_000;

export interface ProbeOptions {
  readonly users: number;
  /** requestAnimationFrame intervals measured idle, and again while scrolling. */
  readonly frames?: number;
}

export interface FrameStats {
  readonly median: number;
  readonly p95: number;
  readonly max: number;
  readonly mean: number;
}

export interface UsersTableFigures {
  readonly users: number;
  readonly frames: number;
  /** Building the N records and committing them to the stand-in engine's store. */
  readonly seedMs: number;
  /** From opening the dashboard to the total reading N users. */
  readonly loadMs: number;
  /** The limit: rAF intervals of the same page while nothing scrolls. */
  readonly idle: FrameStats;
  readonly scroll: FrameStats;
  /** Every measured interval, in ms, in order. */
  readonly idleFrames: readonly number[];
  readonly scrollFrames: readonly number[];
  /** Share (0…1) of scrolled frames within BUDGET_FACTOR × the idle median. */
  readonly withinBudget: number;
  /** Table rows in the DOM (header included) before and after scrolling, and after the jump. */
  readonly rowsBefore: number;
  readonly rowsAfterScroll: number;
  readonly rowsAfterJump: number;
  /** Most body rows seen in the scroller at any scrolled frame. */
  readonly maxRowsWhileScrolling: number;
  readonly lastUser: string;
  /** Whether the last user's row showed after the jump (within the page's default timeout). */
  readonly lastUserShown: boolean;
  /** NaN when the last row never showed. */
  readonly jumpMs: number;
  readonly failedExpected: number;
  /** The total the table shows once filtered to Failed. */
  readonly failedShown: number;
  readonly filterMs: number;
  /** Uncaught page errors and console errors during the run: a healthy page has none. */
  readonly pageErrors: readonly string[];
}

export function frameStats(intervals: readonly number[]): FrameStats {
  const sorted = [...intervals].sort((a, b) => a - b);
  // Nearest rank, as the other benches compute percentiles.
  const at = (p: number): number =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  return { median: at(0.5), p95: at(0.95), max: at(1), mean };
}

/** K rAF intervals, starting on a frame boundary; `stepPx` 0 leaves the scroller still. */
function measureFrames(
  page: Page,
  frames: number,
  stepPx: number,
): Promise<{ intervals: number[]; maxRows: number }> {
  return page.evaluate(
    async ({ frames, stepPx, scroller }) => {
      const el = document.querySelector(scroller);
      if (el === null) throw new Error(`no ${scroller} on the page`);
      const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(resolve));
      await nextFrame();
      const intervals: number[] = [];
      let maxRows = 0;
      let last = performance.now();
      for (let i = 0; i < frames; i++) {
        if (stepPx !== 0) el.scrollTop += stepPx;
        await nextFrame();
        const now = performance.now();
        intervals.push(now - last);
        last = now;
        maxRows = Math.max(maxRows, el.querySelectorAll('[role="row"]').length);
      }
      return { intervals, maxRows };
    },
    { frames, stepPx, scroller: SCROLLER },
  );
}

function countRows(page: Page): Promise<number> {
  return page.locator(TABLE).getByRole('row').count();
}

async function waitForTotal(page: Page, total: number, timeout?: number): Promise<void> {
  await page
    .getByTestId('users-total')
    .filter({ hasText: new RegExp(`^${total.toLocaleString('en-US')} users?$`) })
    .waitFor(timeout === undefined ? {} : { timeout });
}

export async function probeUsersTable(harness: Harness, options: ProbeOptions): Promise<UsersTableFigures> {
  const { users } = options;
  const frames = options.frames ?? 240;
  if (!Number.isInteger(users) || users < 1)
    throw new Error(`users must be a whole number ≥ 1, not ${users}`);
  const lastUser = userRecord(users - 1).samAccountName;
  const failedExpected = Math.ceil(users / FAILED_EVERY);
  const storeDir = mkdtempSync(join(tmpdir(), 'phs-users-table-'));
  try {
    const seedStarted = performance.now();
    const records = Array.from({ length: users }, (_, i) =>
      userRecord(i, i % FAILED_EVERY === 0 ? 'failed' : 'delivered'),
    );
    const host = await fakeAppEngine(records, storeDir);
    const seedMs = performance.now() - seedStarted;

    const loadStarted = performance.now();
    const session = await harness.openApp({ route: 'dashboard', openEngine: async () => host });
    try {
      const { page } = session;
      await page.locator('h1#page-heading', { hasText: 'Dashboard' }).waitFor({ state: 'visible' });
      await session.engine.firstSync.start();
      await waitForTotal(page, users, LOAD_TIMEOUT_MS);
      const table = page.locator(TABLE);
      await table.getByRole('row', { name: new RegExp(userRecord(0).samAccountName) }).waitFor();
      const loadMs = performance.now() - loadStarted;
      const rowsBefore = await countRows(page);

      const idleRun = await measureFrames(page, frames, 0);
      const scrollRun = await measureFrames(page, frames, SCROLL_PX_PER_FRAME);
      const rowsAfterScroll = await countRows(page);
      const idle = frameStats(idleRun.intervals);
      const scroll = frameStats(scrollRun.intervals);
      const budget = BUDGET_FACTOR * idle.median;
      const withinBudget = scrollRun.intervals.filter((t) => t <= budget).length / frames;

      const jumpStarted = performance.now();
      await page.locator(SCROLLER).evaluate((el) => void ((el as unknown as ProbeElement).scrollTop = 1e9));
      const lastUserShown = await table
        .getByRole('row', { name: new RegExp(lastUser) })
        .waitFor()
        .then(
          () => true,
          () => false,
        );
      const jumpMs = lastUserShown ? performance.now() - jumpStarted : Number.NaN;
      const rowsAfterJump = await countRows(page);

      const filterStarted = performance.now();
      await page.getByLabel('Result').selectOption('failed');
      await waitForTotal(page, failedExpected);
      const filterMs = performance.now() - filterStarted;
      const failedShown = Number.parseInt(
        ((await page.getByTestId('users-total').textContent()) ?? '').replace(/,/g, ''),
        10,
      );

      return {
        users,
        frames,
        seedMs,
        loadMs,
        idle,
        scroll,
        idleFrames: idleRun.intervals,
        scrollFrames: scrollRun.intervals,
        withinBudget,
        rowsBefore,
        rowsAfterScroll,
        rowsAfterJump,
        maxRowsWhileScrolling: scrollRun.maxRows,
        lastUser,
        lastUserShown,
        jumpMs,
        failedExpected,
        failedShown,
        filterMs,
        pageErrors: [...session.pageErrors],
      };
    } finally {
      await session.close(); // closes the engine service, which closes the stand-in's store…
      await host.close(); // …if it ever opened it (closing twice is harmless)
    }
  } finally {
    rmSync(storeDir, { recursive: true, force: true });
  }
}

/** The figures in one line, for the test's log. */
export function figuresLine(f: UsersTableFigures): string {
  const ms = (n: number): string => `${n.toFixed(1)} ms`;
  return (
    `${f.users} users, ${f.frames} frames: idle frame ${ms(f.idle.median)}; scrolling ` +
    `${ROWS_PER_FRAME} rows a frame median ${ms(f.scroll.median)}, p95 ${ms(f.scroll.p95)}, ` +
    `max ${ms(f.scroll.max)}, ${(f.withinBudget * 100).toFixed(0)}% within ${BUDGET_FACTOR}x idle; ` +
    `table rows in the DOM ${f.rowsBefore} before, ${f.rowsAfterScroll} after, ` +
    `at most ${f.maxRowsWhileScrolling} body rows while scrolling; ` +
    `jump to the last row ${ms(f.jumpMs)}; filter ${ms(f.filterMs)}`
  );
}
