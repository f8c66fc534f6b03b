/**
 * The whole product by keyboard, in Chromium, against the lab DC and the tenant emulator, with the
 * preload API bridged to the real services and the real sync engine, from a fresh user-data
 * folder: every wizard page with its failures and prompts (a failed connection, the certificate
 * prompt), Configure applying the tenant features and running the first full sync, the dashboard
 * showing every seeded user in scope synced, PHS off and on, a user searched and diagnosed. Every
 * state is shot in light and dark at two sizes and scanned by axe-core (screenshots.ts). Then the
 * app reopened on the same folder shows the saved configuration, and not one IPC reply or push
 * carried a secret.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { showPage, useHarness, withApp } from './app-fixture.ts';
import type { AppSession } from './harness.ts';
import { expectHeadingFocused } from './keyboard.ts';
import { SCREENSHOTS, shootState } from './screenshots.ts';
import { fileLeaks, rendererLeaks } from './secrets-probe.ts';
import { walkDashboard } from './dashboard-walk-steps.ts';
import { walkDirectoryPage } from './wizard-directory-steps.ts';
import { SignInBrowser, useWizardEnv } from './wizard-env.ts';
import { pressButton } from './wizard-keys.ts';
import { walkPhsPage, walkReadyPage } from './wizard-ready-steps.ts';
import { walkReopened } from './wizard-reopen-steps.ts';
import { walkScopePage } from './wizard-scope-steps.ts';
import { walkTenantPage } from './wizard-tenant-steps.ts';

const harness = useHarness();
const env = useWizardEnv();
const userDataDir = mkdtempSync(join(tmpdir(), 'phs-e2e-walk-'));
const sessions: AppSession[] = [];
afterAll(() => rmSync(userDataDir, { recursive: true, force: true }));

const WALK_TIMEOUT_MS = 300_000;

describe('the wizard, end to end', () => {
  it(
    'walks from a fresh start through every page to a synced dashboard by keyboard, then reopens filled in',
    { timeout: WALK_TIMEOUT_MS },
    async () => {
      const signIn = new SignInBrowser(harness().browser);
      const chooseCaFile = async (purpose: 'directory' | 'tenant') =>
        purpose === 'tenant' ? env().emu.info.caFile : env().lab.caFile;
      try {
        await withApp(
          harness(),
          { route: 'welcome', userDataDir, openBrowser: signIn.open, chooseCaFile, engine: true },
          async (session) => {
            sessions.push(session);
            const { page } = session;
            await showPage(page, 'Welcome');
            await shootState(page, 'welcome');
            const steps = [
              { title: 'Active Directory', walk: () => walkDirectoryPage(session, env()) },
              { title: 'Microsoft Entra', walk: () => walkTenantPage(session, env(), signIn) },
              { title: 'Scope', walk: () => walkScopePage(session, env()) },
              { title: 'Password hash sync', walk: () => walkPhsPage(session) },
              { title: 'Ready to configure', walk: () => walkReadyPage(session, env()) },
            ];
            try {
              for (const step of steps) {
                await pressButton(page, 'Next');
                await expectHeadingFocused(page, step.title);
                await step.walk();
              }
              await walkDashboard(session, env());
            } catch (error) {
              // What the page showed when the walk stopped, for the failure report.
              console.log(
                'DEBUG',
                await page
                  .locator('[data-testid=first-sync]')
                  .innerText()
                  .catch(() => 'none'),
                JSON.stringify(session.pushed.filter((p) => p.channel === 'engine:progress').slice(-3)),
                JSON.stringify(session.engine.status()),
              );
              await page
                .screenshot({ path: `${SCREENSHOTS}wizard-walk-failure.png`, fullPage: true })
                .catch(() => undefined);
              throw error;
            }
          },
        );
        // A new window on the same user-data folder: what "Change configuration" reopens.
        await withApp(harness(), { route: 'dashboard', userDataDir }, async (session) => {
          sessions.push(session);
          await walkReopened(session, env());
        });
      } finally {
        await signIn.close();
      }
    },
  );

  it('let no secret reach the renderer during the walk, and wrote none in the clear', () => {
    const { lab } = env();
    const secrets = [
      lab.admin.password,
      lab.nonAdmin.password,
      'Not-The-Password-1',
      env().emu.info.admin.password,
      env().emu.info.hybridAdmin.password,
    ];
    expect(sessions).toHaveLength(2);
    for (const session of sessions) {
      expect(session.calls.length).toBeGreaterThan(10);
      expect(rendererLeaks(session, secrets)).toEqual([]);
    }
    // The requests did carry the AD password (once per test), so the check above can fail.
    expect(sessions[0]!.calls.some((c) => JSON.stringify(c.request).includes(lab.admin.password))).toBe(true);
    expect(fileLeaks(userDataDir, secrets)).toEqual([]);
    expect(readFileSync(join(userDataDir, 'settings.json'), 'utf8')).toContain('"configuredAt": "');
  });
});
