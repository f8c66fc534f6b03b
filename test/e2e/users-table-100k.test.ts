/**
 * The users table at 100,000 users, in Chromium, with the real dispatcher and EngineService over a
 * stand-in engine whose state store holds 100,000 records: only the visible rows are rendered,
 * scrolling keeps frames coming at interactive speed, and a jump to the end shows the last user.
 * The figures are printed for the closing note.
 */
import { describe, expect, it } from 'vitest';
import { userRecord, fakeAppEngine } from '../unit/services/engine-fake.ts';
import { showPage, useHarness, withApp } from './app-fixture.ts';

const harness = useHarness();
const USERS = 100_000;

describe('the users table at 100,000 users', () => {
  it('renders only the visible rows and scrolls at interactive speed', { timeout: 120_000 }, async () => {
    const users = Array.from({ length: USERS }, (_, i) =>
      userRecord(i, i % 50 === 0 ? 'failed' : 'delivered'),
    );
    const host = await fakeAppEngine(users);
    await withApp(harness(), { route: 'dashboard', openEngine: async () => host }, async (session) => {
      const { page } = session;
      await showPage(page, 'Dashboard');
      await session.engine.firstSync.start();
      await page
        .getByTestId('users-total')
        .filter({ hasText: `${USERS} users` })
        .waitFor({ timeout: 30_000 });
      const table = page.getByRole('table', { name: 'Users' });
      expect(await table.getByRole('row').count()).toBeLessThanOrEqual(31);

      const frames = await page.evaluate(async () => {
        // Page globals (this typecheck has no DOM lib).
        const page = globalThis as unknown as {
          document: { querySelector(s: string): { scrollTop: number } };
          requestAnimationFrame(callback: () => void): void;
        };
        const el = page.document.querySelector('[data-testid="users-scroller"]');
        const times: number[] = [];
        let last = performance.now();
        for (let i = 0; i < 240; i++) {
          el.scrollTop += 320;
          await new Promise<void>((resolve) => page.requestAnimationFrame(resolve));
          const now = performance.now();
          times.push(now - last);
          last = now;
        }
        return times;
      });
      const sorted = [...frames].sort((a, b) => a - b);
      const p95 = sorted[Math.floor(sorted.length * 0.95)]!;
      const median = sorted[Math.floor(sorted.length / 2)]!;
      expect(await table.getByRole('row').count()).toBeLessThanOrEqual(31);

      const jumpStarted = Date.now();
      await page
        .getByTestId('users-scroller')
        .evaluate((el) => void ((el as unknown as { scrollTop: number }).scrollTop = 1e9));
      await table.getByRole('row', { name: /user099999/ }).waitFor();
      const jumpMs = Date.now() - jumpStarted;

      const filterStarted = Date.now();
      await page.getByLabel('Result').selectOption('failed');
      await page
        .getByTestId('users-total')
        .filter({ hasText: `${USERS / 50} users` })
        .waitFor();
      const filterMs = Date.now() - filterStarted;

      console.log(
        `[users-table-100k] scrolling 10 rows a frame: median frame ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms; jump to the last row ${jumpMs} ms; filter ${filterMs} ms`,
      );
      expect(p95).toBeLessThan(100);
      expect(jumpMs).toBeLessThan(2_000);
    });
  });
});
