/**
 * No OS secret store (Linux without a keyring): the Ready page's review says so as a blocker,
 * with the fix, before Configure — and Configure refuses without writing anything, instead of
 * failing late when it tries to seal the password.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../../shared/logger.ts';
import { PushQueue } from '../../../electron/services/push-queue.ts';
import { createWizardServices } from '../../../electron/services/wizard-services.ts';
import { secretStoreUnavailable, type SecretBox } from '../../../electron/tenant/secret-box.ts';
import { DEFAULT_DIRECTORY_DRAFT } from '../../../shared/directory-schemas.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import { fakeDirectory, fakeTenant } from './fakes.ts';

const log = createLogger({ process: 'test', sinks: [memorySink()] });
const dir = mkdtempSync(join(tmpdir(), 'phs-no-keyring-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the safeStorage box is on Linux when safeStorage fell back to basic_text. */
const NO_KEYRING: SecretBox = {
  availability: async () => ({ available: false, reason: secretStoreUnavailable('linux') }),
  encrypt: () => Promise.reject(secretStoreUnavailable('linux')),
  decrypt: () => Promise.reject(secretStoreUnavailable('linux')),
};

describe('Ready without a keyring', () => {
  it('blocks Configure up front with the fix, even when every step is done', async () => {
    const services = createWizardServices({
      userDataDir: dir,
      secretBox: NO_KEYRING,
      pushes: new PushQueue(log),
      log,
      openBrowser: async () => undefined,
      chooseCaFile: async () => undefined,
      writeClipboard: async () => undefined,
      directoryService: fakeDirectory(),
      connectTenant: () => fakeTenant(),
    });
    const draft = { ...DEFAULT_DIRECTORY_DRAFT, host: 'dc1.corp.example.com', username: 'CORP\\svc' };
    await services.wizard.testDirectory(draft, 'Pw-1', new AbortController().signal);
    await services.tenant.signIn('op-00000001', 'browser', new AbortController().signal);
    services.wizard.save({ scope: { includedOus: ['DC=corp,DC=example,DC=com'], excludedOus: [] } });

    const review = await services.wizard.review();
    expect(review.blockers).toEqual([
      {
        step: null,
        message: expect.stringMatching(
          /^No keyring is available .* Install and unlock a Secret Service keyring — GNOME Keyring \(gnome-keyring\) or KWallet — .*restart PHS Sync\.$/,
        ),
      },
    ]);
    await expect(services.wizard.configure()).rejects.toMatchObject({
      code: ErrorCode.ConfigInvalid,
      message: expect.stringContaining('No keyring is available'),
    });
    expect(existsSync(services.paths.secrets)).toBe(false);
    expect(services.settings.current.configuredAt).toBeNull();
    await services.close();
  });
});
