/**
 * Encryption of data at rest (the token cache) behind one small interface, so the same cache
 * code runs in the app (Electron safeStorage: electron/platform/safe-storage-box.ts) and in the
 * CLI (a 0600 key file: key-file-box.ts). Implementations refuse rather than store in the clear.
 */
export interface SecretBox {
  /** Returns the sealed bytes; throws an AppError when no safe encryption is available. */
  encrypt(plain: Buffer): Promise<Buffer>;
  /** Returns the plain bytes; throws AppError TokenCacheCorrupt when they cannot be opened. */
  decrypt(sealed: Buffer): Promise<Buffer>;
}
