/**
 * Linux without a keyring (safeStorage on "basic_text"): every wizard step done through the
 * services against the lab DC and the emulator (the sign-in kept for the session only), then the
 * Ready page says, before Configure, that no keyring can keep the password, with the fix — and
 * Configure stays disabled. The box stands in for safeStorage with the same named error.
 */
import { describe, expect, it } from 'vitest';
import { secretStoreUnavailable, type SecretBox } from '../../electron/tenant/secret-box.ts';
import { showPage, useHarness, withApp } from './app-fixture.ts';
import { prepareThroughServices } from './dashboard-steps.ts';
import { shootState } from './screenshots.ts';
import { SignInBrowser, useWizardEnv } from './wizard-env.ts';

const harness = useHarness();
const env = useWizardEnv();

/** What the safeStorage box is when Chromium's os_crypt fell back to basic_text. */
const noKeyring = (): SecretBox => ({
  availability: async () => ({ available: false, reason: secretStoreUnavailable('linux') }),
  encrypt: () => Promise.reject(secretStoreUnavailable('linux')),
  decrypt: () => Promise.reject(secretStoreUnavailable('linux')),
});

describe('the Ready page without a keyring', () => {
  it('blocks Configure up front and says how to fix it', { timeout: 120_000 }, async () => {
    const signIn = new SignInBrowser(harness().browser);
    try {
      const options = { route: 'welcome', openBrowser: signIn.open, secretBox: noKeyring };
      await withApp(harness(), options, async (session) => {
        await prepareThroughServices(session, env(), signIn);
        // The sign-in could not be saved: main said so once, and kept it for the session.
        expect(session.pushed.filter((p) => p.channel === 'app:notice')).toHaveLength(1);
        await session.load('ready');
        const { page } = session;
        await showPage(page, 'Ready to configure');
        const blockers = page.getByTestId('blockers');
        await blockers.waitFor({ timeout: 30_000 });
        const items = await blockers.getByRole('listitem').allInnerTexts();
        expect(items).toHaveLength(1);
        expect(items[0]).toMatch(/^No keyring is available \(no Secret Service\)/);
        expect(items[0]).toContain('Install and unlock a Secret Service keyring');
        expect(items[0]).toMatch(/GNOME Keyring \(gnome-keyring\) or KWallet/);
        // Fixed outside the wizard: no step to open.
        expect(await blockers.getByRole('link').count()).toBe(0);
        expect(await page.getByRole('button', { name: 'Configure' }).isDisabled()).toBe(true);
        await page.getByText('Fix the items above to configure.').waitFor();
        await shootState(page, 'ready-no-keyring', blockers);
        expect(session.calls.filter((c) => c.channel === 'wizard:configure')).toEqual([]);
      });
    } finally {
      await signIn.close();
    }
  });
});
