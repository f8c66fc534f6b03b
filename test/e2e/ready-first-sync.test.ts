/**
 * Ready's first-sync card while a sync runs and when it is cancelled: every step done through the
 * services against the lab DC and the emulator, then Configure pressed on the page with a stand-in
 * engine that reports mid-sync figures on cue (a real first sync of the lab is over before a test
 * could look at it, let alone cancel it).
 */
import { describe, it } from 'vitest';
import { showPage, useHarness, withApp } from './app-fixture.ts';
import { prepareThroughServices } from './dashboard-steps.ts';
import type { AppSession } from './harness.ts';
import { SignInBrowser, useWizardEnv } from './wizard-env.ts';
import { fakeFirstSync, walkFirstSyncProgress } from './wizard-ready-steps.ts';

const harness = useHarness();
const env = useWizardEnv();

describe('the first full sync on the Ready page', () => {
  it('shows done of total, rate and time left, and cancels through main', { timeout: 120_000 }, async () => {
    const signIn = new SignInBrowser(harness().browser);
    let current: AppSession | undefined;
    const firstSync = fakeFirstSync(() => current!);
    try {
      await withApp(harness(), { route: 'welcome', firstSync, openBrowser: signIn.open }, async (session) => {
        current = session;
        await prepareThroughServices(session, env(), signIn);
        await session.load('ready');
        await showPage(session.page, 'Ready to configure');
        await walkFirstSyncProgress(session, firstSync);
      });
    } finally {
      await signIn.close();
    }
  });
});
