/**
 * The Microsoft Entra page, by keyboard, against the tenant emulator: its endpoint in "Advanced",
 * an interactive sign-in (the "system browser" fills the emulator's login form), sign-out, a
 * device-code sign-in, the roles and the UPN suffix table.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppSession } from './harness.ts';
import { focusedElement } from './page-probes.ts';
import { shootState } from './screenshots.ts';
import type { SignInBrowser, WizardEnv } from './wizard-env.ts';
import { isButtonNamed, isControl, pressButton, tabTo, typeInto } from './wizard-keys.ts';

const SIGN_IN_TIMEOUT = 30_000;

async function setEndpoint(page: Page, env: WizardEnv): Promise<void> {
  const { info } = env.emu;
  await tabTo(page, isButtonNamed(/^Advanced: tenant endpoint/), 'the Advanced accordion');
  await page.keyboard.press('Enter');
  await typeInto(page, 'Authority', 'not a url');
  await typeInto(page, 'Application (client) id', info.clientId);
  await pressButton(page, 'Save endpoint');
  await page.getByText('The authority must be a full URL', { exact: false }).waitFor();
  await typeInto(page, 'Authority', info.authority);
  await typeInto(page, 'Microsoft Graph URL', info.graphBaseUrl);
  await typeInto(page, 'Credential endpoint (optional)', info.credentialsUrl);
  await pressButton(page, 'Choose…');
  await expect.poll(() => page.getByLabel('CA certificate file (optional)').inputValue()).toBe(info.caFile);
  await shootState(page, 'tenant-endpoint', page.getByText('Advanced: tenant endpoint', { exact: false }));
  await pressButton(page, 'Save endpoint');
  await page.getByText('Endpoint saved. Sign in again for this endpoint.').waitFor();
}

export async function walkTenantPage(
  session: AppSession,
  env: WizardEnv,
  browser: SignInBrowser,
): Promise<void> {
  const { page } = session;
  const { info } = env.emu;
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  await shootState(page, 'tenant-signed-out');
  await setEndpoint(page, env);

  // Interactive: main opens the authority's page in the system browser; the admin signs in there.
  browser.account = info.admin;
  await pressButton(page, 'Sign in');
  const card = page.getByTestId('tenant');
  await card.waitFor({ timeout: SIGN_IN_TIMEOUT });
  // The result takes focus, so a screen reader reads who is signed in.
  await expect.poll(async () => (await focusedElement(page))?.text).toBe('Signed in to PHS Emulator Tenant');
  expect(session.signInUrls.at(-1)).toContain(`${info.authority}/oauth2/v2.0/authorize`);
  expect(session.signInUrls.at(-1)).toContain('code_challenge_method=S256');
  const details = await page.getByTestId('tenant-details').innerText();
  expect(details).toContain(`PHS Emulator Tenant (${info.tenantId})`);
  expect(details).toContain(info.admin.username);
  expect(details).toMatch(/Role\s*Global Administrator\s*Sufficient/);
  expect(details).toMatch(/Password hash sync\s*Off/);
  await expectUpnTable(page);
  await shootState(page, 'tenant-signed-in', card);

  // Sign out, then sign in with a device code: the code is shown, copied, entered elsewhere.
  await pressButton(page, 'Sign out');
  await page.getByRole('button', { name: 'Use a device code instead' }).waitFor();
  browser.account = info.hybridAdmin;
  browser.deviceCode = () => page.getByTestId('device-code-value').innerText();
  await pressButton(page, 'Use a device code instead');
  const code = page.getByTestId('device-code-value');
  await code.waitFor({ timeout: SIGN_IN_TIMEOUT });
  expect(await page.getByTestId('device-code-url').innerText()).toBe(info.deviceLoginUrl);
  await shootState(page, 'tenant-device-code', page.getByTestId('device-code'));
  await tabTo(page, isControl('Copy the code'), 'the copy-code button');
  await page.keyboard.press('Enter');
  await expect.poll(() => session.copied).toContain(await code.innerText());
  await pressButton(page, 'Open the page');
  await page.getByTestId('tenant').waitFor({ timeout: SIGN_IN_TIMEOUT });
  expect(session.signInUrls.at(-1)).toBe(info.deviceLoginUrl);
  expect(await page.getByTestId('tenant-details').innerText()).toMatch(
    /Role\s*Hybrid Identity Administrator\s*Sufficient/,
  );
  expect(env.emu.admin.events('token').map((e) => e.detail['grantType'])).toEqual([
    'authorization_code',
    'device_code',
  ]);
}

async function expectUpnTable(page: Page): Promise<void> {
  const table = page.getByRole('table', {
    name: 'Active Directory UPN suffixes and their state in the tenant',
  });
  const rows = await table.getByRole('row').allInnerTexts();
  const cells = rows.slice(1).map((row) =>
    row
      .split(/\t|\n/)
      .map((c) => c.trim())
      .filter((c) => c !== '')
      .slice(0, 2),
  );
  expect(cells[0]).toEqual(['lab.example.test', 'Verified']);
  expect(cells.slice(1).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
    ['eu.lab.example.test', 'Verified'],
    ['missing.example.test', 'Missing'],
    ['unverified.example.test', 'Not verified'],
  ]);
  await page.getByText('Verified through lab.example.test.').waitFor();
}
