/** `phs hash`: the PHS wire string for one password (from stdin) or one NT hash. */
import { parseArgs } from 'node:util';
import { NT_HASH_BYTES, SALT_BYTES, checkHex, checkIterations } from '../../shared/validators.ts';
import { ntHash } from '../crypto/md4.ts';
import { PHS_ITERATIONS, newSalt, wireFromNtHash } from '../phs/orgid.ts';
import { ExitCode, UsageError, type CliIo } from './io.ts';
import { readSecret } from './read-secret.ts';

export const HASH_HELP = `Usage: phs hash [--salt <20 hex>] [--iterations N]
       phs hash --nt-hash <32 hex> [--salt <20 hex>] [--iterations N]

Prints the PHS wire string that is sent to Microsoft Entra ID for one password:
  v1;PPH1_MD4,<salt>,<iterations>,<key>;
where key = PBKDF2-HMAC-SHA256(UTF-16LE(UPPERCASE hex(NT hash)), salt, iterations, 32 bytes).

The password is read from standard input: the whole input, minus one trailing line ending
(so "echo" and files with a final newline work). At a terminal it is typed with echo off.

Options:
  --salt <hex>        the 10-byte salt as 20 hex digits (default: a fresh random salt)
  --iterations <N>    PBKDF2 iterations (default ${PHS_ITERATIONS}; 100 was the format before 2016)
  --nt-hash <hex>     use this 16-byte NT hash (32 hex digits) instead of reading a password
  -h, --help          show this help

Examples:
  printf '%s' 'Pa$$w0rd' | phs hash --salt 317ee9d1dec6508fa510
  phs hash --nt-hash 31d6cfe0d16ae931b73c59d7e0c089c0 --salt 01cda06eceb9d9bc2621

Exit codes: 0 printed, 2 bad input.`;

export async function hashCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      salt: { type: 'string' },
      iterations: { type: 'string' },
      'nt-hash': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout.write(`${HASH_HELP}\n`);
    return ExitCode.Ok;
  }
  const salt = parseHexOption(values.salt, SALT_BYTES, '--salt') ?? newSalt();
  const iterations = parseIterations(values.iterations);
  const nt =
    parseHexOption(values['nt-hash'], NT_HASH_BYTES, '--nt-hash') ??
    ntHash(await readSecret(io, 'Password: '));
  try {
    io.stdout.write(`${wireFromNtHash(nt, salt, iterations)}\n`);
  } finally {
    nt.fill(0);
  }
  return ExitCode.Ok;
}

/** A hex option of a fixed byte length (undefined when absent); a usage error names what is wrong. */
export function parseHexOption(value: string | undefined, bytes: number, name: string): Buffer | undefined {
  if (value === undefined) return undefined;
  const problem = checkHex(value, bytes, name);
  if (problem) throw new UsageError(problem);
  return Buffer.from(value, 'hex');
}

/** --iterations, defaulting to the PHS standard of 1000. */
export function parseIterations(value: string | undefined): number {
  if (value === undefined) return PHS_ITERATIONS;
  const problem = checkIterations(value);
  if (problem) throw new UsageError(`--${problem}`);
  return Number(value);
}
