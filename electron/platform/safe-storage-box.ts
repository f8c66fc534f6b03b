/**
 * The app's SecretBox: Electron safeStorage (Keychain, DPAPI, libsecret/KWallet). It refuses to
 * seal anything when the OS offers no real secret store — including Linux's "basic_text"
 * fallback, whose key is a constant — so a token cache is never written in a recoverable form.
 */
import { safeStorage } from 'electron';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import type { SecretBox } from '../tenant/secret-box.ts';

function unavailable(): AppError {
  return new AppError(
    ErrorCode.TokenCacheUnavailable,
    'The operating system offers no secret store, so the sign-in cannot be saved encrypted.',
    'On Linux, run a keyring in your session (GNOME Keyring or KWallet) and restart the app; until then you sign in at each start.',
  );
}

async function ensureAvailable(): Promise<void> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) throw unavailable();
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') throw unavailable();
}

export function createSafeStorageBox(): SecretBox {
  return {
    async encrypt(plain) {
      await ensureAvailable();
      return safeStorage.encryptStringAsync(plain.toString('base64'));
    },
    async decrypt(sealed) {
      await ensureAvailable();
      try {
        const { result } = await safeStorage.decryptStringAsync(sealed);
        return Buffer.from(result, 'base64');
      } catch (error) {
        throw new AppError(ErrorCode.TokenCacheCorrupt, 'The saved sign-in cannot be decrypted by the OS secret store.', 'Sign in again: the saved sign-in is replaced.', { cause: error });
      }
    },
  };
}
