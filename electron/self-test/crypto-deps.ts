/**
 * The primitives the self-test checks, as the engine itself calls them. Injected so that a test
 * can break one (a stub) and watch the self-test name it and block sync; production code always
 * passes `defaultCryptoDeps`. New primitives (Kerberos' AES-CTS, HMAC-SHA1-96) join here.
 */
import { createCipheriv, createDecipheriv, createHash, getFips, pbkdf2Sync } from 'node:crypto';
import { desDecryptBlock, desEncryptBlock } from '../directory/drsr/crypto/des.ts';
import { hmacMd5, md5 } from '../directory/drsr/crypto/hmac.ts';
import { Rc4 } from '../directory/drsr/crypto/rc4.ts';
import { md4 } from '../crypto/md4.ts';
import { wireFromNtHash } from '../phs/orgid.ts';

/** An RC4 stream whose keystream position carries over from one process() call to the next. */
export interface Rc4Stream {
  process(data: Uint8Array): Uint8Array;
  dispose(): void;
}

export interface GcmSealed {
  readonly cipher: Buffer;
  readonly tag: Buffer;
}

export interface CryptoDeps {
  readonly md4: (data: Uint8Array) => Buffer;
  /** Probed for 'md5' before the MD5 answers: a FIPS-mode runtime refuses it by throwing here. */
  readonly createHash: (algorithm: string) => unknown;
  /** 1 when this runtime enforces FIPS mode (node:crypto getFips). */
  readonly getFips: () => number;
  readonly md5: (...parts: readonly Uint8Array[]) => Buffer;
  readonly hmacMd5: (key: Uint8Array, ...parts: readonly Uint8Array[]) => Buffer;
  readonly rc4: (key: Uint8Array) => Rc4Stream;
  readonly desEncryptBlock: (key8: Uint8Array, block: Uint8Array) => Buffer;
  readonly desDecryptBlock: (key8: Uint8Array, block: Uint8Array) => Buffer;
  readonly pbkdf2Sha256: (
    password: Uint8Array,
    salt: Uint8Array,
    iterations: number,
    length: number,
  ) => Buffer;
  readonly wireFromNtHash: (ntHash: Uint8Array, salt: Uint8Array, iterations: number) => string;
  readonly aes256GcmSeal: (key: Uint8Array, iv: Uint8Array, aad: Uint8Array, plain: Uint8Array) => GcmSealed;
  /** Throws when the tag does not authenticate the ciphertext and AAD. */
  readonly aes256GcmOpen: (key: Uint8Array, iv: Uint8Array, aad: Uint8Array, sealed: GcmSealed) => Buffer;
}

/** AES-256-GCM with the calls tenant/key-file-box.ts makes: setAAD, then the 16-byte tag. */
function aes256GcmSeal(key: Uint8Array, iv: Uint8Array, aad: Uint8Array, plain: Uint8Array): GcmSealed {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { cipher: body, tag: cipher.getAuthTag() };
}

function aes256GcmOpen(key: Uint8Array, iv: Uint8Array, aad: Uint8Array, sealed: GcmSealed): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.cipher), decipher.final()]);
}

export const defaultCryptoDeps: CryptoDeps = {
  md4,
  createHash: (algorithm) => createHash(algorithm),
  // A runtime that cannot say is not enforcing FIPS as far as the remediation goes.
  getFips: () => {
    try {
      return getFips();
    } catch {
      return 0;
    }
  },
  md5,
  hmacMd5,
  rc4: (key) => new Rc4(key),
  desEncryptBlock,
  desDecryptBlock,
  pbkdf2Sha256: (password, salt, iterations, length) =>
    pbkdf2Sync(password, salt, iterations, length, 'sha256'),
  wireFromNtHash,
  aes256GcmSeal,
  aes256GcmOpen,
};
