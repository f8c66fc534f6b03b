/**
 * Parser and verifier of PHS wire strings. Accepts any iteration count (100 was the format
 * before 2016, 1000 today), so a stored or captured value can always be checked.
 */
import { timingSafeEqual } from 'node:crypto';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { MAX_ITERATIONS } from '../../shared/validators.ts';
import { KEY_LENGTH, SALT_LENGTH, WIRE_PREFIX, deriveKey } from './orgid.ts';
import { ntHash } from '../crypto/md4.ts';

export interface ParsedWire {
  readonly salt: Buffer;
  readonly iterations: number;
  readonly key: Buffer;
}

const SHAPE = /^v1;PPH1_MD4,([0-9a-f]*),([0-9]*),([0-9a-f]*);$/;

function malformed(what: string): AppError {
  return new AppError(
    ErrorCode.WireFormat,
    `Not a PHS wire string: ${what}.`,
    'Expect the form v1;PPH1_MD4,<20 hex salt>,<iterations>,<64 hex key>; (lowercase hex).',
  );
}

export function parseWire(wire: string): ParsedWire {
  if (wire.length > 256) throw malformed('it is too long');
  if (!wire.startsWith(WIRE_PREFIX)) throw malformed(`it does not start with "${WIRE_PREFIX}"`);
  const m = SHAPE.exec(wire);
  if (!m) throw malformed('expected three comma-separated fields of lowercase hex and digits, ending in ";"');
  const [, saltHex = '', iterText = '', keyHex = ''] = m;
  if (saltHex.length !== SALT_LENGTH * 2) throw malformed(`the salt must be ${SALT_LENGTH * 2} hex digits`);
  if (keyHex.length !== KEY_LENGTH * 2) throw malformed(`the key must be ${KEY_LENGTH * 2} hex digits`);
  const iterations = Number(iterText);
  if (!/^[1-9][0-9]*$/.test(iterText) || iterations > MAX_ITERATIONS) {
    throw malformed(`the iteration count must be a whole number from 1 to ${MAX_ITERATIONS}`);
  }
  return { salt: Buffer.from(saltHex, 'hex'), iterations, key: Buffer.from(keyHex, 'hex') };
}

/** True when `wire` was made from this NT hash (constant-time comparison of the keys). */
export function verifyNtHash(wire: string, nt: Uint8Array): boolean {
  const parsed = parseWire(wire);
  const key = deriveKey(nt, parsed.salt, parsed.iterations);
  try {
    return timingSafeEqual(key, parsed.key);
  } finally {
    key.fill(0);
  }
}

/** True when `wire` was made from this password. */
export function verifyPassword(wire: string, password: string): boolean {
  const nt = ntHash(password);
  try {
    return verifyNtHash(wire, nt);
  } finally {
    nt.fill(0);
  }
}
