/** What the e2e test files share: one harness per file, the page list, and page helpers. */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type AppSession, type Harness, type OpenOptions } from './harness.ts';

export const PAGES = [
  { route: 'welcome', title: 'Welcome' },
  { route: 'directory', title: 'Active Directory' },
  { route: 'tenant', title: 'Microsoft Entra' },
  { route: 'scope', title: 'Scope' },
  { route: 'phs', title: 'Password hash sync' },
  { route: 'ready', title: 'Ready to configure' },
  { route: 'dashboard', title: 'Dashboard' },
] as const;

export const SELF_TEST_PASSED =
  /Self-test passed — all 8 primitives, in the main process and in a hash worker, in [\d.]+ ms/;
export const SELF_TEST_TIMEOUT_MS = 20_000;

/** Starts the harness before the file's tests and closes it after; returns a getter. */
export function useHarness(): () => Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });
  return () => {
    if (harness === undefined) throw new Error('the harness did not start');
    return harness;
  };
}

/** Opens the app, runs `body`, always closes the page; a healthy page logs no errors. */
export async function withApp(
  harness: Harness,
  options: OpenOptions,
  body: (session: AppSession) => Promise<void>,
  { allowPageErrors = false } = {},
): Promise<void> {
  const session = await harness.openApp(options);
  try {
    await body(session);
    if (!allowPageErrors) expect(session.pageErrors).toEqual([]);
  } finally {
    await session.close();
  }
}

export function hashOf(page: Page): string {
  return new URL(page.url()).hash;
}

export async function showPage(page: Page, title: string): Promise<void> {
  await page.locator('h1#page-heading', { hasText: title }).waitFor({ state: 'visible' });
}

/** Changes page the way a link or the window history would: by the URL hash. */
export async function setHash(page: Page, route: string): Promise<void> {
  await page.evaluate((hash) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
  }, `#/${route}`);
}
