/**
 * The Active Directory page, by keyboard, against the lab DC: the trust prompt, a wrong password,
 * a working connection with discovery and rights, and the least-privileged account's remediation.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppSession } from './harness.ts';
import { shootState } from './screenshots.ts';
import { withExtraUpnSuffixes, type WizardEnv } from './wizard-env.ts';
import { isButtonNamed, pressButton, tabTo, typeInto } from './wizard-keys.ts';
import { focusedElement } from './page-probes.ts';

const RESULT_TIMEOUT = 30_000;

/** Not in the emulator's tenant, added there unverified, and a subdomain of a verified domain. */
export const EXTRA_UPN_SUFFIXES = [
  'missing.example.test',
  'unverified.example.test',
  'eu.lab.example.test',
] as const;

export async function testConnection(page: Page): Promise<void> {
  await pressButton(page, 'Test connection');
  await page.getByRole('button', { name: 'Test connection' }).waitFor({ timeout: RESULT_TIMEOUT });
}

export async function walkDirectoryPage(session: AppSession, env: WizardEnv): Promise<void> {
  const { page } = session;
  const { lab } = env;
  const result = page.getByTestId('directory-result');

  // An empty form: each required field says what it needs, before anything is sent.
  await pressButton(page, 'Test connection');
  await page.getByText("Enter the domain controller's name or IP address.").waitFor();
  await page.getByText('Enter the account: user@domain, DOMAIN\\user or its distinguished name.').waitFor();
  // Focus goes to the first field that says what is wrong.
  expect(await focusedElement(page)).toMatchObject({ tag: 'input', label: 'Domain controller*' });
  await shootState(page, 'directory-validation');
  expect(session.calls.filter((c) => c.channel === 'directory:test')).toHaveLength(0);

  await typeInto(page, 'Domain controller', lab.host);
  await typeInto(page, 'Port', String(lab.ldapsPort));
  await typeInto(page, 'Account', lab.admin.username);
  await typeInto(page, 'Password', 'Not-The-Password-1');
  await testConnection(page);

  // The DC's certificate comes from the lab's private CA: the prompt shows it, focus goes to it.
  const prompt = page.getByTestId('certificate-prompt');
  await prompt.waitFor({ timeout: RESULT_TIMEOUT });
  expect((await focusedElement(page))?.text).toBe('Do you trust this certificate?');
  const details = await page.getByTestId('certificate-details').innerText();
  expect(details).toContain(env.dcFingerprint);
  expect(details).toMatch(/Issued to \(subject\)\s*.*CN=DC1\.lab\.example\.test/i);
  expect(details).toMatch(/Issued by \(issuer\)\s*.*Samba/i);
  expect(details).toMatch(/Valid\s*\w+ \d+, \d{4} to \w+ \d+, \d{4}/);
  await shootState(page, 'directory-certificate-prompt', prompt);

  // Trust it: the test runs again at once, pinned — and the wrong password is refused, mapped.
  await tabTo(page, isButtonNamed('Trust this certificate'), 'the trust button');
  await page.keyboard.press('Enter');
  const failure = result.locator('.fui-MessageBar', { hasText: 'The connection test failed' });
  await failure.waitFor({ timeout: RESULT_TIMEOUT });
  expect(await failure.innerText()).toContain(
    `The DC rejected the name or password of "${lab.admin.username}".`,
  );
  expect(await failure.innerText()).toContain(
    'Check the account name (user@domain, DOMAIN\\user or its DN) and retype the password.',
  );
  expect(await page.getByTestId('pinned-fingerprint').innerText()).toContain(env.dcFingerprint);
  await shootState(page, 'directory-wrong-password', failure);

  await typeInto(page, 'Password', lab.admin.password);
  await testConnection(page);
  await expectConnected(page, lab.dnsDomain, true);
  // The spinner's Cancel held focus; it goes back to the button that started the test.
  expect(await focusedElement(page)).toMatchObject({ tag: 'button', text: 'Test connection' });
  await shootState(page, 'directory-connected', page.getByTestId('discovery'));
  const discovery = await page.getByTestId('discovery').innerText();
  for (const text of ['lab.example.test', 'LAB', 'dc1.lab.example.test', 'Windows Server 2008 R2'])
    expect(discovery.toLowerCase()).toContain(text.toLowerCase());

  // The least-privileged account connects, but lacks the rights: the page says how to grant them.
  await typeInto(page, 'Account', lab.nonAdmin.username);
  await typeInto(page, 'Password', lab.nonAdmin.password);
  await testConnection(page);
  await expectConnected(page, lab.dnsDomain, false);
  const commands = page.getByTestId('grant-commands');
  const text = await commands.innerText();
  expect(text).toContain(`dsacls "${lab.baseDn}" /G "LAB\\phs-reader:CA;Replicating Directory Changes"`);
  expect(text).toContain(`dsacls "${lab.baseDn}" /G "LAB\\phs-reader:CA;Replicating Directory Changes All"`);
  expect(text).toMatch(
    /samba-tool dsacl set --objectdn='DC=lab,DC=example,DC=test' --sddl='\(OA;;CR;1131f6aa-9c07-11d1-f79f-00c04fc2dcd2;;S-1-5-21-[\d-]+\)'/,
  );
  await shootState(page, 'directory-missing-rights', commands);
  await pressButton(page, 'Copy the Replicating Directory Changes — PowerShell (dsacls) command');
  await expect
    .poll(() => session.copied)
    .toContain(`dsacls "${lab.baseDn}" /G "LAB\\phs-reader:CA;Replicating Directory Changes"`);

  // Back to the account that can sync; the forest gets more UPN suffixes for the Entra page.
  await typeInto(page, 'Account', lab.admin.username);
  await typeInto(page, 'Password', lab.admin.password);
  await withExtraUpnSuffixes(lab, EXTRA_UPN_SUFFIXES, () => testConnection(page));
  await expectConnected(page, lab.dnsDomain, true);
  // Main holds the password now: the field is empty and says so.
  expect(await page.getByLabel('Password').inputValue()).toBe('');
  await page.getByText('Held by the app for this session.', { exact: false }).waitFor();
}

async function expectConnected(page: Page, domain: string, canSync: boolean): Promise<void> {
  await page
    .getByTestId('discovery')
    .getByText(`Connected to ${domain}`)
    .waitFor({ timeout: RESULT_TIMEOUT });
  const rights = page.getByTestId('rights');
  await rights
    .getByText(canSync ? 'This account can read password hashes' : 'This account cannot read password hashes')
    .waitFor({ timeout: RESULT_TIMEOUT });
}
