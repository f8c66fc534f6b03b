/**
 * Loaded with `node --import ./test/boringssl/narrow-crypto.ts …`: narrows `node:crypto` to the
 * names Electron's BoringSSL knows (names.ts), in the main thread and in every worker thread
 * (Node runs `--import` modules in workers too), so a run under Node fails exactly where the
 * desktop app would. Every name used is appended to $PHS_CRYPTO_NAMES_LOG (when set) as
 * `<main|worker> <function> <name>`, so a test can prove the narrowed functions were the ones called.
 */
import crypto from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { isMainThread } from 'node:worker_threads';
import { isBoringSslCipher, isBoringSslDigest } from './names.ts';

const log = process.env['PHS_CRYPTO_NAMES_LOG'];
const seen = new Set<string>();
const thread = isMainThread ? 'main' : 'worker';

function record(fn: string, name: string): void {
  const line = `${thread} ${fn} ${name.toLowerCase()}`;
  if (!log || seen.has(line)) return;
  seen.add(line);
  appendFileSync(log, `${line}\n`);
}

/** Electron's own wording for a name BoringSSL does not have. */
class UnknownInBoringSsl extends Error {
  constructor(kind: 'cipher' | 'digest', name: string) {
    super(`Invalid ${kind}: ${name} (not in Electron's BoringSSL; the desktop app would fail here)`);
    this.name = 'UnknownInBoringSsl';
  }
}

function checked(kind: 'cipher' | 'digest', fn: string, name: unknown): void {
  if (typeof name !== 'string') return; // Node itself rejects it.
  record(fn, name);
  if (!(kind === 'cipher' ? isBoringSslCipher(name) : isBoringSslDigest(name)))
    throw new UnknownInBoringSsl(kind, name);
}

type Fn = (...args: never[]) => unknown;
const api = crypto as unknown as Record<string, Fn>;

/** Replaces `crypto[fn]` by a wrapper that checks the name found at argument `at` first. */
function narrow(fn: string, kind: 'cipher' | 'digest', at: number): void {
  const original = api[fn];
  if (typeof original !== 'function') return;
  api[fn] = function narrowed(this: unknown, ...args: never[]): unknown {
    checked(kind, fn, args[at]);
    return original.apply(this, args);
  };
}

narrow('createCipheriv', 'cipher', 0);
narrow('createDecipheriv', 'cipher', 0);
narrow('createHash', 'digest', 0);
narrow('createHmac', 'digest', 0);
narrow('hash', 'digest', 0);
narrow('pbkdf2', 'digest', 4);
narrow('pbkdf2Sync', 'digest', 4);
narrow('hkdf', 'digest', 0);
narrow('hkdfSync', 'digest', 0);
syncBuiltinESMExports();
