/**
 * When the hash engine cannot run, the Welcome page says so with main's own error and its
 * remediation. This file's harness shuts its pool down first, as happens while the app stops.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useHarness, withApp } from './app-fixture.ts';

const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

const harness = useHarness();

describe('the Welcome self-test, when the pool is down', () => {
  it('shows the AppError from main with its remediation, and no pass', async () => {
    await harness().pool.close();
    await withApp(harness(), { route: 'welcome' }, async ({ page, calls }) => {
      const bar = page.locator('.fui-MessageBar', { hasText: 'Hash engine self-test could not run' });
      await bar.waitFor();
      const text = await bar.innerText();
      expect(text).toContain('The hash pool is shut down.');
      expect(text).toContain('This happens while the app or engine stops; start it again.');
      expect(await page.getByText(/self-test passed/).count()).toBe(0);
      expect(calls.find((c) => c.channel === 'phs:selfTest')?.reply).toMatchObject({
        ok: false,
        error: { code: 'POOL_CLOSED' },
      });
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: `${SCREENSHOTS}welcome-selftest-error-light.png` });
    });
  });
});
