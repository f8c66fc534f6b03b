/**
 * What must never reach the renderer: the AD passwords used, tokens (JWTs start "eyJ"), and
 * anything hash-like (32 hex digits in a row: an NT hash, an MD4, a key). Checked over every IPC
 * reply and every push a session recorded, and over the files main wrote.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AppSession } from './harness.ts';

export interface Leak {
  readonly where: string;
  readonly what: string;
}

const HASH_LIKE = /[0-9a-f]{32}/i;

export function leaksIn(text: string, where: string, secrets: readonly string[]): Leak[] {
  const found: Leak[] = [];
  for (const secret of secrets)
    if (text.includes(secret) || text.includes(JSON.stringify(secret).slice(1, -1)))
      found.push({ where, what: 'a password' });
  if (text.includes('eyJ')) found.push({ where, what: 'a token (eyJ…)' });
  const hash = HASH_LIKE.exec(text);
  if (hash !== null) found.push({ where, what: `a hash-like string ${hash[0].slice(0, 6)}…` });
  return found;
}

/** Every reply and push the page received in `session`. */
export function rendererLeaks(session: AppSession, secrets: readonly string[]): Leak[] {
  return [
    ...session.calls.flatMap((c, i) =>
      leaksIn(JSON.stringify(c.reply), `reply ${i} to ${String(c.channel)}`, secrets),
    ),
    ...session.pushed.flatMap((p, i) =>
      leaksIn(JSON.stringify(p.payload), `push ${i} on ${p.channel}`, secrets),
    ),
  ];
}

/** The files main wrote in its user-data folder: secrets only sealed, tokens only sealed. */
export function fileLeaks(dir: string, secrets: readonly string[]): Leak[] {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((file) => statSync(file).isFile() && !file.endsWith('e2e-secret.key'))
    .flatMap((file) =>
      leaksIn(readFileSync(file).toString('latin1'), file, secrets).filter(
        (l) => l.what !== 'a hash-like string' && !l.what.startsWith('a hash-like'),
      ),
    );
}
