/**
 * "Change configuration" after a restart: the app reopened on the same user-data folder shows the
 * saved choices, the password only as saved — and a connection test works without retyping it.
 */
import { expect } from 'vitest';
import type { AppSession } from './harness.ts';
import { expectHeadingFocused } from './keyboard.ts';
import { shootState } from './screenshots.ts';
import { testConnection } from './wizard-directory-steps.ts';
import type { WizardEnv } from './wizard-env.ts';
import { isLinkNamed, pressButton, tabTo } from './wizard-keys.ts';

export async function walkReopened(session: AppSession, env: WizardEnv): Promise<void> {
  const { page } = session;
  const { lab } = env;
  const card = page.getByTestId('configuration');
  await card.getByText('Configured on', { exact: false }).waitFor();
  await shootState(page, 'dashboard-configured', card);
  await tabTo(page, isLinkNamed('Change configuration'), 'the Change configuration link');
  await page.keyboard.press('Enter');
  await expectHeadingFocused(page, 'Active Directory');

  await expect
    .poll(() => page.getByRole('textbox', { name: 'Domain controller', exact: true }).inputValue())
    .toBe(lab.host);
  expect(await page.getByRole('textbox', { name: 'Account', exact: true }).inputValue()).toBe(
    lab.admin.username,
  );
  expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
  await page.getByText('Saved, encrypted by your operating system.', { exact: false }).waitFor();
  expect(await page.getByTestId('pinned-fingerprint').innerText()).toContain(env.dcFingerprint);
  await shootState(
    page,
    'reopened-directory',
    page.getByText('Saved, encrypted by your operating system.', { exact: false }),
  );

  // The saved password is used (main decrypts it); the renderer never had it.
  await testConnection(page);
  await page.getByTestId('discovery').getByText(`Connected to ${lab.dnsDomain}`).waitFor({ timeout: 30_000 });

  await pressButton(page, 'Next');
  await expectHeadingFocused(page, 'Microsoft Entra');
  await page.getByTestId('tenant').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('tenant-details').innerText()).toContain(env.emu.info.hybridAdmin.username);
  await pressButton(page, 'Next');
  await expectHeadingFocused(page, 'Scope');
  await expect
    .poll(() => page.getByTestId('scope-rules').innerText(), { timeout: 60_000 })
    .toContain(`Excluded\nOU=PHS Lab,${lab.baseDn}`);
  await pressButton(page, 'Next');
  await expectHeadingFocused(page, 'Password hash sync');
  await expect
    .poll(() => page.getByLabel('Check for password changes every (seconds)').inputValue())
    .toBe('120');
  expect(await page.getByRole('switch', { name: 'Staging mode' }).isChecked()).toBe(false);
  expect(
    await page
      .getByRole('switch', { name: 'Enforce the cloud password policy for synchronized users' })
      .isChecked(),
  ).toBe(true);
  await pressButton(page, 'Next');
  await expectHeadingFocused(page, 'Ready to configure');
  await expect
    .poll(() => page.getByTestId('summary-directory').innerText(), { timeout: 30_000 })
    .toMatch(/Password\s*Saved, encrypted/);
}
