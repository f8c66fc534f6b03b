/**
 * The last two pages by keyboard: the password hash sync options (with a refused interval), and
 * Ready: the summary with its "Change" links, Configure applying the tenant features, and the
 * first full sync run by the real engine to completion. `walkFirstSyncProgress` checks the
 * progress card mid-sync and its Cancel against a stand-in engine that reports on cue.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { FirstSyncPort } from '../../electron/services/wizard.ts';
import type { AppSession } from './harness.ts';
import { expectHeadingFocused, isNavTab, pressUntil } from './keyboard.ts';
import { shootState } from './screenshots.ts';
import type { WizardEnv } from './wizard-env.ts';
import { isControl, isLinkNamed, pressButton, tabTo, typeInto } from './wizard-keys.ts';

export async function walkPhsPage(session: AppSession): Promise<void> {
  const { page } = session;
  for (const label of [
    'Enforce the cloud password policy for synchronized users',
    'Synchronize temporary passwords (change at next sign-in)',
  ]) {
    await tabTo(page, isControl(label), `the "${label}" switch`);
    await page.keyboard.press('Space');
  }
  await typeInto(page, 'Check for password changes every (seconds)', '0');
  await page.getByText('The interval must be from 1 to 86400 seconds (one day).').waitFor();
  await shootState(page, 'phs-invalid-interval', page.getByText('The interval must be', { exact: false }));
  await typeInto(page, 'Check for password changes every (seconds)', '120');
  await expect
    .poll(() => session.wizard.settings.current.phs)
    .toEqual({
      enabled: true,
      enforceCloudPasswordPolicy: true,
      syncTemporaryPasswords: true,
      stagingMode: false,
      pollIntervalSeconds: 120,
    });
  await shootState(page, 'phs');
}

/** A stand-in for the engine behind the FirstSyncPort: reports progress as the engine would. */
export function fakeFirstSync(session: () => AppSession): FirstSyncPort & { readonly calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    start: async () => {
      calls.push('start');
      session().pushes.push('engine:progress', {
        phase: 'reading',
        done: 0,
        total: 0,
        totalKnown: false,
        ratePerSecond: 0,
        etaSeconds: null,
      });
      setTimeout(
        () =>
          session().pushes.push('engine:progress', {
            phase: 'syncing',
            done: 1200,
            total: 5013,
            totalKnown: true,
            ratePerSecond: 412.5,
            etaSeconds: 9,
          }),
        200,
      );
    },
    cancel: async () => {
      calls.push('cancel');
      session().pushes.push('engine:progress', {
        phase: 'cancelled',
        done: 1450,
        total: 5013,
        totalKnown: true,
        ratePerSecond: 0,
        etaSeconds: null,
      });
      return true;
    },
  };
}

async function goBackToReady(page: Page): Promise<void> {
  await pressUntil(page, 'Shift+Tab', isNavTab(), 'the navigation');
  await pressUntil(page, 'ArrowDown', isNavTab('ready'), 'the Ready tab');
  await page.keyboard.press('Enter');
  await expectHeadingFocused(page, 'Ready to configure');
}

export async function walkReadyPage(session: AppSession, env: WizardEnv): Promise<void> {
  const { page } = session;
  const { lab, emu } = env;
  await page.getByTestId('summary-directory').waitFor({ timeout: 30_000 });
  const summary = await page.getByTestId('summary-directory').innerText();
  expect(summary).toContain(`${lab.host}:${lab.ldapsPort} (LDAPS)`);
  expect(summary).toContain(`This certificate only (SHA-256 ${env.dcFingerprint})`);
  expect(summary).toMatch(/Password\s*Given \(kept in memory until you configure\)/);
  const scopeText = await page.getByTestId('summary-scope').innerText();
  const inScope = /Users in scope\s*([\d,]+) users/.exec(scopeText)?.[1];
  expect(inScope, scopeText).toBeDefined();
  expect(await page.getByTestId('blockers').count()).toBe(0);
  expect(await page.getByTestId('warnings').innerText()).toContain(
    'Not verified in the tenant: missing.example.test',
  );
  await shootState(page, 'ready');

  // "Change" opens the step; the navigation brings the admin back.
  await tabTo(page, isLinkNamed('Change Scope'), 'the Change link of the scope');
  await page.keyboard.press('Enter');
  await expectHeadingFocused(page, 'Scope');
  await goBackToReady(page);

  await page.getByTestId('summary-phs').waitFor({ timeout: 30_000 });
  await pressButton(page, 'Configure');
  const done = page.getByTestId('configured');
  await done.waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('tenant-changes').innerText()).toBe(
    [
      'Turned on directory synchronization for the tenant.',
      'Turned on password hash synchronization.',
      'Turned on the cloud password policy for synchronized users.',
      'Turned on the sync of temporary passwords (change at next sign-in).',
    ].join('\n'),
  );
  const tenant = emu.admin.state();
  expect(tenant.onPremisesSyncEnabled).toBe(true);
  expect(tenant.features).toMatchObject({
    passwordSyncEnabled: true,
    cloudPasswordPolicyForPasswordSyncedUsersEnabled: true,
    userForcePasswordChangeOnLogonEnabled: true,
  });

  // The real engine runs the first full sync; the card follows it to the end.
  await page
    .getByTestId('first-sync')
    .getByText('The first full sync is complete.')
    .waitFor({ timeout: 120_000 });
  const figures = await page.getByTestId('sync-figures').innerText();
  const [, read, total] = /^([\d,]+) of ([\d,]+) directory users? read$/.exec(figures) ?? [];
  expect(read, figures).toBeDefined();
  expect(read).toBe(total);
  // The engine found in scope exactly the users the Scope page counted.
  expect(session.engine.status().counts.inScope.toLocaleString('en-US')).toBe(inScope);
  expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');
  await shootState(page, 'ready-configured', done);
  await shootState(page, 'ready-first-sync-complete', page.getByTestId('first-sync'));
}

/** Configure with a stand-in engine: done/total, rate, time left while it runs; Cancel through main. */
export async function walkFirstSyncProgress(
  session: AppSession,
  firstSync: ReturnType<typeof fakeFirstSync>,
): Promise<void> {
  const { page } = session;
  await page.getByTestId('summary-phs').waitFor({ timeout: 30_000 });
  await pressButton(page, 'Configure');
  await page.getByTestId('configured').waitFor({ timeout: 30_000 });
  expect(firstSync.calls).toEqual(['start']);
  const figures = page.getByTestId('sync-figures');
  await figures
    .filter({ hasText: '1,200 of 5,013 directory users read · 412.5 per second · about 9 s left' })
    .waitFor();
  expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe(String(1200 / 5013));
  await shootState(page, 'ready-first-sync', page.getByTestId('first-sync'));
  await pressButton(page, 'Cancel sync');
  await page.getByText('The first full sync was cancelled.').waitFor();
  expect(firstSync.calls).toEqual(['start', 'cancel']);
  await shootState(page, 'ready-first-sync-cancelled', page.getByTestId('first-sync'));
}
