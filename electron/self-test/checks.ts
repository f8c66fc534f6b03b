/**
 * One check per cryptographic primitive the engine needs, each against published known answers
 * (vectors.ts). A check throws when an answer differs or the runtime refuses the primitive.
 * To add a primitive (Kerberos' AES-CTS and HMAC-SHA1-96 next), add its vectors, its function
 * in crypto-deps.ts and one entry here.
 */
import type { CryptoDeps } from './crypto-deps.ts';
import {
  AES_256_GCM_VECTORS,
  DES_VECTORS,
  HMAC_MD5_VECTORS,
  KNOWN_ANSWERS,
  MD4_VECTORS,
  MD5_VECTORS,
  PBKDF2_SHA256_VECTORS,
  RC4_VECTORS,
} from './vectors.ts';

export interface PrimitiveCheck {
  readonly name: string;
  /** Where its known answers come from. */
  readonly source: string;
  run(deps: CryptoDeps): void;
}

/** A known answer that came out different: names the vector, shows both values (public test data). */
export class KnownAnswerMismatch extends Error {
  constructor(vector: string, expected: string, actual: string) {
    super(`${vector}: expected ${expected}, got ${actual}`);
    this.name = 'KnownAnswerMismatch';
  }
}

/** MD5 refused by the runtime itself (FIPS mode): replication cannot decrypt without it. */
export class Md5Unavailable extends Error {
  readonly fips: boolean;

  constructor(thrown: string, fips: boolean) {
    super(
      `MD5 is unavailable in this runtime${fips ? ' (FIPS mode is on)' : ''}: createHash('md5') threw "${thrown}"`,
    );
    this.name = 'Md5Unavailable';
    this.fips = fips;
  }
}

const hex = (value: string): Buffer => Buffer.from(value, 'hex');

function expectHex(vector: string, actual: Uint8Array | string, expected: string): void {
  const got = typeof actual === 'string' ? actual : Buffer.from(actual).toString('hex');
  if (got !== expected) throw new KnownAnswerMismatch(vector, expected, got);
}

/** Throws Md5Unavailable when the runtime refuses to create an MD5 hash. */
export function probeMd5(deps: CryptoDeps): void {
  try {
    deps.createHash('md5');
  } catch (error) {
    throw new Md5Unavailable(error instanceof Error ? error.message : String(error), deps.getFips() === 1);
  }
}

/** Runs `body`; when it throws, says whether MD5 being refused is the reason. */
function withMd5(deps: CryptoDeps, body: () => void): void {
  probeMd5(deps);
  try {
    body();
  } catch (error) {
    probeMd5(deps);
    throw error;
  }
}

export const PRIMITIVE_CHECKS: readonly PrimitiveCheck[] = [
  {
    name: 'MD4',
    source: 'RFC 1320 test suite',
    run: (deps) =>
      MD4_VECTORS.forEach((v, i) =>
        expectHex(`RFC 1320 vector ${i + 1}`, deps.md4(Buffer.from(v.input)), v.digest),
      ),
  },
  {
    name: 'MD5',
    source: 'RFC 1321 test suite',
    run: (deps) =>
      withMd5(deps, () =>
        MD5_VECTORS.forEach((v, i) =>
          expectHex(`RFC 1321 vector ${i + 1}`, deps.md5(Buffer.from(v.input)), v.digest),
        ),
      ),
  },
  {
    name: 'HMAC-MD5',
    source: 'RFC 2202 test cases 1, 2, 6',
    run: (deps) =>
      withMd5(deps, () =>
        HMAC_MD5_VECTORS.forEach((v, i) =>
          expectHex(`RFC 2202 case ${[1, 2, 6][i]}`, deps.hmacMd5(hex(v.key), Buffer.from(v.data)), v.mac),
        ),
      ),
  },
  {
    name: 'RC4',
    source: 'RFC 6229 keystreams',
    run: (deps) => {
      for (const v of RC4_VECTORS) {
        // The keystream is read in the pieces between the offsets: the stream must carry over.
        const stream = deps.rc4(hex(v.key));
        let position = 0;
        try {
          for (const { offset, bytes } of v.stream) {
            stream.process(Buffer.alloc(offset - position));
            expectHex(
              `RFC 6229 ${v.key.length * 4}-bit key, offset ${offset}`,
              stream.process(Buffer.alloc(16)),
              bytes,
            );
            position = offset + 16;
          }
        } finally {
          stream.dispose();
        }
      }
    },
  },
  {
    name: 'DES',
    source: 'FIPS 81 example, textbook pair',
    run: (deps) =>
      DES_VECTORS.forEach((v, i) => {
        expectHex(`DES vector ${i + 1} (encrypt)`, deps.desEncryptBlock(hex(v.key), hex(v.plain)), v.cipher);
        expectHex(`DES vector ${i + 1} (decrypt)`, deps.desDecryptBlock(hex(v.key), hex(v.cipher)), v.plain);
      }),
  },
  {
    name: 'PBKDF2-HMAC-SHA256',
    source: 'RFC 7914 §11',
    run: (deps) =>
      PBKDF2_SHA256_VECTORS.forEach((v) =>
        expectHex(
          `RFC 7914 P="${v.password}" c=${v.iterations}`,
          deps.pbkdf2Sha256(Buffer.from(v.password), Buffer.from(v.salt), v.iterations, v.key.length / 2),
          v.key,
        ),
      ),
  },
  {
    name: 'OrgId (PHS wire string)',
    source: 'PHS known answers',
    run: (deps) =>
      KNOWN_ANSWERS.forEach((k, i) =>
        expectHex(`PHS known answer ${i + 1}`, deps.wireFromNtHash(hex(k.ntHash), hex(k.salt), 1000), k.wire),
      ),
  },
  {
    name: 'AES-256-GCM',
    source: 'GCM spec test cases 14, 16',
    run: (deps) =>
      AES_256_GCM_VECTORS.forEach((v, i) => {
        const name = `GCM test case ${[14, 16][i]}`;
        const sealed = deps.aes256GcmSeal(hex(v.key), hex(v.iv), hex(v.aad), hex(v.plain));
        expectHex(`${name} (ciphertext)`, sealed.cipher, v.cipher);
        expectHex(`${name} (tag)`, sealed.tag, v.tag);
        expectHex(
          `${name} (decrypt)`,
          deps.aes256GcmOpen(hex(v.key), hex(v.iv), hex(v.aad), sealed),
          v.plain,
        );
        expectTamperRefused(deps, v, name);
      }),
  },
];

/** A flipped tag bit must make decryption throw: GCM without authentication would be worthless. */
function expectTamperRefused(deps: CryptoDeps, v: (typeof AES_256_GCM_VECTORS)[number], name: string): void {
  const tag = hex(v.tag);
  tag[0] = tag[0]! ^ 1;
  let opened = true;
  try {
    deps.aes256GcmOpen(hex(v.key), hex(v.iv), hex(v.aad), { cipher: hex(v.cipher), tag });
  } catch {
    opened = false;
  }
  if (opened) throw new KnownAnswerMismatch(`${name} (altered tag)`, 'refused', 'accepted');
}
