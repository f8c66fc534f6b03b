/**
 * The dashboard shows every failure it meets, with what to do, and recovers by itself: over the real
 * dispatcher and EngineService on a stand-in engine whose state cannot be read for a while, the
 * users table and the event log each say so (message and remediation); the next change the engine
 * pushes makes both read again, and the failures go. A diagnosis that fails says so in the dialog,
 * and focus goes back to the row. Nothing is logged as a console error.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SyncState } from '../../electron/engine/records.ts';
import type { AppEngine } from '../../electron/services/engine-service.ts';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { fakeAppEngine, userRecord } from '../unit/services/engine-fake.ts';
import { showPage, useHarness, withApp } from './app-fixture.ts';
import { focusedElement } from './page-probes.ts';
import { shootState } from './screenshots.ts';

const harness = useHarness();

const UNREADABLE = new AppError(
  ErrorCode.StateUnavailable,
  'The sync state could not be read.',
  'Restart PHS Sync; if it happens again, export the log file and report it.',
);

/** The stand-in engine, whose users and events throw while `broken.on` (the status still reads). */
async function flakyEngine(users: number) {
  const host = await fakeAppEngine(Array.from({ length: users }, (_, i) => userRecord(i)));
  const broken = { on: false };
  const failing = (state: SyncState): SyncState =>
    new Proxy(state, {
      get: (target, key) => {
        if (broken.on && (key === 'users' || key === 'events')) throw UNREADABLE;
        return Reflect.get(target, key) as unknown;
      },
    });
  const app: AppEngine = {
    engine: host.engine,
    store: {
      get state() {
        return failing(host.store.state);
      },
      commit: (ops) => host.store.commit(ops),
      stats: () => host.store.stats(),
    },
    close: () => host.close(),
  };
  return { app, host, broken };
}

function errorBar(page: Page, title: string) {
  return page.locator('.fui-MessageBar', { hasText: title });
}

describe('the dashboard when reads fail', () => {
  it('shows each failed read with what to do, then reads again when the engine changes', async () => {
    const { app, host, broken } = await flakyEngine(3);
    await withApp(harness(), { route: 'dashboard', openEngine: async () => app }, async (session) => {
      const { page } = session;
      await showPage(page, 'Dashboard');
      await session.engine.firstSync.start();
      // Before the page hears of the change (the push crosses to Chromium after this line).
      broken.on = true;

      for (const title of ['The users could not be read', 'The events could not be read']) {
        const bar = errorBar(page, title);
        await bar.waitFor();
        expect(await bar.innerText()).toContain(UNREADABLE.message);
        expect(await bar.innerText()).toContain(UNREADABLE.remediation);
      }
      await shootState(page, 'dashboard-read-failed');

      // The state reads again; the next change the engine reports brings the data, not a reload.
      broken.on = false;
      host.fake.events.emit({ type: 'state', state: 'idle' });
      await page
        .getByTestId('users-total')
        .filter({ hasText: /^3 users$/ })
        .waitFor();
      await errorBar(page, 'The users could not be read').waitFor({ state: 'detached' });
      await errorBar(page, 'The events could not be read').waitFor({ state: 'detached' });

      // The stand-in cannot diagnose: the dialog says so, and closing it returns focus to the row.
      const row = page.getByRole('row', { name: new RegExp(userRecord(1).samAccountName) });
      await row.click();
      const dialog = page.getByRole('dialog');
      const bar = dialog.locator('.fui-MessageBar', { hasText: 'The diagnosis could not be read' });
      await bar.waitFor();
      expect(await bar.innerText()).toContain('An unexpected internal error occurred.');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(async () => (await focusedElement(page))?.role).toBe('row');
      expect((await focusedElement(page))?.text).toContain(userRecord(1).samAccountName);
    });
    await host.close();
  });
});
