/**
 * The app's SecretBox: Electron safeStorage (Keychain, DPAPI, libsecret/KWallet). It refuses to
 * seal anything when the OS offers no real secret store — including Linux's "basic_text"
 * fallback, whose key is a constant — so a secret is never written in a recoverable form; it says
 * so before anything is sealed (availability), and passes on os_crypt's "seal this again" after a
 * key rotation (decryptStringAsync's shouldReEncrypt).
 */
import { safeStorage } from 'electron';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { secretStoreUnavailable, type SecretBox, type SecretBoxAvailability } from '../tenant/secret-box.ts';

async function availability(platform: NodeJS.Platform): Promise<SecretBoxAvailability> {
  const unavailable = (): SecretBoxAvailability => ({
    available: false,
    reason: secretStoreUnavailable(platform),
  });
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return unavailable();
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return unavailable();
  return { available: true };
}

export function createSafeStorageBox(platform: NodeJS.Platform = process.platform): SecretBox {
  const ensureAvailable = async (): Promise<void> => {
    const state = await availability(platform);
    if (!state.available) throw state.reason;
  };
  return {
    availability: () => availability(platform),
    async encrypt(plain) {
      await ensureAvailable();
      return safeStorage.encryptStringAsync(plain.toString('base64'));
    },
    async decrypt(sealed) {
      await ensureAvailable();
      try {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(sealed);
        return { plain: Buffer.from(result, 'base64'), reseal: shouldReEncrypt };
      } catch (error) {
        throw new AppError(
          ErrorCode.TokenCacheCorrupt,
          'The saved secret cannot be decrypted by the OS secret store.',
          'Sign in again, or enter the password again and configure: the saved secret is replaced.',
          { cause: error },
        );
      }
    },
  };
}
