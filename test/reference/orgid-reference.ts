/** Runs the independent reference chain: OpenSSL MD4 (child Node, legacy provider) → Python PBKDF2. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openSslMd4 } from './openssl-md4.ts';

export interface ReferenceCase {
  readonly password: string;
  readonly salt: string;
  readonly iterations: number;
}

export async function referenceWires(cases: readonly ReferenceCase[]): Promise<string[]> {
  const nts = await openSslMd4(cases.map((c) => Buffer.from(c.password, 'utf16le')));
  const input = cases.map((c, i) => JSON.stringify({ nt: nts[i], salt: c.salt, iterations: c.iterations })).join('\n');
  const out = execFileSync('python3', [fileURLToPath(new URL('./orgid-reference.py', import.meta.url))], { input: `${input}\n`, timeout: 60_000 });
  return out.toString('utf8').trim().split('\n');
}
