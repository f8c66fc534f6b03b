/**
 * The algorithm names Electron's Node can look up, because its `node:crypto` sits on BoringSSL,
 * not OpenSSL: BoringSSL's fixed `EVP_get_cipherbyname` / `EVP_get_digestbyname` tables plus what
 * Electron's own `patches/boringssl` adds (`des-ede3` in ECB mode, Blowfish, RIPEMD-160).
 * OpenSSL-only names such as `des-ede3-ecb` are absent: code that uses them passes under the CLI
 * (Node, OpenSSL) and fails in the app. Lookups are case-insensitive in both libraries.
 * Source: ../shared/design/lab.md, "Electron's runtime is BoringSSL".
 */
export const BORINGSSL_CIPHERS: ReadonlySet<string> = new Set([
  ...['128', '192', '256'].flatMap((bits) =>
    ['cbc', 'ctr', 'ecb', 'gcm', 'ofb'].map((mode) => `aes-${bits}-${mode}`),
  ),
  'aes-256-xts',
  'chacha20-poly1305',
  'des-cbc',
  'des-ecb',
  'des-ede',
  'des-ede-cbc',
  'des-ede3',
  'des-ede3-cbc',
  'rc2-cbc',
  'rc2-40-cbc',
  'rc4',
  'bf-cbc',
  'bf-cfb',
  'bf-ecb',
]);

export const BORINGSSL_DIGESTS: ReadonlySet<string> = new Set([
  'md4',
  'md5',
  'sha1',
  'sha224',
  'sha256',
  'sha384',
  'sha512',
  'sha512-256',
  'md5-sha1',
  'ripemd160',
]);

export function isBoringSslCipher(name: string): boolean {
  return BORINGSSL_CIPHERS.has(name.toLowerCase());
}

export function isBoringSslDigest(name: string): boolean {
  return BORINGSSL_DIGESTS.has(name.toLowerCase());
}
