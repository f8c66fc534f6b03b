/**
 * An independent MD4: OpenSSL's, reached through Node's legacy provider in a child process
 * (the test process itself does not load the legacy provider).
 */
import { execFileSync } from 'node:child_process';

const SCRIPT = `
const { createHash } = require('node:crypto');
const inputs = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(inputs.map((h) => createHash('md4').update(Buffer.from(h, 'hex')).digest('hex'))));
`;

export async function openSslMd4(inputs: readonly Buffer[]): Promise<string[]> {
  const out = execFileSync(process.execPath, ['--openssl-legacy-provider', '-e', SCRIPT], {
    input: JSON.stringify(inputs.map((b) => b.toString('hex'))),
    maxBuffer: 64 * 1024 * 1024,
    timeout: 30_000,
  });
  return JSON.parse(out.toString('utf8')) as string[];
}
