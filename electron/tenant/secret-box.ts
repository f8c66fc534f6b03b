/**
 * Encryption of data at rest (the token cache, the AD password) behind one small interface, so
 * the same code runs in the app (Electron safeStorage: electron/platform/safe-storage-box.ts) and
 * in the CLI (a 0600 key file: key-file-box.ts). Implementations refuse rather than store in the
 * clear, say up front whether they can seal at all (the Ready page blocks Configure when not),
 * and say when sealed data should be sealed again (the OS rotated its key).
 */
import { AppError, ErrorCode } from '../../shared/errors.ts';

export interface OpenedSecret {
  readonly plain: Buffer;
  /** The data was sealed under an old or weaker key: seal `plain` again and store it. */
  readonly reseal: boolean;
}

/** Whether the box can seal here; when not, the named error says why and how to fix it. */
export type SecretBoxAvailability =
  { readonly available: true } | { readonly available: false; readonly reason: AppError };

export interface SecretBox {
  availability(): Promise<SecretBoxAvailability>;
  /** Returns the sealed bytes; throws an AppError when no safe encryption is available. */
  encrypt(plain: Buffer): Promise<Buffer>;
  /** Opens sealed bytes; throws AppError TokenCacheCorrupt when they cannot be opened. */
  decrypt(sealed: Buffer): Promise<OpenedSecret>;
}

/** No OS secret store: on Linux, no Secret Service keyring (safeStorage fell back to "basic_text"). */
export function secretStoreUnavailable(platform: NodeJS.Platform): AppError {
  if (platform === 'linux')
    return new AppError(
      ErrorCode.TokenCacheUnavailable,
      'No keyring is available (no Secret Service), so PHS Sync cannot keep the account password or the sign-in encrypted.',
      'Install and unlock a Secret Service keyring — GNOME Keyring (gnome-keyring) or KWallet — in your desktop session, then restart PHS Sync.',
    );
  return new AppError(
    ErrorCode.TokenCacheUnavailable,
    "The operating system's secret store is not available, so PHS Sync cannot keep the account password or the sign-in encrypted.",
    platform === 'darwin'
      ? 'Unlock your login keychain (Keychain Access), then restart PHS Sync.'
      : 'Sign in to Windows with your own user account (DPAPI needs a user profile), then restart PHS Sync.',
  );
}
