/**
 * The Active Directory page's other paths, by keyboard, against the lab DC: a CA file chosen in
 * the file dialog (with the name the certificate carries, then StartTLS), a test cancelled while
 * the server does not answer, and — before any connection — the Scope and Ready pages saying what
 * is missing.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { setHash, showPage, useHarness, withApp } from './app-fixture.ts';
import { expectHeadingFocused } from './keyboard.ts';
import { focusedElement } from './page-probes.ts';
import { shootState } from './screenshots.ts';
import { testConnection } from './wizard-directory-steps.ts';
import { useWizardEnv } from './wizard-env.ts';
import { isControl, isLinkNamed, pressButton, tabTo, typeInto } from './wizard-keys.ts';

const harness = useHarness();
const env = useWizardEnv();

/** A server that accepts TCP connections and never says a word: a TLS handshake hangs on it. */
async function silentServer(): Promise<{ port: number; sockets: Socket[]; close: () => Promise<void> }> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    sockets,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('the Active Directory page', () => {
  it(
    'verifies the DC against a CA file chosen in the file dialog, by its certificate name, over LDAPS and StartTLS',
    { timeout: 120_000 },
    async () => {
      const { lab } = env();
      const asked: string[] = [];
      const chooseCaFile = async (purpose: 'directory' | 'tenant') => {
        asked.push(purpose);
        return lab.caFile;
      };
      await withApp(harness(), { route: 'directory', chooseCaFile }, async (session) => {
        const { page } = session;
        await showPage(page, 'Active Directory');
        await typeInto(page, 'Domain controller', lab.host);
        await typeInto(page, 'Account', lab.admin.netbiosName);
        await typeInto(page, 'Password', lab.admin.password);
        // The trust choice: arrow to "A CA certificate file", then its button opens the dialog.
        await tabTo(page, isControl('The certificate authorities this computer trusts'), 'the trust choice');
        await page.keyboard.press('ArrowDown');
        await pressButton(page, 'Choose file…');
        await page.getByText(lab.caFile).waitFor();
        expect(asked).toEqual(['directory']);

        // By IP address, the certificate's name does not match: a named error with its remedy.
        await testConnection(page);
        const failure = page.locator('.fui-MessageBar', { hasText: 'The connection test failed' });
        await failure.waitFor();
        expect(await failure.innerText()).toContain(
          `The certificate of ${lab.host}:${lab.ldapsPort} does not carry the name "${lab.host}".`,
        );
        expect(await failure.innerText()).toContain('set the expected server name to that name');
        await shootState(page, 'directory-name-mismatch', failure);

        await typeInto(page, 'Name on the certificate (optional)', lab.serverName);
        await testConnection(page);
        await page
          .getByTestId('discovery')
          .getByText(`Connected to ${lab.dnsDomain}`)
          .waitFor({ timeout: 30_000 });
        expect(session.wizard.settings.current.directory).toMatchObject({
          trust: { kind: 'pem', file: lab.caFile },
          serverName: lab.serverName,
          port: 636,
        });

        // StartTLS: the port follows the choice; the same CA and name verify the DC. The held
        // password is kept for LDAPS on 636 only: for another TLS mode and port it is asked again.
        await page.getByText('Held by the app for this session.', { exact: false }).waitFor();
        await tabTo(page, isControl('LDAPS (TLS from the start)'), 'the encryption choice');
        await page.keyboard.press('ArrowRight');
        expect(await page.getByRole('textbox', { name: 'Port', exact: true }).inputValue()).toBe(
          String(lab.ldapPort),
        );
        expect(await page.getByText('Held by the app for this session.', { exact: false }).count()).toBe(0);
        await typeInto(page, 'Password', lab.admin.password);
        await testConnection(page);
        await expect
          .poll(() => session.wizard.settings.current.directory?.transport, { timeout: 30_000 })
          .toBe('starttls');
        await page.getByTestId('discovery').getByText(`Connected to ${lab.dnsDomain}`).waitFor();
      });
    },
  );

  it(
    'cancels a test while the server does not answer; nothing is reported as an error',
    { timeout: 60_000 },
    async () => {
      const silent = await silentServer();
      try {
        await withApp(harness(), { route: 'directory' }, async (session) => {
          const { page } = session;
          await showPage(page, 'Active Directory');
          await typeInto(page, 'Domain controller', '127.0.0.1');
          await typeInto(page, 'Port', String(silent.port));
          await typeInto(page, 'Account', 'svc-phs@corp.example.com');
          await typeInto(page, 'Password', 'Some-Password-1');
          await pressButton(page, 'Test connection');
          await page.getByText('Testing the connection…').waitFor();
          await expect.poll(() => silent.sockets.length).toBeGreaterThan(0);
          // Focus went to Cancel when the spinner appeared.
          expect(await focusedElement(page)).toMatchObject({ tag: 'button', text: 'Cancel' });
          await shootState(page, 'directory-testing', page.getByText('Testing the connection…'));
          await page.keyboard.press('Enter');
          await page.getByRole('button', { name: 'Test connection' }).waitFor();
          await expect
            .poll(() => session.calls.find((c) => c.channel === 'directory:test')?.reply)
            .toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
          expect(session.calls.find((c) => c.channel === 'op:cancel')?.reply).toEqual({
            ok: true,
            value: { cancelled: true },
          });
          expect(await page.locator('.fui-MessageBar').count()).toBe(0);
        });
      } finally {
        await silent.close();
      }
    },
  );

  it(
    'before any connection, the Scope page points to Active Directory and Ready lists what blocks Configure',
    { timeout: 60_000 },
    async () => {
      await withApp(harness(), { route: 'scope' }, async ({ page }) => {
        await page.getByText('Connect to Active Directory first').waitFor();
        await shootState(page, 'scope-needs-directory');
        await tabTo(page, isLinkNamed('Go to Active Directory'), 'the link to Active Directory');
        await page.keyboard.press('Enter');
        await expectHeadingFocused(page, 'Active Directory');
        await setHash(page, 'ready');
        const blockers = page.getByTestId('blockers');
        await blockers.waitFor({ timeout: 30_000 });
        const text = await blockers.innerText();
        for (const line of [
          'Test the connection to Active Directory.',
          'Sign in to Microsoft Entra.',
          'Choose at least one organizational unit to synchronize.',
        ])
          expect(text).toContain(line);
        expect(await page.getByRole('button', { name: 'Configure' }).isDisabled()).toBe(true);
        await shootState(page, 'ready-blocked', blockers);
      });
    },
  );
});
