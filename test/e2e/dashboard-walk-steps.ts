/**
 * The wizard walk's last leg, by keyboard, on the real engine: from Ready's "Open the dashboard" to
 * the dashboard after the first full sync — every seeded user in scope listed as synced (the one
 * without a password as such), the users out of scope not; PHS turned off (with its confirmation)
 * and on again; a user searched and its diagnosis opened from the table and closed.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { LabUser } from '../lab/lab-info.ts';
import { ariaHiddenFindings, watchAriaHidden } from './aria-hidden-probe.ts';
import type { AppSession } from './harness.ts';
import { expectHeadingFocused } from './keyboard.ts';
import { focusedElement } from './page-probes.ts';
import { shootState } from './screenshots.ts';
import type { WizardEnv } from './wizard-env.ts';
import { isControl, isLinkNamed, pressButton, tabTo, typeInto } from './wizard-keys.ts';

const SEARCH = 'Search users';

/** One of the dashboard's figures, by its label. */
async function fact(page: Page, label: string): Promise<string> {
  const figure = page
    .getByTestId('engine-figures')
    .locator('div')
    .filter({
      has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }),
    });
  return (await figure.locator('dd').innerText()).trim();
}

/** What the table should say of a seeded user, given the walk's scope (Sync, minus Excluded). */
function expectedResult(user: LabUser, env: WizardEnv): string | null {
  const { includedOus, excludedOus } = env.lab.scope;
  const under = (ou: string) => (base: string) => ou === base || ou.endsWith(`,${base}`);
  const inScope = includedOus.some(under(user.ou)) && !excludedOus.some(under(user.ou));
  if (!inScope) return null;
  return user.password === null ? 'No password' : 'Synced';
}

async function search(page: Page, text: string, expectedTotal: RegExp): Promise<void> {
  await typeInto(page, SEARCH, text);
  await page.getByTestId('users-total').filter({ hasText: expectedTotal }).waitFor({ timeout: 30_000 });
}

/** Each seeded user, searched by account name: its row and result. */
async function expectSeededUsers(page: Page, env: WizardEnv): Promise<void> {
  const table = page.getByRole('table', { name: 'Users' });
  for (const user of env.lab.users) {
    const expected = expectedResult(user, env);
    await search(page, user.sAMAccountName, expected === null ? /^\d+ users?$/ : /^[1-9]\d* users?$/);
    const row = table.getByRole('row', { name: new RegExp(`^${user.sAMAccountName}\\b`) });
    if (expected === null) {
      // Out of scope: not listed, or listed as out of scope — never as synced.
      const rows = await row.allInnerTexts();
      for (const text of rows) expect(text, user.sAMAccountName).not.toMatch(/Synced$/);
      continue;
    }
    await expect.poll(() => row.first().innerText(), { timeout: 30_000 }).toMatch(new RegExp(`${expected}$`));
  }
}

export async function walkDashboard(session: AppSession, env: WizardEnv): Promise<void> {
  const { page } = session;
  await tabTo(page, isLinkNamed('Open the dashboard'), 'the Open the dashboard link');
  await page.keyboard.press('Enter');
  await expectHeadingFocused(page, 'Dashboard');

  // The figures: nothing failed; the table has every in-scope user; nothing filtered as failed.
  const status = session.engine.status();
  expect(status.counts.failed).toBe(0);
  expect(status.counts.synced).toBeGreaterThan(0);
  await expect.poll(() => fact(page, 'Synced')).toBe(status.counts.synced.toLocaleString('en-US'));
  expect(await fact(page, 'Failed')).toBe('0');
  expect(await fact(page, 'Users in scope')).toBe(status.counts.inScope.toLocaleString('en-US'));
  await page.getByText('Password hash sync is on', { exact: true }).waitFor();
  await shootState(page, 'dashboard-synced');
  await page.getByLabel('Result').selectOption('failed');
  await page
    .getByTestId('users-total')
    .filter({ hasText: /^0 users$/ })
    .waitFor();
  await page.getByLabel('Result').selectOption('all');
  await expectSeededUsers(page, env);

  // Every dialog from here on is watched as it opens and closes: nothing focusable may stay aria-hidden.
  await watchAriaHidden(page);
  // Off asks first and says what happens; "Keep it on" changes nothing; Turn off; then on.
  await tabTo(page, isControl('Password hash sync is on'), 'the PHS switch');
  await page.keyboard.press('Space');
  const confirm = page.getByRole('dialog');
  await confirm.getByText('No password change will be sent').waitFor();
  await shootState(page, 'dashboard-confirm-off');
  await pressButton(page, 'Keep it on');
  await confirm.waitFor({ state: 'hidden' });
  expect(session.engine.status().enabled).toBe(true);
  await tabTo(page, isControl('Password hash sync is on'), 'the PHS switch');
  await page.keyboard.press('Space');
  await pressButton(page, 'Turn off');
  await page.getByText('Password hash sync is off', { exact: true }).waitFor({ timeout: 30_000 });
  expect(session.engine.status().enabled).toBe(false);
  // The switch follows the engine's state at once; the tenant is told right after.
  await expect.poll(() => env.emu.admin.state().features.passwordSyncEnabled).toBe(false);
  await shootState(page, 'dashboard-off');
  await tabTo(page, isControl('Password hash sync is off'), 'the PHS switch');
  await page.keyboard.press('Space');
  await page.getByText('Password hash sync is on', { exact: true }).waitFor({ timeout: 30_000 });
  expect(session.engine.status().enabled).toBe(true);
  await expect.poll(() => env.emu.admin.state().features.passwordSyncEnabled).toBe(true);

  // A user searched, its row reached by keyboard, its diagnosis opened and closed.
  const user = env.lab.users.find((u) => u.sAMAccountName === 'nested.user')!;
  await search(page, user.sAMAccountName, /^1 user$/);
  await shootState(page, 'dashboard-search', page.getByRole('table', { name: 'Users' }));
  await tabTo(page, (el) => el.role === 'row', 'the user row');
  expect((await focusedElement(page))?.text).toContain(user.sAMAccountName);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.getByText(`Diagnosis:`).waitFor();
  await dialog.locator('dl').waitFor({ timeout: 30_000 });
  expect(await dialog.innerText()).toContain(user.sAMAccountName);
  await shootState(page, 'dashboard-diagnosis');
  // "Sync this user now" delivers this one user's current password at once, and says so.
  const upn = `${user.sAMAccountName}@${env.lab.dnsDomain}`;
  const cloudCredential = () =>
    env.emu.admin.state().users.find((u) => u.userPrincipalName === upn)?.credential?.keyHex;
  const credentialBefore = cloudCredential();
  expect(credentialBefore).toBeDefined();
  await pressButton(page, 'Sync this user now');
  await dialog
    .getByRole('status')
    .filter({ hasText: `Delivered the current password of ${upn} at ` })
    .waitFor({ timeout: 60_000 });
  // A new wire string (a new salt) for the same password reached the tenant.
  expect(cloudCredential()).toBeDefined();
  expect(cloudCredential()).not.toBe(credentialBefore);
  await shootState(page, 'dashboard-diagnosis-synced');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  expect((await focusedElement(page))?.role).toBe('row');
  expect(await ariaHiddenFindings(page)).toEqual([]);
}
