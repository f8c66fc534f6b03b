/**
 * The dashboard end to end, in Chromium, against the lab DC and the tenant emulator, with the real
 * sync engine behind the preload API: Configure runs the first full sync to completion with
 * progress; the dashboard shows figures and users; search filters the table; a diagnosis opens;
 * PHS goes off (with its confirmation) and on again; Sync now runs a cycle. Screenshots in light
 * and dark at both sizes; no secret reaches the renderer.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { showPage, useHarness, withApp } from './app-fixture.ts';
import { ariaHiddenFindings, watchAriaHidden } from './aria-hidden-probe.ts';
import { configureThroughServices, progressPhases, setLabPassword } from './dashboard-steps.ts';
import { shootState } from './screenshots.ts';
import { rendererLeaks } from './secrets-probe.ts';
import { SignInBrowser, useWizardEnv } from './wizard-env.ts';

const harness = useHarness();
const env = useWizardEnv();
const userDataDir = mkdtempSync(join(tmpdir(), 'phs-e2e-dashboard-'));
const exportFile = join(userDataDir, 'events.tsv');
afterAll(() => rmSync(userDataDir, { recursive: true, force: true }));

describe('the dashboard, end to end', () => {
  it(
    'runs the first full sync, then shows, searches, diagnoses, toggles and syncs',
    { timeout: 600_000 },
    async () => {
      const signIn = new SignInBrowser(harness().browser);
      const options = {
        route: 'dashboard',
        userDataDir,
        engine: true,
        openBrowser: signIn.open,
        chooseExportFile: async () => exportFile,
      };
      try {
        await withApp(harness(), options, async (session) => {
          const { page } = session;
          await showPage(page, 'Dashboard');
          const result = await configureThroughServices(session, env(), signIn);
          expect(result.firstSync).toBe('started');
          await expect
            .poll(() => progressPhases(session).at(-1), { timeout: 300_000, interval: 500 })
            .toBe('completed');
          expect(progressPhases(session)).toContain('syncing');
          const status = session.engine.status();
          expect(status.counts.synced).toBeGreaterThan(0);
          expect(status.counts.failed).toBe(0);

          // The figures and the users, as the page shows them.
          const figures = page.getByTestId('engine-figures');
          await figures.filter({ hasText: status.counts.synced.toLocaleString('en-US') }).waitFor();
          // The table lists every user the engine has a record of (filtered in main).
          const records = session.engine.sortedUsers().length;
          expect(records).toBeGreaterThanOrEqual(status.counts.inScope);
          await page
            .getByTestId('users-total')
            .filter({ hasText: `${records.toLocaleString('en-US')} users` })
            .waitFor();
          expect(
            await page.getByRole('table', { name: 'Users' }).getByRole('row').count(),
          ).toBeLessThanOrEqual(31);
          // The first full sync showed its progress here too, to the end.
          await page.getByTestId('full-sync').getByText('The full sync is complete.').waitFor();
          await shootState(page, 'dashboard');

          // From here on, every dialog's opening and closing is watched for focusable content left
          // under aria-hidden (at every mutation and frame, not only when axe scans).
          await watchAriaHidden(page);

          // Search filters the table (in main), and a row opens the user's diagnosis.
          const user = env().lab.users.find((u) => u.flags.length === 0 && u.password !== null)!;
          await page.getByLabel('Search users').fill(user.sAMAccountName);
          await page
            .getByTestId('users-total')
            .filter({ hasText: /^1 user$/ })
            .waitFor();
          await shootState(page, 'dashboard-users-search', page.getByRole('table', { name: 'Users' }));
          await page
            .getByRole('row', { name: new RegExp(user.sAMAccountName) })
            .first()
            .click();
          await page.getByRole('dialog').getByText('Diagnosis:').waitFor();
          await page
            .getByRole('dialog')
            .getByRole('alert')
            .or(page.getByRole('dialog').locator('dl'))
            .first()
            .waitFor({ timeout: 30_000 });
          await shootState(page, 'dashboard-diagnosis');
          await page.getByRole('button', { name: 'Close' }).click();

          // Off asks first and says what happens; then on again.
          await page.getByRole('switch').click();
          const confirm = page.getByRole('dialog');
          await confirm.getByText('No password change will be sent').waitFor();
          await shootState(page, 'dashboard-confirm-off');
          await confirm.getByRole('button', { name: 'Turn off' }).click();
          await page.getByText('Password hash sync is off', { exact: true }).waitFor({ timeout: 30_000 });
          expect(session.engine.status().enabled).toBe(false);
          await page.getByRole('switch').click();
          await page.getByText('Password hash sync is on', { exact: true }).waitFor({ timeout: 30_000 });
          expect(session.engine.status().enabled).toBe(true);

          // A password changes on premises; Sync now delivers it in a delta cycle.
          const record = () =>
            [...session.engine.host!.store.state.users.values()].find(
              (u) => u.samAccountName === user.sAMAccountName,
            );
          const deliveredBefore = record()?.deliveredAt;
          await setLabPassword(env().lab, user.dn, 'Dashboard-E2e-Changed-1!');
          try {
            await page.getByRole('button', { name: 'Sync now' }).click();
            // Done means the delta cycle that delivered the change has completed: its run record
            // ends after the delivery (the delivery is journaled before the cycle's end).
            const deliveringRun = () => {
              const at = record()?.deliveredAt;
              if (at === undefined || at === null || at === deliveredBefore) return undefined;
              return session.engine.host!.store.state.runs.find(
                (r) => r.kind === 'delta' && r.startedAt <= at && (r.endedAt === null || r.endedAt >= at),
              );
            };
            await expect
              .poll(() => deliveringRun()?.outcome, { timeout: 60_000, interval: 250 })
              .toBe('completed');
          } finally {
            await setLabPassword(env().lab, user.dn, user.password!);
          }
          await page
            .getByTestId('engine-figures')
            .filter({ hasText: /Last delta latency\s*[\d.]+ s/ })
            .waitFor({ timeout: 30_000 });
          await shootState(page, 'dashboard-after-sync-now');

          // Full sync: every password sent again, with its progress on the dashboard. (A lab with
          // bulk users would spend the emulator's default write budget, 7,000 per 5 minutes, and
          // wait out its throttling: here the budget is out of the way.)
          env().emu.admin.setCredentialRateLimit({ items: 1_000_000, windowSeconds: 300 });
          const runsBefore = session.engine.host!.store.state.runs.length;
          await page.getByRole('button', { name: 'Full sync' }).click();
          await expect
            .poll(
              () =>
                session.engine.host!.store.state.runs.slice(runsBefore).find((r) => r.kind === 'full')
                  ?.outcome,
              {
                timeout: 120_000,
                interval: 500,
              },
            )
            .toBe('completed');
          await page.getByTestId('full-sync').getByText('The full sync is complete.').waitFor();
          const fullRun = session.engine
            .host!.store.state.runs.slice(runsBefore)
            .find((r) => r.kind === 'full')!;
          expect(fullRun.counts.delivered).toBe(status.counts.synced);
          await shootState(page, 'dashboard-full-sync', page.getByTestId('full-sync'));

          // Events export through the save dialog.
          await page.getByRole('button', { name: 'Export…' }).click();
          await page.getByText(/Exported \d+ events to/).waitFor();
          expect(readFileSync(exportFile, 'utf8')).toMatch(/^time\tlevel\tid\tmessage\n/);

          await shootState(page, 'dashboard-events', page.getByRole('list', { name: 'Engine events' }));

          expect(await ariaHiddenFindings(page)).toEqual([]);
          const secrets = [env().lab.admin.password, env().emu.info.admin.password];
          expect(rendererLeaks(session, secrets)).toEqual([]);
        });
      } finally {
        await signIn.close();
      }
    },
  );
});
